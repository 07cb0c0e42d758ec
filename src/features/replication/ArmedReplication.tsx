import { useQuery } from '@tanstack/react-query';
import { StageLabel } from '../../components/StageLabel';
import { use, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useAws } from '../../aws/AwsProvider';
import { toAppError } from '../../aws/errors';
import { getStage } from '../../aws/ivs/getStage';
import type { Region } from '../../aws/types';
import { Field } from '../../components/Field';
import { stageIdOf } from '../../components/format';
import { StaleBanner } from '../../components/StaleBanner';
import { StatusBadge } from '../../components/StatusBadge';
import { PollingContext, useNow } from '../../query/polling';
import { formatClock } from '../../query/time';
import { useDisplayNames } from './useDisplayNames';
import { Can } from '../../auth/Can';
import { useSub } from '../../auth/useDraft';
import {
  acquireLease,
  armStep,
  clearLease,
  finishLease,
  isWatching,
  loadArmings,
  observe,
  pairKey,
  releaseLease,
  removeArming,
  saveArming,
  secondsUntil,
  shouldStart,
  TAB_ID,
  type Arming,
  type ArmEvent,
} from './arming';
import { useCheckReplication, useStartReplication } from './mutations';
import { replicaQueries } from './queries';
import { validateReplication, type ReplicationForm } from './validation';
import { onAirText } from '../../query/onAir';
import { untrustedPlain } from '../../components/untrusted';

/** Each armed participant is one GetParticipant per poll interval; five of them stay far below 5 TPS. */
export const MAX_ARMED = 5;


/**
 * Arm-and-go: arm a replication for a participant who has joined but is not publishing yet. This tab watches
 * (GetParticipant, at the participant poll interval) and starts it the moment the participant publishes.
 */
