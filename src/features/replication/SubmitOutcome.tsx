// What the replication form says after a submit: running although IVS did not answer 200, not known
// (neither the start nor the check answered clearly: look again, never start again), or did not start.
import type { ReactNode } from 'react';
import type { AppError } from '../../aws/errors';
import type { ParticipantReplica, Region } from '../../aws/types';
import { href } from '../../routing/route';
import { ErrorPanel, RequestId } from '../../components/ErrorPanel';
import { StageLabel } from '../../components/StageLabel';
import type { StartOutcome } from './mutations';

/** What the verdict reads of the start and check mutations. */
type Start = { data: StartOutcome | undefined; error: AppError | null };
type Check = { data: ParticipantReplica | undefined; error: AppError | null; isSuccess: boolean; isPending: boolean };

export type Verdict = {
  /** The answer of "Check again", once there is one: it replaces the verdict of the original submit. */
  checked: StartOutcome | 'not-running' | undefined;
  /** Running, although not by a plain 200 (already replicating, or confirmed by the check). */
  outcome: Extract<StartOutcome, { status: 'running' }> | undefined;
  /** Neither the start nor the check answered clearly. */
  unknown: AppError | null;
  /** Did not start (or the check says it is not running). */
  failed: AppError | null;
};

export function submitVerdict(start: Start, check: Check): Verdict {
  const checked: Verdict['checked'] = check.isSuccess
    ? check.data?.replicationState === 'ACTIVE'
      ? { status: 'running', reason: 'confirmed', replica: check.data }
      : 'not-running'
    : undefined;
  const running = checked && checked !== 'not-running' ? checked : !checked ? start.data : undefined;
  const outcome = running?.status === 'running' ? running : undefined;
  const unknown = !checked && start.error?.detail.verified === 'unknown' ? start.error : null;
  // Confirmed running by the check: the earlier unclear error is no failure any more.
  const failed = checked === 'not-running' ? (start.error ?? null) : unknown || checked ? null : start.error;
  return { checked, outcome, unknown, failed };
}

type Props = { region: Region; start: Start; check: Check; /** The error is shown on its field already. */ serverField: boolean; onCheck: () => void };

export function SubmitOutcome({ region, start, check, serverField, onCheck }: Props): ReactNode {
  const { checked, outcome, unknown, failed } = submitVerdict(start, check);
  return (
    <>
      {outcome ? <RunningNotice region={region} outcome={outcome} /> : null}
      {unknown ? <UnknownOutcome error={unknown} checking={check.isPending} checkError={check.error} onCheck={onCheck} /> : null}
      {failed && !serverField ? (
        <>
          <ErrorPanel error={failed} title="Replication did not start" />
          {failed.detail.verified === 'not-applied' || checked === 'not-running' ? (
            <p className="hint" role="status">
              IVS lists no active replica of this participant in that stage, so it is safe to try again.
            </p>
          ) : null}
        </>
      ) : null}
      {failed && serverField ? (
        <p className="muted">
          <RequestId error={failed} />
        </p>
      ) : null}
      {failed?.kind === 'conflict' ? (
        <p className="hint">A conflict can mean this participant is already being replicated to that stage; check its replicas.</p>
      ) : null}
    </>
  );
}

/** The replication is running although IVS did not answer 200: said plainly, with a link to the replica. */
function RunningNotice({ region, outcome }: { region: Region; outcome: Extract<StartOutcome, { status: 'running' }> }): ReactNode {
  const r: ParticipantReplica = outcome.replica;
  return (
    <div className="banner banner-info" role="status">
      {outcome.reason === 'already' ? (
        <>
          <strong>Already replicating.</strong> <code>{r.participantId}</code> is already being replicated to stage{' '}
          <StageLabel arn={r.destinationStageArn} /> (perhaps from another tab or by a colleague); nothing new was started.{' '}
        </>
      ) : (
        <>
          <strong>Replication is running.</strong> IVS did not confirm the request, but it lists the replica of <code>{r.participantId}</code> in stage{' '}
          <StageLabel arn={r.destinationStageArn} /> as ACTIVE.{' '}
        </>
      )}
      <a href={href('/regions/:region/stages/:stageArn/sessions/:sessionId/participants/:participantId', { region, stageArn: r.destinationStageArn, sessionId: r.destinationSessionId, participantId: r.participantId })}>View the replica</a>
    </div>
  );
}

/** Neither the start nor the check got a clear answer: do not offer to start again, offer to look again. */
function UnknownOutcome({ error, checking, checkError, onCheck }: { error: AppError; checking: boolean; checkError: AppError | null; onCheck: () => void }): ReactNode {
  return (
    <div className="panel panel-error" role="alert">
      <p className="panel-title">
        <span aria-hidden="true">⚠ </span>Not known whether replication started
      </p>
      <p>
        IVS did not answer clearly ({error.message}) and its replica list could not be read either. Starting again could replicate twice, so check first.
      </p>
      {checkError ? <p className="muted">The check failed too: {checkError.message}</p> : null}
      <p className="muted">
        <RequestId error={error} />
      </p>
      <button type="button" onClick={onCheck} disabled={checking}>
        {checking ? 'Checking…' : 'Check again'}
      </button>
    </div>
  );
}
