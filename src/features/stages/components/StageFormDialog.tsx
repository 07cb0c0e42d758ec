import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { useAws } from '../../../aws/AwsProvider';
import { AppError, isAmbiguous } from '../../../aws/errors';
import { useFocusOnFailure, useModalDialog } from '../../../components/dialogFocus';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { Field } from '../../../components/Field';
import { useSubmitLock } from '../../../components/useSubmitLock';
import { KeyValueEditor, recordToRows, rowsToRecord, type KeyValueRow } from '../../../components/KeyValueEditor';
import type { Region, StageSummary } from '../../../aws/types';
import { isRecordOf, useDraft } from '../../../auth/useDraft';
import { useCreateStage, useUpdateStage } from '../mutations';
import { stageQueries } from '../queries';
import { canLookFor } from '../createOnce';
import { CreateUnsure } from './CreateUnsure';
import { STAGE_NAME_MAX, validateStageForm, type StageFormErrors } from '../validation';

type Draft = { name: string; tags: KeyValueRow[] };

function isDraft(v: unknown): v is Draft {
  return isRecordOf(v, { name: 'string', tags: 'array' });
}

export const stageDraftKey = (region: Region, stageArn?: string): string => `stage:${region}:${stageArn ?? 'new'}`;

type Props = { region: Region; stage?: StageSummary; onClose: () => void; onCreated?: (arn: string) => void };

/** The server's validation answer on the field it is about (the rest of a failure shows in the error panel). */
function serverFieldErrors(error: AppError | null): StageFormErrors {
  if (error?.kind !== 'validation') return {};
  if (/tag/i.test(error.message)) return { tags: `IVS rejected this: ${error.message}` };
  if (/name/i.test(error.message)) return { name: `IVS rejected this: ${error.message}` };
  return {};
}

/** Create a stage, or edit the name and tags of one (a native modal dialog). */
export function StageFormDialog({ region, stage, onClose, onCreated }: Props): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  const aws = useAws();
  const qc = useQueryClient();
  const [draft, setDraft, discardDraft] = useDraft<Draft>(
    stageDraftKey(region, stage?.arn),
    () => ({ name: stage?.name ?? '', tags: recordToRows(stage?.tags ?? {}) }),
    isDraft,
  );
  const { name, tags } = draft;
  const setName = (v: string): void => setDraft((d) => ({ ...d, name: v }));
  const setTags = (v: KeyValueRow[]): void => setDraft((d) => ({ ...d, tags: v }));
  const close = (): void => {
    discardDraft();
    onClose();
  };
  const [clientErrors, setErrors] = useState<StageFormErrors>({});
  const [failedChecks, setFailedChecks] = useState(0);
  const create = useCreateStage(region);
  const update = useUpdateStage(region);
  const m = stage ? update : create;
  const errors = { ...serverFieldErrors(m.error), ...clientErrors };
  // A second submit before `isPending` reaches the screen (double click, repeated Enter) sends nothing.
  const lock = useSubmitLock();
  // After a create whose outcome is unknown: the stages of this name that were there before it was first sent.
  const [unsure, setUnsure] = useState<{ name: string; before: string[] } | null>(null);

  useModalDialog(ref, true);
  useFocusOnFailure(ref, failedChecks);
  useFocusOnFailure(ref, m.error);

  const submit = (): void => {
    if (m.isPending) return;
    const found = validateStageForm(name, tags);
    setErrors(found);
    if (Object.keys(found).length) {
      setFailedChecks((n) => n + 1);
      return;
    }
    const rec = rowsToRecord(tags);
    if (stage) {
      lock.run(() => update.mutateAsync({ arn: stage.arn, name, tags: rec, previousTags: stage.tags }).then(close));
      return;
    }
    // What the list showed before this create: a stage of this name found by a later look is one this create made.
    const before =
      unsure?.name === name
        ? unsure.before
        : (qc.getQueryData(stageQueries.list(aws, region).queryKey) ?? []).filter((s) => s.name === name).map((s) => s.arn);
    const lookFirst = unsure?.name === name ? { before } : undefined;
    lock.run(() =>
      create.mutateAsync({ name, tags: rec, lookFirst }).then(
        ({ stage: made }) => {
          discardDraft();
          if (onCreated) onCreated(made.arn);
          else onClose();
        },
        (e: unknown) => {
          // The create may have gone through: the next submit looks before it creates.
          if (e instanceof AppError && isAmbiguous(e)) setUnsure({ name, before });
          else if (!lookFirst) setUnsure(null);
          throw e;
        },
      ),
    );
  };
  // Until a create of this name settles it, every submit looks first (even after a later, clearer failure).
  const looking = !stage && unsure?.name === name;

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="stage-form-title" onCancel={close}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h2 id="stage-form-title">{stage ? `Edit stage ${stage.name || stage.arn}` : 'Create stage'}</h2>
        <Field label="Name" error={errors.name} hint={`Letters, digits, hyphens and underscores; up to ${STAGE_NAME_MAX}.`}>
          {({ id, describedBy, invalid }) => (
            <input id={id} value={name} onChange={(e) => setName(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} />
          )}
        </Field>
        <KeyValueEditor legend="Tags" rows={tags} onChange={setTags} error={errors.tags} addLabel="Add tag" />
        {looking && m.error && isAmbiguous(m.error) ? (
          <CreateUnsure error={m.error} name={name} lookable={canLookFor(name)} />
        ) : m.error && !serverFieldErrors(m.error).name && !serverFieldErrors(m.error).tags ? (
          <ErrorPanel error={m.error} />
        ) : null}
        {looking && m.error && !isAmbiguous(m.error) ? (
          <p className="hint">An earlier attempt may still have created the stage: Retry looks for it before it creates one.</p>
        ) : null}
        <div className="actions">
          <button type="button" onClick={close} disabled={m.isPending}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={m.isPending} data-focus-on-failure>
            {m.isPending ? 'Saving…' : stage ? 'Save changes' : looking ? (canLookFor(name) ? 'Retry: look, then create' : 'Retry: create again') : 'Create stage'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
