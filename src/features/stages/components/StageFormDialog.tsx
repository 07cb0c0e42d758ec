import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { Field } from '../../../components/Field';
import { KeyValueEditor, recordToRows, rowsToRecord, type KeyValueRow } from '../../../components/KeyValueEditor';
import type { Region, StageSummary } from '../../../aws/types';
import { useCreateStage, useUpdateStage } from '../mutations';
import { validateStageForm, type StageFormErrors } from '../validation';

type Props = { region: Region; stage?: StageSummary; onClose: () => void; onCreated?: (arn: string) => void };

/** Create a stage, or edit the name and tags of one (a native modal dialog). */
export function StageFormDialog({ region, stage, onClose, onCreated }: Props): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState(stage?.name ?? '');
  const [tags, setTags] = useState<KeyValueRow[]>(recordToRows(stage?.tags ?? {}));
  const [errors, setErrors] = useState<StageFormErrors>({});
  const create = useCreateStage(region);
  const update = useUpdateStage(region);
  const m = stage ? update : create;

  useEffect(() => {
    ref.current?.showModal();
  }, []);

  const submit = (): void => {
    if (m.isPending) return;
    const found = validateStageForm(name, tags);
    setErrors(found);
    if (Object.keys(found).length) return;
    const rec = rowsToRecord(tags);
    if (stage) {
      update.mutate({ arn: stage.arn, name, tags: rec, previousTags: stage.tags }, { onSuccess: onClose });
    } else {
      create.mutate({ name, tags: rec }, { onSuccess: (s) => (onCreated ? onCreated(s.arn) : onClose()) });
    }
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="stage-form-title" onCancel={onClose}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h2 id="stage-form-title">{stage ? `Edit stage ${stage.name || stage.arn}` : 'Create stage'}</h2>
        <Field label="Name" error={errors.name} hint="Letters, digits, hyphens and underscores; up to 128.">
          {({ id, describedBy, invalid }) => (
            <input id={id} value={name} onChange={(e) => setName(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} />
          )}
        </Field>
        <KeyValueEditor legend="Tags" rows={tags} onChange={setTags} error={errors.tags} addLabel="Add tag" />
        {m.error ? <ErrorPanel error={m.error} /> : null}
        <div className="actions">
          <button type="button" onClick={onClose} disabled={m.isPending}>
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