export function ArmedReplication({ region, form }: { region: Region; form: ReplicationForm }): ReactNode {
  const aws = useAws();
  const sub = useSub();
  const [armings, setArmings] = useState<Arming[]>(() => loadArmings(sub, region));
  const [participantId, setParticipantId] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const source = form.sourceStageArn.trim();
  const sourceValid = !validateReplication({ ...form, sourceStageArn: source }, region).sourceStageArn;
  const waiting = useQuery({ ...replicaQueries.notPublishing(aws, region, source), enabled: sourceValid });
  const names = useDisplayNames(region, source, waiting.data?.[0]?.sessionId, (waiting.data ?? []).map((p) => p.participantId));

  const update = useCallback(
    (a: Arming) => {
      saveArming(sub, a);
      setArmings((list) => list.map((x) => (pairKey(x.region, x.input) === pairKey(a.region, a.input) ? a : x)));
    },
    [sub],
  );
  const remove = (a: Arming): void => {
    removeArming(sub, a);
    setArmings((list) => list.filter((x) => pairKey(x.region, x.input) !== pairKey(a.region, a.input)));
  };

  const arm = async (): Promise<void> => {
    if (busy) return;
    const pid = participantId.trim();
    const errs = validateReplication({ ...form, participantId: pid }, region);
    const first = errs.participantId ?? errs.sourceStageArn ?? errs.destinationStageArn ?? errs.reconnectWindowSeconds ?? errs.attributes;
    const input = {
      sourceStageArn: source,
      destinationStageArn: form.destinationStageArn.trim(),
      participantId: pid,
      reconnectWindowSeconds: Number(form.reconnectWindowSeconds),
      attributes: Object.fromEntries(form.attributes.map((a) => [a.key, a.value])),
    };
    const key = pairKey(region, input);
    const problem =
      first ??
      (armings.some((a) => pairKey(a.region, a.input) === key && isWatching(a.state)) ? 'This replication is already armed.' : undefined) ??
      (armings.filter((a) => isWatching(a.state)).length >= MAX_ARMED ? `At most ${MAX_ARMED} armed replications at a time.` : undefined);
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      const stage = await getStage(aws, region, source);
      if (!stage.activeSessionId) {
        setError('The source stage has no live session; the participant must have joined before it can be armed.');
        return;
      }
      const a: Arming = { v: 1, region, input, sessionId: stage.activeSessionId, armedAt: Date.now(), state: { phase: 'armed' } };
      clearLease(key);
      saveArming(sub, a);
      setArmings((list) => [...list.filter((x) => pairKey(x.region, x.input) !== key), a]);
      setParticipantId('');
    } catch (e) {
      setError(`Could not read the source stage: ${toAppError(e).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="arm-title" className="arm">
      <h2 id="arm-title">Arm for a participant who is not publishing yet</h2>
      <p className="muted">
        Uses the source, destination, reconnect window and attributes above. This tab checks the participant every few seconds and starts the
        replication the moment they publish. Keep the tab open; a reload keeps the arming.
      </p>
      <datalist id="arm-participant-options">
        {(waiting.data ?? []).map((p) => (
          <option
            key={p.participantId}
            value={p.participantId}
            label={[p.userId === undefined ? undefined : untrustedPlain(p.userId, 40), names.has(p.participantId) ? untrustedPlain(names.get(p.participantId) ?? '', 40) : undefined, onAirText(p.onAir).toLowerCase()]
              .filter(Boolean)
              .join(' · ')}
          />
        ))}
      </datalist>
      <Can policy="replication:start">
        <Field
          label="Participant to arm"
          error={error}
          hint={waiting.data ? `${waiting.data.length} connected but not on air in the source stage.` : 'A participant id from the source stage’s live session.'}
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              list="arm-participant-options"
              value={participantId}
              onChange={(e) => {
                setParticipantId(e.target.value);
                setError(undefined);
              }}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              spellCheck={false}
            />
          )}
        </Field>
        <div className="actions">
          <button type="button" onClick={() => void arm()} disabled={busy}>
            {busy ? 'Arming…' : 'Arm replication'}
          </button>
        </div>
      </Can>
      {armings.length ? (
        <ul className="arm-list" aria-label="Armed replications">
          {armings.map((a) => (
            <ArmedItem key={pairKey(a.region, a.input)} arming={a} onChange={update} onRemove={() => remove(a)} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ArmedItem({ arming, onChange, onRemove }: { arming: Arming; onChange: (a: Arming) => void; onRemove: () => void }): ReactNode {
  const aws = useAws();
  const { region, input, sessionId, state } = arming;
  const polling = use(PollingContext);
  const interval = polling?.intervals.participant ?? 3000;
  const paused = polling?.paused ?? false;
  const watching = isWatching(state);
  const now = useNow();
  const start = useStartReplication(region, true);
  const check = useCheckReplication(region);
  const busy = useRef(false);
  const key = pairKey(region, input);
  const q = useQuery({
    ...replicaQueries.armWatch(aws, region, { stageArn: input.sourceStageArn, sessionId, participantId: input.participantId }),
    enabled: watching,
    refetchInterval: watching && !paused ? interval : false,
    staleTime: 0,
  });
  const latest = useRef(arming);
  useEffect(() => {
    latest.current = arming;
  }, [arming]);
  const step = useCallback((e: ArmEvent) => onChange({ ...latest.current, state: armStep(latest.current.state, e) }), [onChange]);

  // A look at the participant: start when it publishes, stand down when it left.
  useEffect(() => {
    const cur = latest.current.state;
    if (q.isError && q.error.kind === 'not-found') {
      step({ type: 'observed', seen: { kind: 'gone', why: `IVS does not know participant ${input.participantId} in that session.` }, at: Date.now() });
      return;
    }
    if (!q.data) return;
    const seen = observe(q.data);
    if (seen.kind === 'gone') {
      step({ type: 'observed', seen, at: Date.now() });
      return;
    }
    if (!shouldStart(cur, seen) || busy.current) return;
    const lease = acquireLease(key, TAB_ID, Date.now());
    if (lease === 'done-by-other') {
      step({ type: 'start-done', at: Date.now(), how: 'other-tab' });
      return;
    }
    if (lease === 'held-by-other') return; // another tab is starting it; look again at the next check
    busy.current = true;
    // Written before the request goes out: a reload from here on checks instead of starting again.
    step({ type: 'start-begun', at: Date.now() });
    start.mutate(input, {
      onSuccess: (o) => {
        finishLease(key, TAB_ID, Date.now());
        step({ type: 'start-done', at: Date.now(), how: o.status === 'started' ? 'started' : o.reason });
      },
      onError: (e) => {
        releaseLease(key, TAB_ID);
        step({ type: 'start-failed', at: Date.now(), message: e.message });
      },
      onSettled: () => {
        busy.current = false;
      },
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one decision per answer from IVS
  }, [q.dataUpdatedAt, q.errorUpdatedAt]);

  // Found in 'starting' without a request of ours in flight (a reload during the start): look, never start again.
  useEffect(() => {
    if (state.phase !== 'starting' || busy.current || start.isPending || check.isPending) return;
    busy.current = true;
    check.mutate(input, {
      onSuccess: (r) =>
        r?.replicationState === 'ACTIVE'
          ? step({ type: 'start-done', at: Date.now(), how: 'confirmed' })
          : step({ type: 'start-failed', at: Date.now(), message: 'The page was reloaded while starting and IVS lists no replica; arm again to retry.' }),
      onError: (e) => step({ type: 'start-failed', at: Date.now(), message: `Not known whether it started: ${e.message}. Check the replicas before arming again.` }),
      onSettled: () => {
        busy.current = false;
      },
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when found in that phase
  }, [state.phase]);

  const lastLook = Math.max(q.dataUpdatedAt, q.errorUpdatedAt);
  const label = `${input.participantId} → ${stageIdOf(input.destinationStageArn)}`;
  return (
    <li className="arm-item" aria-label={`Armed replication ${label}`}>
      <p>
        <code>{input.participantId}</code> → stage <StageLabel arn={input.destinationStageArn} />{' '}
        {state.phase === 'armed' ? (
          <>
            <StatusBadge tone="info">Armed</StatusBadge> <span>waiting since {formatClock(arming.armedAt)}</span>
            {'. '}
            <span role="timer" aria-live="off">
              {paused
                ? 'Polling is paused: not watching.'
                : q.isFetching
                  ? 'Checking now…'
                  : lastLook
                    ? `Next check in ${secondsUntil(lastLook + interval, now)} s.`
                    : 'First check…'}
            </span>
            {/* With an earlier answer on screen the stale banner below says how old it is; without one, say it here. */}
            {q.isError && !q.data ? <span className="muted"> Last check failed: {q.error.message}; still watching.</span> : null}
          </>
        ) : state.phase === 'starting' ? (
          <StatusBadge tone="info">Starting…</StatusBadge>
        ) : state.phase === 'started' ? (
          <>
            <StatusBadge tone="ok">Started</StatusBadge>{' '}
            <span>
              {state.how === 'started'
                ? `at ${formatClock(state.at)}, when the participant began publishing.`
                : state.how === 'other-tab'
                  ? 'by another tab of yours; nothing new was started here.'
                  : state.how === 'already'
                    ? 'Already replicating; nothing new was started.'
                    : `at ${formatClock(state.at)} (confirmed in the replica list).`}
            </span>
          </>
        ) : (
          <>
            <StatusBadge tone="bad">Failed</StatusBadge> <span>{state.message}</span>
          </>
        )}
      </p>
      {watching ? <StaleBanner queries={q} section="armed" /> : null}
      <div className="actions">
        {state.phase === 'armed' ? (
          <button type="button" onClick={onRemove} aria-label={`Cancel armed replication ${label}`}>
            Cancel
          </button>
        ) : state.phase === 'starting' ? null : (
          <button type="button" onClick={onRemove} aria-label={`Dismiss ${label}`}>
            Dismiss
          </button>
        )}
      </div>
    </li>
  );
}
