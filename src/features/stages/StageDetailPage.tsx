import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useAws } from '../../aws/AwsProvider';
import type { Region, Stage, StageSession } from '../../aws/types';
import { href } from '../../routing/route';
import { ErrorPanel } from '../../components/ErrorPanel';
import { CliCommand } from '../../components/CliCommand';
import { FreshnessIndicator } from '../../components/FreshnessIndicator';
import { stageIdOf } from '../../components/format';
import { formatTime } from '../../query/time';
import { EmptyState, Loading } from '../../components/Loading';
import { StaleBanner } from '../../components/StaleBanner';
import { SimpleTable, type SimpleColumn } from '../../components/SimpleTable';
import { SkipLink } from '../../components/SkipLink';
import { StatusBadge } from '../../components/StatusBadge';
import { UntrustedText } from '../../components/UntrustedText';
import { usePollInterval } from '../../query/polling';
import { Can } from '../../auth/Can';
import { useHasDraft } from '../../auth/useDraft';
import { CreateTokenDialog, tokenDraftKey } from './components/CreateTokenDialog';
import { StageFormDialog, stageDraftKey } from './components/StageFormDialog';
import { stageQueries } from './queries';
import { useStagePush } from '../../query/push/context';

/** Where the skip link lands: the session's participants (and replications), below the stage's fields and sessions. */
const PARTICIPANTS_ID = 'participants';

type Props = {
  region: Region;
  stageArn: string;
  sessionId?: string;
  /** What to show for the selected session (composed by the app from other features). */
  renderSession?: (session: { sessionId: string; live: boolean }) => ReactNode;
  /**
   * The stage's charts for the session in view (its span, when loaded), composed by the app so that they (uPlot, the
   * CloudWatch client) load as their own chunk.
   */
  renderMetrics?: (session: { sessionId?: string; span?: { start: number; end?: number } }) => ReactNode;
};

const MEDIA_WORDS: Readonly<Record<string, string>> = { AUDIO_VIDEO: 'audio and video', AUDIO_ONLY: 'audio only', NONE: 'nothing' };

function newestFirst(a: StageSession, b: StageSession): number {
  return (b.startTime ?? '').localeCompare(a.startTime ?? '');
}

/** A session's time span for the charts' "Whole session" range. */
function spanOf(session: StageSession | undefined): { start: number; end?: number } | undefined {
  const start = session?.startTime ? Date.parse(session.startTime) : NaN;
  if (!session || Number.isNaN(start)) return undefined;
  const end = session.endTime ? Date.parse(session.endTime) : NaN;
  return Number.isNaN(end) ? { start } : { start, end };
}

function StageFields({ stage }: { stage: Stage }): ReactNode {
  const e = stage.endpoints;
  return (
    <dl className="fields">
      <dt>ARN</dt>
      <dd>
        <code>{stage.arn}</code>
      </dd>
      <dt>Live session</dt>
      <dd>{stage.activeSessionId ? <code>{stage.activeSessionId}</code> : 'None: nobody is in the stage right now.'}</dd>
      <dt>Tags</dt>
      <dd>{Object.keys(stage.tags).length ? Object.entries(stage.tags).map(([k, v]) => <span className="tag" key={k}><UntrustedText value={`${k}=${v}`} detail /></span>) : 'No tags.'}</dd>
      <dt>Events endpoint</dt>
      <dd>{e.events ? <code>{e.events}</code> : 'Not provided by IVS.'}</dd>
      <dt>WHIP endpoint</dt>
      <dd>{e.whip ? <code>{e.whip}</code> : 'Not provided by IVS.'}</dd>
      <dt>RTMP endpoint</dt>
      <dd>{e.rtmp ? <code>{e.rtmp}</code> : 'Not provided by IVS.'}</dd>
      <dt>RTMPS endpoint</dt>
      <dd>{e.rtmps ? <code>{e.rtmps}</code> : 'Not provided by IVS.'}</dd>
      <dt>Participant recording</dt>
      <dd>
        {stage.recording?.storageConfigurationArn
          ? `On, to ${stage.recording.storageConfigurationArn} (${(stage.recording.mediaTypes.length ? stage.recording.mediaTypes : ['AUDIO_VIDEO']).map((m) => MEDIA_WORDS[m] ?? m).join(', ')})`
          : 'Off: participants of this stage are not recorded individually.'}
      </dd>
    </dl>
  );
}

function sessionColumns(region: Region, stageArn: string): SimpleColumn<StageSession>[] {
  return [
    {
      key: 'session',
      header: 'Session',
      render: (x) => (
        <a href={href('/regions/:region/stages/:stageArn/sessions/:sessionId', { region, stageArn, sessionId: x.sessionId })}>
          <code>{x.sessionId}</code>
        </a>
      ),
    },
    { key: 'status', header: 'Status', render: (x) => (x.endTime ? <StatusBadge tone="neutral">Ended</StatusBadge> : <StatusBadge tone="ok">Live</StatusBadge>) },
    { key: 'started', header: 'Started', render: (x) => formatTime(x.startTime) },
    { key: 'ended', header: 'Ended', render: (x) => (x.endTime ? formatTime(x.endTime) : 'Still running') },
  ];
}

