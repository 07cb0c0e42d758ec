import { QueryClient, QueryClientProvider, queryOptions, useQuery } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../aws/errors';
import { useStaleQueries, type StaleSource } from '../query/stale';
import { StaleBanner } from './StaleBanner';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const failed = (over: Partial<StaleSource> = {}): StaleSource => ({
  isRefetchError: true,
  error: new AppError('server', 'Service unavailable', { retryable: true, requestId: 'req-503' }),
  dataUpdatedAt: Date.now() - 42_000,
  isFetching: false,
  refetch: vi.fn(),
  ...over,
});
const fresh = (): StaleSource => ({ isRefetchError: false, error: null, dataUpdatedAt: Date.now(), isFetching: false, refetch: vi.fn() });

describe('stale banner', () => {
  it('says how old the data is, why the refresh failed, with the request id and a Retry that refreshes', () => {
    const q = failed();
    render(<StaleBanner queries={q} section="replication" />);
    const banner = screen.getByRole('status');
    expect(banner.textContent).toMatch(/^Showing data from 42 s ago — refresh failed: Service unavailable\. Request id: req-503.* Greenroom keeps trying\. Retry$/);
    expect(banner.dataset.staleSection).toBe('replication');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(q.refetch).toHaveBeenCalledOnce();
  });

  it('shows nothing while every query of the section is fresh', () => {
    const { container } = render(<StaleBanner queries={[fresh(), undefined, fresh()]} />);
    expect(container.innerHTML).toBe('');
  });

  it('of several queries, gives the age of the oldest stale data and retries every failed one', () => {
    const a = failed({ dataUpdatedAt: Date.now() - 5_000 });
    const b = failed({ dataUpdatedAt: Date.now() - 125_000, error: new AppError('throttled', 'Rate exceeded', { retryable: true }) });
    const ok = fresh();
    render(<StaleBanner queries={[ok, a, b]} />);
    expect(screen.getByRole('status').textContent).toContain('Showing data from 2 min ago');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect([a.refetch, b.refetch, ok.refetch].map((f) => (f as ReturnType<typeof vi.fn>).mock.calls.length)).toEqual([1, 1, 0]);
  });

  it('says a throttled refresh slows polling, and disables Retry while a refresh is under way', () => {
    render(<StaleBanner queries={failed({ error: new AppError('throttled', 'Rate exceeded', { retryable: true }), isFetching: true })} />);
    expect(screen.getByRole('status').textContent).toContain('Greenroom refreshes less often until IVS accepts requests again.');
    expect((screen.getByRole('button', { name: 'Retrying…' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('stale queries read from the cache', () => {
  it('finds a query in use whose refresh failed after it had data, and loses it after a good refresh', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    let fail = false;
    const fn = vi.fn(async () => {
      if (fail) throw new AppError('server', 'Service unavailable', { retryable: true });
      return ['ACTIVE'];
    });
    const replicasOf = (id: string) => queryOptions({ queryKey: ['ivs', 'us-east-1', 'replicas', 'source', 'stage-a', id], queryFn: fn });
    function Row({ id }: { id: string }) {
      useQuery(replicasOf(id));
      return null;
    }
    function Section() {
      const stale = useStaleQueries((k) => k[2] === 'replicas' && k[4] === 'stage-a');
      return <StaleBanner queries={stale} />;
    }
    render(
      <QueryClientProvider client={client}>
        <Row id="p1" />
        <Row id="p2" />
        <Section />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(fn).toHaveBeenCalledTimes(2));
    expect(screen.queryByRole('status')).toBeNull();

    fail = true;
    await act(() => client.refetchQueries({ queryKey: replicasOf('p2').queryKey }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('refresh failed: Service unavailable.'));

    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    // Retry asked again only for the query that had failed.
    expect(fn).toHaveBeenCalledTimes(4);
  });
});
