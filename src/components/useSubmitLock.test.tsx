import { QueryClient, QueryClientProvider, useMutation } from '@tanstack/react-query';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { AppError } from '../aws/errors';
import { ConfirmDialog } from './ConfirmDialog';
import { createSubmitLock } from './useSubmitLock';

/** A promise the test settles by hand. */
type Deferred<T = void> = { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void };

function deferred<T = void>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('createSubmitLock', () => {
  it('ignores a second run until the first run’s promise settles', async () => {
    const lock = createSubmitLock();
    const first = deferred();
    let runs = 0;
    expect(lock.run(() => ((runs += 1), first.promise))).toBe(true);
    expect(lock.run(() => (runs += 1))).toBe(false);
    expect(runs).toBe(1);
    first.resolve();
    await first.promise;
    await Promise.resolve();
    expect(lock.locked).toBe(false);
    expect(lock.run(() => (runs += 1))).toBe(true);
    expect(runs).toBe(2);
  });

  it('opens again after a rejected promise, so the user can try again', async () => {
    const lock = createSubmitLock();
    const first = deferred();
    lock.run(() => first.promise);
    first.reject(new Error('refused'));
    await first.promise.catch(() => undefined);
    await Promise.resolve();
    expect(lock.locked).toBe(false);
  });

  it('stays closed after a plain return until released, and opens at once when the submit throws', () => {
    const lock = createSubmitLock();
    lock.run(() => undefined);
    expect(lock.locked).toBe(true);
    expect(lock.run(() => undefined)).toBe(false);
    lock.release();
    expect(() =>
      lock.run(() => {
        throw new Error('bad input');
      }),
    ).toThrow('bad input');
    expect(lock.locked).toBe(false);
  });
});

/** A dialog driven by a real react-query mutation that calls `mutate`, as StageListPage does. */
function DeleteDialog({ calls, answers }: { calls: string[]; answers: Array<Deferred> }): ReactNode {
  const [open, setOpen] = useState(true);
  const del = useMutation<void, AppError, string>({ mutationFn: (arn) => (calls.push(arn), answers[calls.length - 1]?.promise ?? Promise.resolve()) });
  return (
    <ConfirmDialog
      open={open}
      title="Delete stage?"
      confirmLabel="Delete stage"
      pending={del.isPending}
      error={del.error}
      onCancel={() => setOpen(false)}
      onConfirm={() => del.mutate('arn:stage/a')}
    />
  );
}

function renderDialog(answers: Array<Deferred>): string[] {
  const calls: string[] = [];
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <DeleteDialog calls={calls} answers={answers} />
    </QueryClientProvider>,
  );
  return calls;
}

describe('ConfirmDialog', () => {
  it('sends one request for two confirms in the same tick, and accepts a confirm again once it failed', async () => {
    const first = deferred();
    const calls = renderDialog([first, deferred()]);
    const confirm = screen.getByRole('button', { name: 'Delete stage', hidden: true });
    await act(async () => {
      fireEvent.click(confirm);
      fireEvent.click(confirm);
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(calls).toHaveLength(1);
    expect((confirm as HTMLButtonElement).disabled).toBe(true);

    await act(async () => {
      first.reject(new AppError('server', 'IVS failed', { retryable: true }));
      await first.promise.catch(() => undefined);
      await new Promise((r) => setTimeout(r, 10));
    });
    const again = screen.getByRole('button', { name: 'Delete stage', hidden: true });
    expect((again as HTMLButtonElement).disabled).toBe(false);
    await act(async () => {
      fireEvent.click(again);
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(calls).toHaveLength(2);
  });
});
