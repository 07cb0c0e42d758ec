import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { useAws } from '../../aws/AwsProvider';
import { ATTRIBUTES_MAX_BYTES } from '../../aws/limits';
import type { Region } from '../../aws/types';
import { href } from '../../routing/route';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useFocusOnFailure } from '../../components/dialogFocus';
import { Field } from '../../components/Field';
import { StageLabel } from '../../components/StageLabel';
import { stageIdOf } from '../../components/format';
import { KeyValueEditor } from '../../components/KeyValueEditor';
import { navigate } from '../../routing/navigate';
import { Can, useRole } from '../../auth/Can';
import { deniedMessage } from '../../auth/policies';
import { isRecordOf, useDraft } from '../../auth/useDraft';
import { untrustedPlain } from '../../components/untrusted';
import { useOnline } from '../../query/connectivity';
import { offAirReason, onAirText, type OnAir } from '../../query/onAir';
import { useCheckReplication, useStartReplication } from './mutations';
import { SubmitOutcome, submitVerdict } from './SubmitOutcome';
import { replicaQueries } from './queries';
import { ReplicationCli } from './ReplicationCli';
import { FanOut } from './FanOut';
import { ArmedReplication } from './ArmedReplication';
import { useDisplayNames } from './useDisplayNames';
import { fieldOfServerError, WINDOW_MAX, WINDOW_MIN, validateReplication, type ReplicationErrors, type ReplicationForm as Form } from './validation';

type Props = { region: Region; search: URLSearchParams };

/** Picker order: on air first, then those whose state is unknown (they may be on air), then off air. */
const ON_AIR_ORDER: Record<OnAir['kind'], number> = { 'on-air': 0, unknown: 1, 'off-air': 2, never: 3 };

function isForm(v: unknown): v is Form {
  return (
    isRecordOf(v, { sourceStageArn: 'string', destinationStageArn: 'string', participantId: 'string', reconnectWindowSeconds: 'string', attributes: 'array' }) &&
    (v as Form).attributes.every((a) => isRecordOf(a, { key: 'string', value: 'string' }))
  );
}

