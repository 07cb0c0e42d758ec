import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState, type ReactNode } from 'react';
import { useAws } from '../../aws/AwsProvider';
import type { Region, StageSummary } from '../../aws/types';
import { paths } from '../../config/paths';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FreshnessIndicator } from '../../components/FreshnessIndicator';
import { stageIdOf } from '../../components/format';
import { EmptyState, Loading } from '../../components/Loading';
import { navigate } from '../../components/navigate';
import { StaleBanner } from '../../components/StaleBanner';
import { StatusBadge } from '../../components/StatusBadge';
import { UntrustedText } from '../../components/UntrustedText';
import { usePollInterval } from '../../query/polling';
import { Can, useCan } from '../auth/Can';
import { useHasDraft } from '../auth/useDraft';
import { LiveCountsCells } from './components/LiveCountsCells';
import { StageFormDialog, stageDraftKey } from './components/StageFormDialog';
import { useDeleteStage } from './mutations';
import { stageQueries } from './queries';
import { matchesTagFilter } from './validation';

type Props = { region: Region; search: URLSearchParams };

export function StageListPage({ region, search }: Props): ReactNode {
  const aws = useAws();
  const q = useQuery({ ...stageQueries.list(aws, region), refetchInterval: usePollInterval('stages') });
  const name = search.get('q') ?? '';
  const tag = search.get('tag') ?? '';
  const deferredName = useDeferredValue(name);
  const deferredTag = useDeferredValue(tag);
  const createDraft = useHasDraft(stageDraftKey(region));
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'edit' | 'delete'; stage: StageSummary } | null>(createDraft ? { kind: 'create' } : null);
  const del = useDeleteStage(region);
  const canEdit = useCan('stage:edit');
  const canDelete = useCan('stage:delete');
  const actions = canEdit || canDelete;

  const setFilter = (patch: { q?: string; tag?: string }): void =>
    navigate(paths.stages.getHref(region, { q: name, tag, ...patch }), { replace: true });

  const rows = (q.data ?? []).filter(
    (s) => s.name.toLowerCase().includes(deferredName.toLowerCase()) && matchesTagFilter(s.tags, deferredTag),
  );

  let body: ReactNode;
  if (q.data) {
    body =
      rows.length === 0 ? (
        <EmptyState>
          {q.data.length === 0 ? `No stages in ${region} yet. Create one to get started.` : 'No stage matches these filters.'}
        </EmptyState>
      ) : (
        <table className="table">
          <caption className="sr-only">Stages in {region}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Stage id</th>
              <th scope="col">Live session</th>
              <th scope="col" className="num">Connected</th>
              <th scope="col" className="num">Publishing</th>
              <th scope="col">Tags</th>
              {actions ? <th scope="col">Actions</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.arn}>
                <td>
                  <a href={paths.stage.getHref(region, s.arn)}>{s.name || '(unnamed)'}</a>
                </td>
                <td>
                  <code>{stageIdOf(s.arn)}</code>
                </td>
                <td>
                  {s.activeSessionId ? (
                    <a href={paths.session.getHref(region, s.arn, s.activeSessionId)}>
                      <StatusBadge tone="ok">Live</StatusBadge> <code>{s.activeSessionId}</code>
                    </a>
                  ) : (
                    <StatusBadge tone="neutral">Idle</StatusBadge>
                  )}
                </td>
                <LiveCountsCells region={region} arn={s.arn} sessionId={s.activeSessionId} />
                <td>
                  {Object.entries(s.tags).map(([k, v]) => (
                    <span className="tag" key={k}>
                      <UntrustedText value={`${k}=${v}`} />
                    </span>
                  ))}
                </td>
                {actions ? (
                  <td className="row-actions">
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
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      );
  } else if (q.isError) body = <ErrorPanel error={q.error} onRetry={() => void q.refetch()} />;
  else body = <Loading label="Loading stages" />;

  return (
    <section aria-labelledby="stages-title">
      <div className="page-head">
        <h1 id="stages-title">Stages in {region}</h1>
        <FreshnessIndicator updatedAt={q.dataUpdatedAt} fetching={q.isFetching} />
      </div>
      <div className="toolbar" role="search">
        <label>
          Filter by name <input type="search" value={name} onChange={(e) => setFilter({ q: e.target.value })} />
        </label>
        <label>
          Filter by tag <input type="search" value={tag} placeholder="key or key=value" onChange={(e) => setFilter({ tag: e.target.value })} />
        </label>
        <span className="muted">{q.data ? `${rows.length} of ${q.data.length} stages` : null}</span>
        <Can policy="stage:create">
          <button type="button" className="primary" onClick={() => setDialog({ kind: 'create' })}>
            Create stage
          </button>
        </Can>
      </div>
      {q.data && q.isRefetchError ? <StaleBanner error={q.error} /> : null}
      {body}
      {dialog?.kind === 'create' ? <StageFormDialog region={region} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'edit' ? <StageFormDialog region={region} stage={dialog.stage} onClose={() => setDialog(null)} /> : null}
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
