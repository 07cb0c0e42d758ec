import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { Field } from '../../../components/Field';
import { useSubmitLock } from '../../../components/useSubmitLock';
import { KeyValueEditor, recordToRows, rowsToRecord, type KeyValueRow } from '../../../components/KeyValueEditor';
import type { Region, StageSummary } from '../../../aws/types';
import { isRecordOf, useDraft } from '../../../auth/useDraft';
import { useCreateStage, useUpdateStage } from '../mutations';
import { STAGE_NAME_MAX } from '../validation';

type Draft = { name: string; tags: KeyValueRow[] };

function isDraft(v: unknown): v is Draft {
  return isRecordOf(v, { name: 'string', tags: 'array' });
}

export const stageDraftKey = (region: Region, stageArn?: string): string => `stage:${region}:${stageArn ?? 'new'}`;
import { validateStageForm, type StageFormErrors } from '../validation';

type Props = { region: Region; stage?: StageSummary; onClose: () => void; onCreated?: (arn: string) => void };

/** Create a stage, or edit the name and tags of one (a native modal dialog). */
export function StageFormDialog({ region, stage, onClose, onCreated }: Props): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
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
  const [errors, setErrors] = useState<StageFormErrors>({});
  const create = useCreateStage(region);
  const update = useUpdateStage(region);
  const m = stage ? update : create;
  // A second submit before `isPending` reaches the screen (double click, repeated Enter) sends nothing.
  const lock = useSubmitLock();

  useEffect(() => {
    ref.current?.showModal();
  }, []);

  const submit = (): void => {
    if (m.isPending) return;
    const found = validateStageForm(name, tags);
    setErrors(found);
    if (Object.keys(found).length) return;
    const rec = rowsToRecord(tags);
    lock.run(() =>
      stage
        ? update.mutateAsync({ arn: stage.arn, name, tags: rec, previousTags: stage.tags }).then(close)
        : create.mutateAsync({ name, tags: rec }).then((s) => {
            discardDraft();
            if (onCreated) onCreated(s.arn);
            else onClose();
          }),
    );
  };

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
        {m.error ? <ErrorPanel error={m.error} /> : null}
        <div className="actions">
          <button type="button" onClick={close} disabled={m.isPending}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={m.isPending}>
            {m.isPending ? 'Saving…' : stage ? 'Save changes' : 'Create stage'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
