import { constraints } from '../../aws/constraints.generated';
import { bound } from '../../aws/limits';
import type { KeyValueRow } from '../../components/KeyValueEditor';

export type StageFormErrors = { name?: string; tags?: string };

export const STAGE_NAME_MAX = bound('StageName', 'max');
const NAME = new RegExp(`^(?:${constraints.StageName?.pattern ?? ''})$`);
const TAGS_MAX = bound('Tags', 'max');
const TAG_KEY_MAX = bound('TagKey', 'max');
const TAG_VALUE_MAX = bound('TagValue', 'max');

/** The model's rules for stage names and tags, checked before any call. */
export function validateStageForm(name: string, tags: KeyValueRow[]): StageFormErrors {
  const errors: StageFormErrors = {};
  if (name.length > STAGE_NAME_MAX) errors.name = `Use at most ${STAGE_NAME_MAX} characters.`;
  else if (!NAME.test(name)) errors.name = 'Use only letters, digits, hyphens and underscores (no spaces).';
  const keys = tags.map((t) => t.key);
  if (tags.length > TAGS_MAX) errors.tags = `A stage can have at most ${TAGS_MAX} tags.`;
  else if (tags.some((t) => t.key.length === 0)) errors.tags = 'Every tag needs a key.';
  else if (tags.some((t) => [...t.key].length > TAG_KEY_MAX)) errors.tags = `Tag keys are at most ${TAG_KEY_MAX} characters.`;
  else if (tags.some((t) => [...t.value].length > TAG_VALUE_MAX)) errors.tags = `Tag values are at most ${TAG_VALUE_MAX} characters.`;
  else if (new Set(keys).size !== keys.length) errors.tags = 'Each tag key can appear only once.';
  return errors;
}

/** "team" matches any stage with that tag key; "team=red" also checks the value. */
export function matchesTagFilter(tags: Record<string, string>, filter: string): boolean {
  const f = filter.trim();
  if (!f) return true;
  const eq = f.indexOf('=');
  if (eq < 0) return Object.keys(tags).some((k) => k.toLowerCase().includes(f.toLowerCase()));
  const k = f.slice(0, eq).trim();
  const v = f.slice(eq + 1).trim();
  return tags[k] !== undefined && tags[k].toLowerCase().includes(v.toLowerCase());
}
