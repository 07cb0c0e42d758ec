import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useFocusOnFailure, useModalDialog } from '../../../components/dialogFocus';
import type { Region, TokenCapability } from '../../../aws/types';
import { CopyButton } from '../../../components/CopyButton';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { Field } from '../../../components/Field';
import { useSubmitLock } from '../../../components/useSubmitLock';
import { formatTime } from '../../../query/time';
import { KeyValueEditor, rowsBytes, rowsToRecord, type KeyValueRow } from '../../../components/KeyValueEditor';
import { isRecordOf, useDraft } from '../../../auth/useDraft';
import { ATTRIBUTES_MAX_BYTES, bound } from '../../../aws/limits';
import { useCreateToken } from '../mutations';

const DURATION_MIN = bound('ParticipantTokenDurationMinutes', 'min');
const DURATION_MAX = bound('ParticipantTokenDurationMinutes', 'max');
const USER_ID_MAX = bound('ParticipantTokenUserId', 'max');
const MINUTES_PER_DAY = 24 * 60;

type Draft = { caps: TokenCapability[]; duration: string; userId: string; attrs: KeyValueRow[] };

function isDraft(v: unknown): v is Draft {
  return isRecordOf(v, { caps: 'array', duration: 'string', userId: 'string', attrs: 'array' });
}

export const tokenDraftKey = (stageArn: string): string => `token:${stageArn}`;

type Errors = { capabilities?: string; duration?: string; userId?: string; attributes?: string };

/** Mints a participant token; the token text is shown once here and never stored. */
export function CreateTokenDialog({ region, stageArn, onClose }: { region: Region; stageArn: string; onClose: () => void }): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  const [draft, setDraft, discardDraft] = useDraft<Draft>(
    tokenDraftKey(stageArn),
    () => ({ caps: ['PUBLISH', 'SUBSCRIBE'], duration: '720', userId: '', attrs: [] }),
    isDraft,
  );
  const { caps, duration, userId, attrs } = draft;
  const setCaps = (v: TokenCapability[]): void => setDraft((d) => ({ ...d, caps: v }));
  const setDuration = (v: string): void => setDraft((d) => ({ ...d, duration: v }));
  const setUserId = (v: string): void => setDraft((d) => ({ ...d, userId: v }));
  const setAttrs = (v: KeyValueRow[]): void => setDraft((d) => ({ ...d, attrs: v }));
  const close = (): void => {
    discardDraft();
    onClose();
  };
  const [errors, setErrors] = useState<Errors>({});
  const m = useCreateToken(region);
  // A second submit before `isPending` reaches the screen (double click, repeated Enter) mints no second token.
  const lock = useSubmitLock();
  const [failedChecks, setFailedChecks] = useState(0);
  useModalDialog(ref, true);
  useFocusOnFailure(ref, failedChecks);
  useFocusOnFailure(ref, m.error);
  // The form gives way to the token: focus moves to it, where Copy and Done follow.
  const tokenRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (m.data) tokenRef.current?.focus();
  }, [m.data]);

  const toggle = (c: TokenCapability): void => setCaps(caps.includes(c) ? caps.filter((x) => x !== c) : [...caps, c]);
  const submit = (): void => {
    if (m.isPending) return;
    const e: Errors = {};
    const d = Number(duration);
    if (!/^\d+$/.test(duration) || d < DURATION_MIN || d > DURATION_MAX) {
      e.duration = `Enter whole minutes from ${DURATION_MIN} to ${DURATION_MAX} (${DURATION_MAX / MINUTES_PER_DAY} days).`;
    }
    if ([...userId].length > USER_ID_MAX) e.userId = `Use at most ${USER_ID_MAX} characters.`;
    if (rowsBytes(attrs) > ATTRIBUTES_MAX_BYTES) e.attributes = `Attributes may use at most ${ATTRIBUTES_MAX_BYTES} bytes in total.`;
    if (attrs.some((a) => a.key === '')) e.attributes = 'Every attribute needs a key.';
    setErrors(e);
    if (Object.keys(e).length) {
      setFailedChecks((n) => n + 1);
      return;
    }
    lock.run(() => m.mutateAsync({ stageArn, capabilities: caps, duration: d, userId, attributes: rowsToRecord(attrs) }).then(discardDraft));
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="token-title" onCancel={close}>
      <h2 id="token-title">Create participant token</h2>
      {m.data ? (
        <div>
          <p role="status">
            Token for participant <code>{m.data.participantId}</code>, valid until {formatTime(m.data.expirationTime)}. It is shown only
            once: copy it now.
          </p>
          <textarea ref={tokenRef} className="token" readOnly aria-label="Participant token" value={m.data.token} rows={5} />
          <div className="actions">
            <CopyButton text={m.data.token} label="Copy token" />
            <button type="button" className="primary" onClick={close}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <fieldset>
            <legend>Capabilities</legend>
            {(['PUBLISH', 'SUBSCRIBE'] as const).map((c) => (
              <label key={c} className="check">
                <input type="checkbox" checked={caps.includes(c)} onChange={() => toggle(c)} /> {c === 'PUBLISH' ? 'Publish' : 'Subscribe'}
              </label>
            ))}
          </fieldset>
          <Field label="Duration (minutes)" error={errors.duration} hint={`${DURATION_MIN} to ${DURATION_MAX}; IVS uses 720 (12 hours) by default.`}>
            {({ id, describedBy, invalid }) => (
              <input id={id} inputMode="numeric" value={duration} onChange={(e) => setDuration(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} />
            )}
          </Field>
          <Field label="User id" error={errors.userId} hint="Optional; visible to everyone in the stage.">
            {({ id, describedBy, invalid }) => (
              <input id={id} value={userId} onChange={(e) => setUserId(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} />
            )}
          </Field>
          <KeyValueEditor legend="Attributes" rows={attrs} onChange={setAttrs} byteLimit={ATTRIBUTES_MAX_BYTES} error={errors.attributes} addLabel="Add attribute" />
          {m.error ? <ErrorPanel error={m.error} /> : null}
          <div className="actions">
            <button type="button" onClick={close} disabled={m.isPending}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={m.isPending} data-focus-on-failure>
              {m.isPending ? 'Creating…' : 'Create token'}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
