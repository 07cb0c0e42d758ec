import { useQueries, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useAws } from '../../aws/AwsProvider';
import type { AppError } from '../../aws/errors';
import type { Region, StageSummary } from '../../aws/types';
import { href } from '../../routing/route';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable, type Column, type VisibleRange } from '../../components/DataTable';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FreshnessIndicator } from '../../components/FreshnessIndicator';
import { stageIdOf } from '../../components/format';
import { EmptyState, Loading } from '../../components/Loading';
import { navigate } from '../../routing/navigate';
import { formatSort, parseSort, useSortedRows, withSort, type SortState, type Sorters } from '../../components/sorting';
import { StaleBanner } from '../../components/StaleBanner';
import { keyStartsWith, useStaleQueries } from '../../query/stale';
import { StatusBadge } from '../../components/StatusBadge';
import { UntrustedText } from '../../components/UntrustedText';
import { untrustedPlain } from '../../components/untrusted';
import { useBudgetedInterval } from '../../query/budget';
import { PAGE_SIZE } from '../../aws/limits';
import { Can, useCan } from '../../auth/Can';
import { useHasDraft } from '../../auth/useDraft';
import { LiveCount } from './components/LiveCount';
import { StageFormDialog, stageDraftKey } from './components/StageFormDialog';
import { useDeleteStage } from './mutations';
import { stageQueries } from './queries';
import { matchesTagFilter } from './validation';

type Props = { region: Region; search: URLSearchParams };
type Row = StageSummary & { region: Region };

/** Rows must stay in view this long before their live counts are fetched (scrolling past fires nothing). */
const SETTLE_MS = 250;
const OVERSCAN = 6;

/** The sortable columns (table keys) and what each sorts by; unnamed stages sort last. */
const STAGE_SORTERS: Sorters<Row> = {
  name: (s) => s.name,
  // Ascending puts live stages first: that is what a producer sorting this column looks for.
  session: (s) => (s.activeSessionId ? 0 : 1),
  region: (s) => s.region,
};
const STAGE_SORT_KEYS = Object.keys(STAGE_SORTERS);

function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

