// The model's limits, read from the generated table so that a form, a hint and a page size all say what
// the model says. A name the table does not hold is a programming error and throws at import time.
import { constraints, pagedOperations } from './constraints.generated';

/** A bound the model states for a shape (a string's length, a number's range, a list's or map's size). */
export function bound(shape: string, which: 'min' | 'max'): number {
  const v = constraints[shape]?.[which];
  if (v === undefined) throw new Error(`The model states no ${which} for ${shape} (see scripts/gen-model.ts FORM_SHAPES).`);
  return v;
}

/** The largest page an operation accepts. */
export function maxPageSize(operation: string): number {
  const v = pagedOperations[operation]?.maxPageSize;
  if (v === undefined) throw new Error(`The model states no page size limit for ${operation}.`);
  return v;
}

/** The page size an operation uses when the request gives none. */
export function defaultPageSize(operation: string): number {
  const v = pagedOperations[operation]?.defaultPageSize;
  if (v === undefined) throw new Error(`The model states no default page size for ${operation}.`);
  return v;
}

/**
 * Rows the app asks for per call of each paged operation: the largest page the API allows, except sessions,
 * where the first page of the API's default size is what the session list and the searches walk.
 */
export const PAGE_SIZE = {
  ListStages: maxPageSize('ListStages'),
  ListParticipants: maxPageSize('ListParticipants'),
  ListParticipantEvents: maxPageSize('ListParticipantEvents'),
  ListParticipantReplicas: maxPageSize('ListParticipantReplicas'),
  ListStageSessions: defaultPageSize('ListStageSessions'),
} as const;

/**
 * Token and replication attributes: 1 KB in total. The model states it only in words ("The maximum length of
 * this field is 1 KB total"), with no bound on the shape, so it is written here once.
 */
export const ATTRIBUTES_MAX_BYTES = 1024;
