import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { useAws } from '../../aws/AwsProvider';
import { StagePicker } from '../../components/StagePicker';
import type { Region } from '../../aws/types';
import { RequestId } from '../../components/ErrorPanel';
import { Field } from '../../components/Field';
import { stageIdOf } from '../../components/format';
import { StatusBadge } from '../../components/StatusBadge';
import { SimpleTable } from '../../components/SimpleTable';
import { useOnline } from '../../query/connectivity';
import { Can } from '../../auth/Can';
import { FAN_OUT_MAX, isRetryable, needsCheck, parseDestinations, summarize, useFanOut, withResult, type DestinationResult, type FanOutResults } from './fanOut';
import { replicaQueries } from './queries';
import { destinationStageColumn } from './columns';
import { validateReplication, type ReplicationForm } from './validation';

type Props = { region: Region; form: ReplicationForm };

/**
 * Replicates the form's participant into several destination stages in one action. Each destination gets its own
 * result; failures stay on screen and can be retried on their own.
 */
export function FanOut({ region, form }: Props): ReactNode {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [results, setResults] = useState<FanOutResults>([]);
  const online = useOnline();
  const inFlight = useRef(false);
  const run = useFanOut(region, (r) => setResults((prev) => withResult(prev, r)));
  const summary = summarize(results);
  const aws = useAws();
  const stages = useQuery(replicaQueries.stageOptions(aws, region));
  const picked = parseDestinations(text);
  // The picker and the pasted list are one list: ticking a stage adds its ARN as a line, unticking removes it.
  const toggle = (arn: string, on: boolean): void => {
    const rest = picked.filter((d) => d !== arn);
    setText([...rest, ...(on ? [arn] : [])].join('\n'));
    setError(undefined);
  };

  const base = () => ({
    sourceStageArn: form.sourceStageArn.trim(),
    participantId: form.participantId.trim(),
    reconnectWindowSeconds: Number(form.reconnectWindowSeconds),
    attributes: Object.fromEntries(form.attributes.map((a) => [a.key, a.value])),
  });

  const go = (destinations: string[], checkOnly: string[] = []): void => {
    if (inFlight.current || run.isPending || !online) return;
    inFlight.current = true;
    setResults((prev) => {
      const kept = prev.filter((r) => !destinations.includes(r.destinationStageArn) && !checkOnly.includes(r.destinationStageArn));
      const fresh: FanOutResults = [...destinations, ...checkOnly].map((d) => ({ destinationStageArn: d, status: 'queued' }));
      // Keep the original order of the list when retrying a subset.
      return prev.length && kept.length ? prev.map((r) => fresh.find((f) => f.destinationStageArn === r.destinationStageArn) ?? r) : fresh;
    });
    run.mutate({ base: base(), destinations, checkOnly }, { onSettled: () => (inFlight.current = false) });
  };

  const submit = (): void => {
    const dests = parseDestinations(text);
    let problem: string | undefined;
    if (dests.length < 1) problem = 'Add at least one destination stage.';
    else if (dests.length > FAN_OUT_MAX) problem = `At most ${FAN_OUT_MAX} destinations at a time.`;
    else {
      for (const d of dests) {
        const errs = validateReplication({ ...form, destinationStageArn: d }, region);
        const first = errs.destinationStageArn ?? errs.sourceStageArn ?? errs.participantId ?? errs.reconnectWindowSeconds ?? errs.attributes;
        if (first) {
          problem = errs.destinationStageArn ? `${stageIdOf(d) || d}: ${first}` : first;
          break;
        }
      }
    }
    setError(problem);
    if (problem) return;
    go(dests);
  };

  return (
    <section aria-labelledby="fanout-title" className="fanout">
      <h2 id="fanout-title">Replicate into several stages</h2>
      <p className="muted">
        Uses the source, participant, reconnect window and attributes above. One request per destination, at most two at a time, so the
        region's request budget is respected.
      </p>
      {stages.data?.length ? (
        <StagePicker legend="Pick destination stages" stages={stages.data} selected={picked} onToggle={toggle} exclude={[form.sourceStageArn.trim()]} />
      ) : null}
      <Field label="Fan-out destinations" error={error} hint={`One stage ARN per line, up to ${FAN_OUT_MAX}; picked stages appear here, and pasted ARNs work too.`}>
        {({ id, describedBy, invalid }) => (
          <textarea
            id={id}
            rows={4}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setError(undefined);
            }}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            spellCheck={false}
          />
        )}
      </Field>
      <Can policy="replication:start">
        <div className="actions">
          <button type="button" className="primary" onClick={submit} disabled={run.isPending || !online}>
            {run.isPending ? 'Starting…' : 'Start in all destinations'}
          </button>
          {!run.isPending && summary.retryable.length ? (
            <button type="button" onClick={() => go(summary.retryable)} disabled={!online}>
              Retry failed ({summary.retryable.length})
            </button>
          ) : null}
          {!run.isPending && summary.unknown.length ? (
            <button type="button" onClick={() => go([], summary.unknown)} disabled={!online}>
              Check unknown ({summary.unknown.length})
            </button>
          ) : null}
        </div>
      </Can>
      {results.length ? (
        <>
          <p role="status" className={summary.failed ? 'banner banner-error' : 'banner banner-info'}>
            {summary.pending
              ? `Working: ${summary.ok} of ${summary.total} done…`
              : `${summary.ok} of ${summary.total} replicating${summary.failed ? `; ${summary.failed} failed` : ''}.`}
          </p>
          <SimpleTable
            caption="Fan-out results"
            columns={[
              destinationStageColumn(region),
              { key: 'result', header: 'Result', render: (r) => <ResultCell r={r} /> },
            ]}
            rows={results}
            rowKey={(r) => r.destinationStageArn}
          />
        </>
      ) : null}
    </section>
  );
}

function ResultCell({ r }: { r: DestinationResult }): ReactNode {
  switch (r.status) {
    case 'queued':
      return <StatusBadge tone="neutral">Queued</StatusBadge>;
    case 'starting':
      return <StatusBadge tone="info">Starting…</StatusBadge>;
    case 'started':
      return <StatusBadge tone="ok">Started</StatusBadge>;
    case 'running':
      return r.reason === 'already' ? (
        <StatusBadge tone="ok">Already replicating</StatusBadge>
      ) : (
        <StatusBadge tone="ok">Running (confirmed)</StatusBadge>
      );
    case 'failed':
      return (
        <>
          <StatusBadge tone="bad">Failed</StatusBadge> {r.error.message}{' '}
          {isRetryable(r) ? <span className="hint">Safe to retry.</span> : null}
          {needsCheck(r) ? <span className="hint">Not known whether it started; check before trying again.</span> : null}{' '}
          <span className="muted">
            <RequestId error={r.error} />
          </span>
        </>
      );
  }
}