export function StageDetailPage({ region, stageArn, sessionId, renderSession, renderMetrics }: Props): ReactNode {
  const aws = useAws();
  useStagePush(region, stageArn);
  const interval = usePollInterval('stage');
  const stage = useQuery({ ...stageQueries.detail(aws, region, stageArn), refetchInterval: interval });
  const sessions = useInfiniteQuery({ ...stageQueries.sessions(aws, region, stageArn), refetchInterval: interval });
  // A dialog left half-filled (say, when the session expired) opens again with its draft.
  const tokenDraft = useHasDraft(tokenDraftKey(stageArn));
  const editDraft = useHasDraft(stageDraftKey(region, stageArn));
  const [dialog, setDialog] = useState<'token' | 'edit' | null>(tokenDraft ? 'token' : editDraft ? 'edit' : null);

  if (!stage.data) {
    if (stage.isError) return <ErrorPanel error={stage.error} onRetry={() => void stage.refetch()} title={`Stage ${stageIdOf(stageArn)} could not be loaded`} />;
    return <Loading label="Loading stage" />;
  }
  const s = stage.data;
  const allSessions = (sessions.data?.pages.flatMap((p) => p.items) ?? []).sort(newestFirst);
  // Without a session in the link, show the live one (or else the newest).
  const selected = sessionId ?? s.activeSessionId ?? allSessions[0]?.sessionId;

  return (
    <section aria-labelledby="stage-title">
      {/* The participants come after the stage's fields and sessions: a long way by keyboard. */}
      {selected && renderSession ? <SkipLink targetId={PARTICIPANTS_ID}>Skip to participants</SkipLink> : null}
      <nav aria-label="Breadcrumb" className="crumbs">
        <a href={href('/regions/:region/stages', { region })}>Stages in {region}</a> / <span>{s.name || stageIdOf(s.arn)}</span>
      </nav>
      <div className="page-head">
        <h1 id="stage-title">Stage {s.name || stageIdOf(s.arn)}</h1>
        <FreshnessIndicator updatedAt={stage.dataUpdatedAt} fetching={stage.isFetching} />
      </div>
      <CliCommand call={{ operation: 'GetStage', region, input: { arn: s.arn } }} title="AWS CLI: get this stage" />
      <div className="toolbar">
        <Can policy="token:create">
          <button type="button" onClick={() => setDialog('token')}>
            Create participant token
          </button>
        </Can>
        <Can policy="stage:edit">
          <button type="button" onClick={() => setDialog('edit')}>
            Edit name and tags
          </button>
        </Can>
        <Can policy="replication:start">
          <a className="button" href={href('/regions/:region/replicate', { region }, { source: s.arn })}>
            Replicate a participant from this stage
          </a>
        </Can>
      </div>
      <StaleBanner queries={stage} section="stage" />
      <StageFields stage={s} />

      <h2>Sessions</h2>
      <StaleBanner queries={sessions} section="sessions" />
      {sessions.data ? (
        allSessions.length === 0 ? (
          <EmptyState>No sessions yet. A session starts when the first participant joins.</EmptyState>
        ) : (
          <SimpleTable
            caption="Sessions of this stage, newest first"
            columns={sessionColumns(region, s.arn)}
            rows={allSessions}
            rowKey={(x) => x.sessionId}
            rowProps={(x) => (x.sessionId === selected ? { 'aria-current': 'true', className: 'selected' } : {})}
          />
        )
      ) : sessions.isError ? (
        <ErrorPanel error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <Loading label="Loading sessions" />
      )}
      {sessions.hasNextPage ? (
        <button type="button" onClick={() => void sessions.fetchNextPage()} disabled={sessions.isFetchingNextPage}>
          {sessions.isFetchingNextPage ? 'Loading…' : 'Load older sessions'}
        </button>
      ) : null}
      {sessions.data && renderMetrics ? renderMetrics({ sessionId: selected, span: spanOf(allSessions.find((x) => x.sessionId === selected)) }) : null}
      {selected && renderSession ? (
        <div id={PARTICIPANTS_ID} className="skip-target" tabIndex={-1} role="region" aria-label={`Session ${selected}`}>
          {renderSession({ sessionId: selected, live: selected === s.activeSessionId })}
        </div>
      ) : null}
      {dialog === 'token' ? <CreateTokenDialog region={region} stageArn={s.arn} onClose={() => setDialog(null)} /> : null}
      {dialog === 'edit' ? <StageFormDialog region={region} stage={s} onClose={() => setDialog(null)} /> : null}
    </section>
  );
}
