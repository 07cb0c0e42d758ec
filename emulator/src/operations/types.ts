// The contract between the HTTP pipeline and the operation files. Operation files hold semantics only: they
// get input validated against the model (required members, lengths, ranges, patterns, enums) and return the output object
// (plain JSON: timestamps as ISO strings, absent members omitted). They throw ServiceError for modelled errors.
import type { Caller } from '../auth/credentials.ts';
import type { PageTokens } from '../state/page-tokens.ts';
import type { RegionBackend } from '../state/backend.ts';

// NOTE (lead): Smithy defaults are NOT filled in by the pipeline. A member is present in `input` exactly when
// the caller sent it (so `'filterByPublished' in input` means "sent"); handlers apply their own defaults.
// URI labels arrive percent-decoded (resourceArn); UntagResource's repeated ?tagKeys= arrive as a string array.
export type OperationContext = {
  backend: RegionBackend;
  region: string;
  accountId: string;
  caller: Caller;
  requestId: string;
  tokens: PageTokens;
  /** Semantic time (Clock.now()). */
  now: number;
  /** Default page size of this operation, from the generated model (Smithy @paginated + documented default). */
  defaultPageSize: number;
};

export type OperationOutput = Record<string, unknown>;
export type OperationHandler = (input: Record<string, unknown>, ctx: OperationContext) => OperationOutput | Promise<OperationOutput>;
