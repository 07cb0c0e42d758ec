import type { KeyValueRow } from '../../components/KeyValueEditor';

export type StageFormErrors = { name?: string; tags?: string };

const NAME = /^[a-zA-Z0-9-_]*$/;

/** The model's rules for stage names and tags, checked before any call. */
export function validateStageForm(name: string, tags: KeyValueRow[]): StageFormErrors {
  const errors: StageFormErrors = {};
  if (name.length > 128) errors.name = 'Use at most 128 characters.';
  else if (!NAME.test(name)) errors.name = 'Use only letters, digits, hyphens and underscores (no spaces).';
  const keys = tags.map((t) => t.key);
  if (tags.length > 50) errors.tags = 'A stage can have at most 50 tags.';
  else if (tags.some((t) => t.key.length === 0)) errors.tags = 'Every tag needs a key.';
  else if (tags.some((t) => [...t.key].length > 128)) errors.tags = 'Tag keys are at most 128 characters.';
  else if (tags.some((t) => [...t.value].length > 256)) errors.tags = 'Tag values are at most 256 characters.';
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