export function StageListPage({ region, search }: Props): ReactNode {
  const aws = useAws();
  const all = search.get('regions') === 'all';
  const shown = useMemo(() => (all ? aws.regions : [region]), [all, aws.regions, region]);
  const name = search.get('q') ?? '';
  const tag = search.get('tag') ?? '';
  const sort = parseSort(search.get('sort'), STAGE_SORT_KEYS);
  const deferredName = useDeferredValue(name);
  const deferredTag = useDeferredValue(tag);

  // One ListStages walk per region, each under its own region-first key. The walk costs one call per page
  // of stages, so the interval lengthens with the size of the largest region (query/budget.ts).
  const qc = useQueryClient();
  const largest = Math.max(0, ...shown.map((r) => qc.getQueryData(stageQueries.list(aws, r).queryKey)?.length ?? 0));
  const listInterval = useBudgetedInterval('stages', 'ListStages', 1, Math.max(1, Math.ceil(largest / PAGE_SIZE.ListStages)));
  // The merged rows keep their identity until a list's data changes (combine results are structurally shared),
  // so the sort below runs again only when the stages or the sort change, never while typing in a filter.
  const combine = useCallback(
    (results: UseQueryResult<StageSummary[], AppError>[]) => ({
      lists: results,
      allRows: results.flatMap((l, i): Row[] => (l.data ?? []).map((s) => ({ ...s, region: shown[i] as Region }))),
    }),
    [shown],
  );
  const { lists, allRows } = useQueries({
    queries: shown.map((r) => ({ ...stageQueries.list(aws, r), refetchInterval: listInterval })),
    combine,
  });

  // The rows' live counts are queries of their own (one per row in view): a failed refresh of any of them makes
  // the list's numbers older than they look too.
  const staleCounts = useStaleQueries((k) => k.includes('live-counts') && shown.some((r) => keyStartsWith(k, stageQueries.details(r))));
  const loaded = lists.every((l) => l.data);
  const firstError = lists.find((l) => l.isError && !l.data);
  const updatedAt = Math.min(...lists.map((l) => l.dataUpdatedAt));
  const fetching = lists.some((l) => l.isFetching);
  // A few thousand rows at most: filtering them takes well under a millisecond per render, and the filters read
  // deferred values, so typing never waits for it. The sort (deferred and memoised) runs before the filter.
  const sorted = useSortedRows(allRows, STAGE_SORTERS, sort);
  const needle = deferredName.toLowerCase();
  const rows = sorted.rows.filter((s) => s.name.toLowerCase().includes(needle) && matchesTagFilter(s.tags, deferredTag));

  // Live counts only for the rows in view, once scrolling stops; their interval keeps them within budget.
  const [range, setRange] = useState<VisibleRange>({ start: 0, end: 0 });
  const settled = useSettled(range, SETTLE_MS);
  const liveInView = rows.slice(Math.max(0, settled.start - OVERSCAN), settled.end + OVERSCAN).filter((s) => s.activeSessionId).length;
  const countsInterval = useBudgetedInterval('stages', 'ListParticipants', liveInView);
  const isActive = (i: number): boolean => i >= settled.start - OVERSCAN && i < settled.end + OVERSCAN;
  const indexOf = new Map(rows.map((s, i) => [`${s.region}|${s.arn}`, i]));

  const createRegion = region;
  const createDraft = useHasDraft(stageDraftKey(createRegion));
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'edit' | 'delete'; stage: Row } | null>(createDraft ? { kind: 'create' } : null);
  const del = useDeleteStage(dialog?.kind === 'delete' ? dialog.stage.region : region);
  const canEdit = useCan('stage:edit');
  const canDelete = useCan('stage:delete');
  const actions = canEdit || canDelete;

  const setFilter = (patch: { q?: string; tag?: string }): void =>
    navigate(withSort(href('/regions/:region/stages', { region }, { q: name, tag, ...(all ? { regions: 'all' as const } : {}), ...patch }), sort), { replace: true });
  const setSort = (next: SortState | null): void =>
    navigate(withSort(href('/regions/:region/stages', { region }, { q: name, tag, ...(all ? { regions: 'all' as const } : {}) }), next), { replace: true });
  const where = all ? 'all regions' : region;

  const columns: Column<Row>[] = [
    { key: 'name', header: 'Name', render: (s) => <a href={href('/regions/:region/stages/:stageArn', { region: s.region, stageArn: s.arn })}>{s.name || '(unnamed)'}</a> },
    { key: 'id', header: 'Stage id', className: 'col-id', render: (s) => <code>{stageIdOf(s.arn)}</code> },
    {
      key: 'session',
      header: 'Live session',
      // Wide enough for the badge and a whole session id: people compare and copy it.
      className: 'col-session',
      render: (s) =>
        s.activeSessionId ? (
          <a href={href('/regions/:region/stages/:stageArn/sessions/:sessionId', { region: s.region, stageArn: s.arn, sessionId: s.activeSessionId })} title={`Live session ${s.activeSessionId}`}>
            <StatusBadge tone="ok">Live</StatusBadge> <code>{s.activeSessionId}</code>
          </a>
        ) : (
          <StatusBadge tone="neutral">Idle</StatusBadge>
        ),
    },
    ...(['connected', 'onAir'] as const).map(
      (field): Column<Row> => ({
        key: field,
        header: field === 'connected' ? 'Connected' : 'On air now',
        className: 'num col-num',
        render: (s) => (
          <LiveCount
            region={s.region}
            arn={s.arn}
            sessionId={s.activeSessionId}
            field={field}
            active={isActive(indexOf.get(`${s.region}|${s.arn}`) ?? -1)}
            interval={countsInterval}
          />
        ),
      }),
    ),
    { key: 'region', header: 'Region', className: 'col-region', render: (s) => s.region },
    {
      key: 'tags',
      header: 'Tags',
      // When the tags do not fit the cell they are cut; every tag is in the title (hover), and focusing the cell
      // (it is in the tab order when it has tags) shows them all, wrapped, over the rows below.
      render: (s) => (
        <span
          className="cell-reveal"
          title={Object.entries(s.tags).map(([k, v]) => untrustedPlain(`${k}=${v}`)).join('\n') || undefined}
          tabIndex={Object.keys(s.tags).length ? 0 : undefined}
        >
          {Object.entries(s.tags).map(([k, v]) => (
            <span className="tag" key={k}>
              <UntrustedText value={`${k}=${v}`} />
            </span>
          ))}
        </span>
      ),
    },
    ...(actions
      ? [
          {
            key: 'actions',
            header: 'Actions',
            className: 'row-actions col-actions',
            render: (s: Row) => (
              <>
                <Can policy="stage:edit">
                  <button type="button" className="small" onClick={() => setDialog({ kind: 'edit', stage: s })} aria-label={`Edit stage ${s.name || stageIdOf(s.arn)}`}>
                    Edit
                  </button>
                </Can>
                <Can policy="stage:delete">
                  <button type="button" className="small danger" onClick={() => setDialog({ kind: 'delete', stage: s })} aria-label={`Delete stage ${s.name || stageIdOf(s.arn)}`}>
                    Delete
                  </button>
                </Can>
              </>
            ),
          },
        ]
      : []),
  ];

  let body: ReactNode;
  if (loaded) {
    body =
      rows.length === 0 ? (
        <EmptyState>{allRows.length === 0 ? `No stages in ${where} yet. Create one to get started.` : 'No stage matches these filters.'}</EmptyState>
      ) : (
        <DataTable
          caption={`Stages in ${where}`}
          label="Stage table"
          columns={columns}
          rows={rows}
          rowKey={(s) => `${s.region}|${s.arn}`}
          overscan={OVERSCAN}
          onRangeChange={setRange}
          sorting={{ keys: STAGE_SORT_KEYS, sort, onChange: setSort, pending: formatSort(sorted.applied) !== formatSort(sort) }}
          testId="stage-table"
        />
      );
  } else if (firstError) body = <ErrorPanel error={firstError.error} onRetry={() => void firstError.refetch()} />;
  else body = <Loading label="Loading stages" />;

  return (
    <section aria-labelledby="stages-title">
      <div className="page-head">
        <h1 id="stages-title">Stages in {where}</h1>
        <FreshnessIndicator updatedAt={loaded ? updatedAt : 0} fetching={fetching} />
      </div>
      <div className="toolbar" role="search">
        <label>
          Regions{' '}
          <select
            value={all ? '' : region}
            onChange={(e) =>
              navigate(withSort(href('/regions/:region/stages', { region: e.target.value || region }, { q: name, tag, ...(e.target.value ? {} : { regions: 'all' as const }) }), sort))
            }
          >
            {aws.regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
            <option value="">All regions</option>
          </select>
        </label>
        <label>
          Filter by name <input type="search" value={name} onChange={(e) => setFilter({ q: e.target.value })} />
        </label>
        <label>
          Filter by tag <input type="search" value={tag} placeholder="key or key=value" onChange={(e) => setFilter({ tag: e.target.value })} />
        </label>
        <span className="muted">{loaded ? `${rows.length} of ${allRows.length} stages` : null}</span>
        <Can policy="stage:create">
          <button type="button" className="primary" onClick={() => setDialog({ kind: 'create' })}>
            Create stage
          </button>
        </Can>
      </div>
      <StaleBanner queries={[...lists, ...staleCounts]} section="stages" />
      {body}
      {dialog?.kind === 'create' ? <StageFormDialog region={createRegion} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'edit' ? <StageFormDialog region={dialog.stage.region} stage={dialog.stage} onClose={() => setDialog(null)} /> : null}
      <ConfirmDialog
        open={dialog?.kind === 'delete'}
        title="Delete stage?"
        confirmLabel="Delete stage"
        danger
        pending={del.isPending}
        error={del.error}
        onCancel={() => {
          del.reset();
          setDialog(null);
        }}
        onConfirm={() => dialog?.kind === 'delete' && del.mutate(dialog.stage.arn, { onSuccess: () => setDialog(null) })}
      >
        {dialog?.kind === 'delete' ? (
          <p>
            Deleting <strong>{dialog.stage.name || stageIdOf(dialog.stage.arn)}</strong> disconnects everyone in it and cannot be undone.
          </p>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}
