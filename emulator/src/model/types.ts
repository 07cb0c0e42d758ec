// Types of the committed, generated service tables (emulator/src/model/generated/*.ts).
// The tables hold facts only: shapes, bounds, patterns, enums, HTTP bindings, errors. No documentation prose.

export type Location = 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode';

export type MemberRef = {
  shape: string;
  location?: Location;
  locationName?: string;
  /** Smithy `@default` of the member (botocore drops it). */
  default?: unknown;
};

export type StructureShape = {
  type: 'structure';
  members: Record<string, MemberRef>;
  required?: string[];
  /** Present on error shapes. */
  error?: { httpStatusCode: number; senderFault: boolean; /** The awsQuery error code, where it differs from the shape name. */ code?: string };
};
export type StringShape = {
  type: 'string';
  min?: number;
  max?: number;
  /** Unanchored, as in the model; model/validate.ts decides anchoring. */
  pattern?: string;
  enum?: string[];
  sensitive?: boolean;
};
export type NumberShape = { type: 'integer' | 'long' | 'float' | 'double'; min?: number; max?: number };
export type ListShape = { type: 'list'; member: MemberRef; min?: number; max?: number };
export type MapShape = { type: 'map'; key: MemberRef; value: MemberRef; min?: number; max?: number };
export type ScalarShape = { type: 'boolean' | 'timestamp' | 'blob'; timestampFormat?: string };
export type Shape = StructureShape | StringShape | NumberShape | ListShape | MapShape | ScalarShape;

export type Operation = {
  name: string;
  http: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; requestUri: string; responseCode: number };
  input?: string;
  output?: string;
  errors: string[];
  idempotent?: boolean;
  /** awsQuery: the element that wraps the output in the XML response. */
  resultWrapper?: string;
  /** Present on paged operations (Smithy @paginated): member names and the documented page-size default. */
  paginated?: { inputToken: string; outputToken: string; pageSize?: string; items?: string; defaultPageSize?: number };
};

export type ServiceModel = {
  source: string;
  apiVersion: string;
  metadata: {
    protocol: string;
    signingName?: string;
    endpointPrefix: string;
    targetPrefix?: string;
    jsonVersion?: string;
    /** Written only for services that speak more than one protocol (CloudWatch): every one the model lists. */
    protocols?: string[];
    /** awsQueryCompatible: JSON errors carry the awsQuery code in x-amzn-query-error. */
    awsQueryCompatible?: boolean;
    xmlNamespace?: string;
  };
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
};