export function ReplicationForm({ region, search }: Props): ReactNode {
  const aws = useAws();
  // The draft belongs to this exact link, so a trip through sign-in brings back what was typed.
  const [form, setForm, discardDraft] = useDraft<Form>(
    `replicate:${region}?${search.toString()}`,
    () => ({
      sourceStageArn: search.get('source') ?? '',
      destinationStageArn: search.get('destination') ?? '',
      participantId: search.get('participant') ?? '',
      reconnectWindowSeconds: '0',
      attributes: [],
    }),
    isForm,
  );
  const role = useRole();
  const [errors, setErrors] = useState<ReplicationErrors>({});
  const start = useStartReplication(region);
  const check = useCheckReplication(region);
  const online = useOnline();
  // A second submit before React has re-rendered (double click, repeated Enter) must not start a second request.
  const inFlight = useRef(false);
  // A failed submit takes focus to the first field it is about (client checks, or the service's answer on a field).
  const formRef = useRef<HTMLFormElement>(null);
  const [failedChecks, setFailedChecks] = useState(0);
  useFocusOnFailure(formRef, failedChecks);
  useFocusOnFailure(formRef, start.error);
  const busy = start.isPending || check.isPending;
  const stages = useQuery(replicaQueries.stageOptions(aws, region));
  const source = form.sourceStageArn.trim();
  const sourceValid = !validateReplication({ ...form, sourceStageArn: source }, region).sourceStageArn;
  const publishers = useQuery({ ...replicaQueries.publishers(aws, region, source), enabled: sourceValid });

  const set = <K extends keyof Form>(k: K, v: Form[K]): void => {
    setForm((f) => ({ ...f, [k]: v }));
    setErrors((e) => ({ ...e, [k]: undefined }));
  };

  const serverField = start.error ? fieldOfServerError(start.error, form) : undefined;
  const fieldError = (k: keyof Form): string | undefined =>
    errors[k] ?? (serverField === k && start.error ? `IVS rejected this: ${start.error.message}` : undefined);

  const submit = (): void => {
    if (inFlight.current || busy || !online) return;
    const found = validateReplication(form, region);
    setErrors(found);
    if (Object.keys(found).length) {
      setFailedChecks((n) => n + 1);
      return;
    }
    const input = {
      sourceStageArn: form.sourceStageArn.trim(),
      destinationStageArn: form.destinationStageArn.trim(),
      participantId: form.participantId.trim(),
      reconnectWindowSeconds: Number(form.reconnectWindowSeconds),
      attributes: Object.fromEntries(form.attributes.map((a) => [a.key, a.value])),
    };
    const sessionId = publishers.data?.sessionId;
    inFlight.current = true;
    check.reset();
    start.mutate(input, {
      onSuccess: (outcome) => {
        discardDraft();
        // Running but not by a plain 200: stay and say so (with a link), rather than pretend nothing happened.
        if (outcome.status !== 'started') return;
        navigate(
          sessionId
            ? href('/regions/:region/stages/:stageArn/sessions/:sessionId/participants/:participantId', { region, stageArn: input.sourceStageArn, sessionId, participantId: input.participantId })
            : href('/regions/:region/stages/:stageArn', { region, stageArn: input.destinationStageArn }),
        );
      },
      onSettled: () => {
        inFlight.current = false;
      },
    });
  };

  const { checked, unknown, failed } = submitVerdict(start, check);

  const stageList = stages.data ?? [];
  // A typed stage name becomes its ARN when exactly one stage has it; an ARN (picked or pasted) stays as it is.
  const byName = (v: string): string => {
    const hits = stageList.filter((s) => s.name === v.trim());
    return hits.length === 1 && hits[0] ? hits[0].arn : v;
  };
  const stageHint = (arn: string, rest: string): ReactNode =>
    stageList.some((s) => s.arn === arn.trim()) ? (
      <>
        Stage <StageLabel arn={arn.trim()} />. {rest}
      </>
    ) : (
      rest
    );
  const pubs = [...(publishers.data?.publishers ?? [])].sort((a, b) => ON_AIR_ORDER[a.onAir.kind] - ON_AIR_ORDER[b.onAir.kind]);
  const names = useDisplayNames(region, source, publishers.data?.sessionId, pubs.map((p) => p.participantId));
  const onAirCount = pubs.filter((p) => p.onAir.kind === 'on-air').length;

  return (
    <section aria-labelledby="replicate-title">
      <h1 id="replicate-title">Replicate a participant</h1>
      <p className="muted">
        Copies a publishing participant from a source stage into a destination stage in {region}. Both stages must be in this region.
      </p>
      <Can policy="replication:start" fallback={<p className="banner banner-info">{deniedMessage(role, 'StartParticipantReplication')}</p>}>
        {null}
      </Can>
      <datalist id="stage-options">
        {stageList.map((s) => (
          <option key={s.arn} value={s.arn}>{`${s.name || stageIdOf(s.arn)}${s.activeSessionId ? ' (live)' : ''}`}</option>
        ))}
      </datalist>
      {stages.isError ? <ErrorPanel error={stages.error} onRetry={() => void stages.refetch()} title="Stage list unavailable; paste ARNs instead" /> : null}
      <form
        ref={formRef}
        noValidate
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field label="Source stage" error={fieldError('sourceStageArn')} hint={stageHint(form.sourceStageArn, 'Pick from the list, type a stage name or paste a stage ARN.')}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              list="stage-options"
              value={form.sourceStageArn}
              onChange={(e) => {
                set('sourceStageArn', e.target.value);
                set('participantId', '');
              }}
              onBlur={(e) => {
                const arn = byName(e.target.value);
                if (arn !== e.target.value) set('sourceStageArn', arn);
              }}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              spellCheck={false}
            />
          )}
        </Field>
        <Field
          label="Participant"
          error={fieldError('participantId')}
          hint={
            !sourceValid
              ? 'Choose a source stage first.'
              : publishers.isPending
                ? 'Looking for publishers…'
                : publishers.isError
                  ? `Publishers could not be listed: ${publishers.error.message}`
                  : pubs.length === 0
                    ? 'Nobody is publishing in this stage right now; only publishing participants can be replicated.'
                    : `${onAirCount} on air now in session ${publishers.data?.sessionId ?? ''}${pubs.length > onAirCount ? `; ${pubs.length - onAirCount} more connected ${pubs.length - onAirCount === 1 ? 'participant has' : 'participants have'} published earlier (listed after them, with the reason)` : ''}.`
          }
        >
          {({ id, describedBy, invalid }) => (
            <select id={id} value={form.participantId} onChange={(e) => set('participantId', e.target.value)} aria-describedby={describedBy} aria-invalid={invalid}>
              <option value="">Choose a publisher…</option>
              {form.participantId && !pubs.some((p) => p.participantId === form.participantId) ? (
                <option value={form.participantId}>{form.participantId}</option>
              ) : null}
              {/* On air first; the others stay visible, disabled, with the reason they cannot be replicated now. */}
              {pubs.map((p) => (
                <option key={p.participantId} value={p.participantId} disabled={p.onAir.kind === 'off-air'}>
                  {p.participantId}
                  {p.userId ? ` · ${untrustedPlain(p.userId, 40)}` : ''}
                  {names.has(p.participantId) ? ` · ${untrustedPlain(names.get(p.participantId) ?? '', 40)}` : ''}
                  {p.onAir.kind === 'on-air' ? ' · on air' : ` · ${onAirText(p.onAir).toLowerCase()}: ${offAirReason(p.onAir)}`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Destination stage" error={fieldError('destinationStageArn')} hint={stageHint(form.destinationStageArn, 'A different stage in the same region: pick, type a name or paste an ARN.')}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              list="stage-options"
              value={form.destinationStageArn}
              onChange={(e) => set('destinationStageArn', e.target.value)}
              onBlur={(e) => {
                const arn = byName(e.target.value);
                if (arn !== e.target.value) set('destinationStageArn', arn);
              }}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              spellCheck={false}
            />
          )}
        </Field>
        <Field
          label="Reconnect window (seconds)"
          error={fieldError('reconnectWindowSeconds')}
          hint={`${WINDOW_MIN} to ${WINDOW_MAX}. If the publisher drops and returns within this time, replication carries on. 0 means no grace period.`}
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              inputMode="numeric"
              value={form.reconnectWindowSeconds}
              onChange={(e) => set('reconnectWindowSeconds', e.target.value)}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            />
          )}
        </Field>
        <KeyValueEditor
          legend="Attributes"
          rows={form.attributes}
          onChange={(rows) => set('attributes', rows)}
          byteLimit={ATTRIBUTES_MAX_BYTES}
          error={fieldError('attributes')}
          addLabel="Add attribute"
          hint="Set on the replica and merged over the token's attributes (these win). Everyone in the destination stage can read them."
        />
        <SubmitOutcome
          region={region}
          start={start}
          check={check}
          serverField={serverField !== undefined}
          onCheck={() =>
            check.mutate({
              sourceStageArn: form.sourceStageArn.trim(),
              destinationStageArn: form.destinationStageArn.trim(),
              participantId: form.participantId.trim(),
            })
          }
        />
        {!online ? (
          <p className="hint" role="status">
            You are offline. Starting a replication needs a connection.
          </p>
        ) : null}
        <Can policy="replication:start">
          <div className="actions">
            {unknown ? null : (
              <button type="submit" className="primary" disabled={busy || !online} data-focus-on-failure>
                {start.isPending ? 'Starting…' : failed && (failed.detail.verified === 'not-applied' || checked === 'not-running' || failed.detail.retryable) ? 'Try again' : 'Start replication'}
              </button>
            )}
          </div>
        </Can>
      </form>
      <ReplicationCli region={region} form={form} />
      <FanOut region={region} form={form} />
      <ArmedReplication region={region} form={form} />
    </section>
  );
}
