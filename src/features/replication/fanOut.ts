import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useAws } from '../../aws/AwsProvider';
import { AppError, toAppError } from '../../aws/errors';
import type { StartReplicationInput } from '../../aws/ivs/startParticipantReplication';
import type { Region } from '../../aws/types';
import { findReplica, invalidateReplication, startAndConfirm, type StartOutcome } from './mutations';
import { replicaQueries } from './queries';
import { useReplicationNotices } from './notices';

/**
 * Fan-out: one participant into several destination stages, one StartParticipantReplication per destination
 * (never more than FAN_OUT_CONCURRENCY in flight: IVS allows 5 TPS per account and region).
 */
export const FAN_OUT_CONCURRENCY = 2;
export const FAN_OUT_MAX = 10;

export type DestinationResult =
  | { destinationStageArn: string; status: 'queued' | 'starting' }
  | { destinationStageArn: string; status: 'started' }
  | { destinationStageArn: string; status: 'running'; reason: 'confirmed' | 'already' }
  | { destinationStageArn: string; status: 'failed'; error: AppError };

export type FanOutResults = DestinationResult[];

/** The destinations as typed (one per line or comma separated), trimmed and without repeats. */
export function parseDestinations(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[\s,]+/)) {
    const v = part.trim();
    if (v) seen.add(v);
  }
  return [...seen];
}

export function resultOf(destinationStageArn: string, outcome: StartOutcome): DestinationResult {
  return outcome.status === 'started'
    ? { destinationStageArn, status: 'started' }
    : { destinationStageArn, status: 'running', reason: outcome.reason };
}

/** Failed, and starting again is safe: IVS refused or the check found no replica. Not when the outcome is unknown. */
export function isRetryable(r: DestinationResult): boolean {
  return r.status === 'failed' && r.error.detail.verified !== 'unknown';
}

/** Failed with an unknown outcome: only a look at the replica list (not a new start) may follow. */
export function needsCheck(r: DestinationResult): boolean {
  return r.status === 'failed' && r.error.detail.verified === 'unknown';
}

export type FanOutSummary = { total: number; ok: number; failed: number; pending: number; retryable: string[]; unknown: string[] };

export function summarize(results: FanOutResults): FanOutSummary {
  const ok = results.filter((r) => r.status === 'started' || r.status === 'running').length;
  const failed = results.filter((r) => r.status === 'failed').length;
  return {
    total: results.length,
    ok,
    failed,
    pending: results.length - ok - failed,
    retryable: results.filter(isRetryable).map((r) => r.destinationStageArn),
    unknown: results.filter(needsCheck).map((r) => r.destinationStageArn),
  };
}

/** Replaces the result of one destination, keeping the order of the list. */
export function withResult(results: FanOutResults, next: DestinationResult): FanOutResults {
  return results.map((r) => (r.destinationStageArn === next.destinationStageArn ? next : r));
}

/**
 * Runs `work` for every destination with at most `concurrency` in flight, in order, reporting each result as it
 * lands. A failure of one destination never stops the others.
 */
export async function runPool(
  destinations: string[],
  work: (destinationStageArn: string) => Promise<DestinationResult>,
  onResult: (r: DestinationResult) => void,
  concurrency = FAN_OUT_CONCURRENCY,
): Promise<FanOutResults> {
  const out = new Map<string, DestinationResult>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < destinations.length) {
      const d = destinations[next++] as string;
      onResult({ destinationStageArn: d, status: 'starting' });
      let r: DestinationResult;
      try {
        r = await work(d);
      } catch (e) {
        r = { destinationStageArn: d, status: 'failed', error: toAppError(e) };
      }
      out.set(d, r);
      onResult(r);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, destinations.length)) }, worker));
  return destinations.map((d) => out.get(d) as DestinationResult);
}

export type FanOutVars = {
  base: Omit<StartReplicationInput, 'destinationStageArn'>;
  /** Destinations to start in (after a failure: just the failed ones). */
  destinations: string[];
  /** Destinations whose earlier outcome is unknown: looked up with ListParticipantReplicas, never started again. */
  checkOnly?: string[];
};

/**
 * The fan-out as one mutation (P6: it owns the invalidation). Starts reuse startAndConfirm, so a Conflict ends as
 * "already replicating" and an unclear failure is checked against ListParticipantReplicas, per destination.
 */
export function useFanOut(region: Region, onResult: (r: DestinationResult) => void): UseMutationResult<FanOutResults, AppError, FanOutVars> {
  const aws = useAws();
  const qc = useQueryClient();
  const notices = useReplicationNotices(region);
  return useMutation({
    mutationFn: ({ base, destinations, checkOnly = [] }: FanOutVars) =>
      runPool([...destinations, ...checkOnly], async (d) => {
        const v = { ...base, destinationStageArn: d };
        if (checkOnly.includes(d)) {
          const replica = await findReplica(aws, region, v);
          if (replica?.replicationState === 'ACTIVE') return { destinationStageArn: d, status: 'running', reason: 'confirmed' };
          return {
            destinationStageArn: d,
            status: 'failed',
            error: new AppError('server', 'IVS lists no active replica in this stage; it did not start.', { retryable: true, verified: 'not-applied' }),
          };
        }
        return resultOf(d, await startAndConfirm(aws, region, v));
      }, onResult),
    onSuccess: (results, { base }) => notices.fannedOut(base, results),
    onSettled: (_r, _e, { base, destinations, checkOnly = [] }) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: replicaQueries.ofParticipant(region, base) }),
        ...[...destinations, ...checkOnly].map((d) => invalidateReplication(qc, region, { ...base, destinationStageArn: d })),
      ]).then(() => undefined),
  });
}
