import { useMutation, useQueryClient, type QueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useAws } from '../../aws/AwsProvider';
import type { AwsLayer } from '../../aws/awsLayer';
import { AppError, isAmbiguous, toAppError } from '../../aws/errors';
import { listParticipantReplicas } from '../../aws/ivs/listParticipantReplicas';
import { startParticipantReplication, type StartReplicationInput } from '../../aws/ivs/startParticipantReplication';
import { stopParticipantReplication } from '../../aws/ivs/stopParticipantReplication';
import type { ParticipantReplica, Region, ReplicationKey } from '../../aws/types';
import { mapQueries } from './mapQueries';
import { replicaQueries } from './queries';
import { useReplicationNotices } from './notices';

/**
 * A replication changes the source participant, its replica list and both stages' participants.
 * Other features own those keys, so match them by region + stage ARN instead of importing them.
 */
export async function invalidateReplication(qc: QueryClient, region: Region, v: ReplicationKey): Promise<void> {
  await Promise.all([
    qc.invalidateQueries({
      predicate: (q) =>
        q.queryKey[0] === 'ivs' &&
        q.queryKey[1] === region &&
        (q.queryKey.includes(v.sourceStageArn) || q.queryKey.includes(v.destinationStageArn)),
    }),
    // The region's replication map shows every edge, whatever the stages.
    qc.invalidateQueries({ queryKey: mapQueries.all(region) }),
  ]);
}

/**
 * What a submitted replication came to. 'started': IVS answered 200. 'running': IVS did not say yes (a lost answer,
 * or a Conflict), but ListParticipantReplicas shows the replica ACTIVE; `reason` tells whether our own request
 * started it ('confirmed') or it was running already, e.g. from another tab ('already').
 */
export type StartOutcome = { status: 'started' } | { status: 'running'; reason: 'confirmed' | 'already'; replica: ParticipantReplica };

const CHECK_ROUNDS = 2;
const CHECK_PAUSE_MS = 1_000;

/**
 * The replica of this participant in this destination stage, as IVS lists it now. A read, so safe to repeat: one
 * more round after a pause when the first fails (the SDK already retried each round).
 */
export async function findReplica(aws: AwsLayer, region: Region, v: ReplicationKey): Promise<ParticipantReplica | undefined> {
  for (let round = 1; ; round++) {
    try {
      const replicas = await listParticipantReplicas(aws, region, { sourceStageArn: v.sourceStageArn, participantId: v.participantId });
      const mine = replicas.filter((r) => r.destinationStageArn === v.destinationStageArn);
      return mine.find((r) => r.replicationState === 'ACTIVE') ?? mine[0];
    } catch (e) {
      const err = toAppError(e);
      if (round >= CHECK_ROUNDS || !err.detail.retryable) throw err;
      await new Promise((r) => setTimeout(r, CHECK_PAUSE_MS));
    }
  }
}

function verified(err: AppError, v: 'not-applied' | 'unknown'): AppError {
  return new AppError(err.kind, err.message, { ...err.detail, verified: v });
}

/**
 * StartParticipantReplication has no idempotency token, and the SDK re-sends it after a 5xx. So it
 * is never retried blindly: after an unclear failure or a Conflict, the real state decides what the user sees.
 */
export async function startAndConfirm(aws: AwsLayer, region: Region, v: StartReplicationInput): Promise<StartOutcome> {
  try {
    await startParticipantReplication(aws, region, v);
    return { status: 'started' };
  } catch (e) {
    const err = toAppError(e);
    const conflict = err.kind === 'conflict';
    if (!conflict && !isAmbiguous(err)) throw err;
    let replica: ParticipantReplica | undefined;
    try {
      replica = await findReplica(aws, region, v);
    } catch {
      throw verified(err, 'unknown');
    }
    if (replica?.replicationState === 'ACTIVE') {
      // A Conflict on the first attempt: someone else started it. After a retried attempt, it was probably ours.
      const ours = !conflict || (err.detail.attempts ?? 1) > 1;
      return { status: 'running', reason: ours ? 'confirmed' : 'already', replica };
    }
    throw verified(err, 'not-applied');
  }
}

/** Stop, likewise: after an unclear failure, a replica that is no longer ACTIVE means the stop worked. */
export async function stopAndConfirm(aws: AwsLayer, region: Region, v: ReplicationKey): Promise<void> {
  try {
    await stopParticipantReplication(aws, region, v);
  } catch (e) {
    const err = toAppError(e);
    if (!isAmbiguous(err)) throw err;
    let replica: ParticipantReplica | undefined;
    try {
      replica = await findReplica(aws, region, v);
    } catch {
      throw verified(err, 'unknown');
    }
    if (replica?.replicationState === 'ACTIVE') throw verified(err, 'not-applied');
  }
}

/** `armed`: fired by an armed replication rather than a click (its notice says so). */
export function useStartReplication(region: Region, armed = false): UseMutationResult<StartOutcome, AppError, StartReplicationInput> {
  const aws = useAws();
  const qc = useQueryClient();
  const notices = useReplicationNotices(region, armed);
  return useMutation({
    mutationFn: (v: StartReplicationInput) => startAndConfirm(aws, region, v),
    onSuccess: (o, v) => {
      notices.started(v, o);
      return Promise.all([
        qc.invalidateQueries({ queryKey: replicaQueries.ofParticipant(region, v) }),
        invalidateReplication(qc, region, v),
      ]).then(() => undefined);
    },
    // Unknown or refused: what is on screen may be out of date either way.
    onError: (e, v) => {
      notices.notStarted(v, e);
      return invalidateReplication(qc, region, v);
    },
  });
}

/** Only looks (ListParticipantReplicas): used by "Check again" when the outcome of a start is still unknown. */
export function useCheckReplication(region: Region): UseMutationResult<ParticipantReplica | undefined, AppError, ReplicationKey> {
  const aws = useAws();
  return useMutation({ mutationFn: (v: ReplicationKey) => findReplica(aws, region, v) });
}

export function useStopReplication(region: Region): UseMutationResult<void, AppError, ReplicationKey> {
  const aws = useAws();
  const qc = useQueryClient();
  const notices = useReplicationNotices(region);
  return useMutation({
    mutationFn: (v: ReplicationKey) => stopAndConfirm(aws, region, v),
    onSuccess: (_o, v) => {
      notices.stopped(v);
      return invalidateReplication(qc, region, v);
    },
  });
}
