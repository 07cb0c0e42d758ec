// Generates the committed service tables from the botocore/Smithy models in ../shared.
//   npm run gen:model            write the tables
//   npm run gen:model -- --check exit 1 when a committed table differs from what the models give
// Facts only: shapes, bounds, patterns, enums, HTTP bindings, errors, defaults. Every `documentation`
// string is dropped; the one number read from documentation (a list operation's default page size) is
// taken as a number and nothing else.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ListShape, MapShape, MemberRef, NumberShape, Operation, ServiceModel, Shape, StringShape } from '../emulator/src/model/types.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const sharedDir = process.env.GREENROOM_SHARED_DIR ?? resolve(root, '..', 'shared');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function readJson(path: string): Json {
  return JSON.parse(readFileSync(path, 'utf8')) as Json;
}

function memberRef(m: Json, smithyDefault: unknown): MemberRef {
  const ref: MemberRef = { shape: m.shape };
  if (m.location) ref.location = m.location;
  if (m.locationName) ref.locationName = m.locationName;
  if (smithyDefault !== undefined && smithyDefault !== null) ref.default = smithyDefault;
  return ref;
}

function convertShape(name: string, s: Json, smithyMembers: Json | undefined): Shape {
  const bounds = <T extends { min?: number; max?: number }>(o: T): T => {
    if (typeof s.min === 'number') o.min = s.min;
    if (typeof s.max === 'number') o.max = s.max;
    return o;
  };
  switch (s.type) {
    case 'structure': {
      const members: Record<string, MemberRef> = {};
      for (const [k, m] of Object.entries(s.members as Json)) {
        members[k] = memberRef(m, smithyMembers?.[k]?.traits?.['smithy.api#default']);
      }
      const out: Shape = { type: 'structure', members };
      if (s.required?.length) out.required = [...s.required];
      if (s.exception) {
        out.error = { httpStatusCode: s.error?.httpStatusCode ?? 400, senderFault: s.error?.senderFault === true };
        if (typeof s.error?.code === 'string') out.error.code = s.error.code;
      }
      return out;
    }
    case 'string': {
      const out = bounds<StringShape>({ type: 'string' });
      if (s.pattern) out.pattern = s.pattern;
      if (s.enum) out.enum = [...s.enum];
      if (s.sensitive) out.sensitive = true;
      return out;
    }
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      return bounds<NumberShape>({ type: s.type });
    case 'list':
      return bounds<ListShape>({ type: 'list', member: memberRef(s.member, undefined) });
    case 'map':
      return bounds<MapShape>({ type: 'map', key: memberRef(s.key, undefined), value: memberRef(s.value, undefined) });
    case 'boolean':
    case 'blob':
      return { type: s.type };
    case 'timestamp':
      return s.timestampFormat ? { type: 'timestamp', timestampFormat: s.timestampFormat } : { type: 'timestamp' };
    default:
      throw new Error(`gen-model: shape ${name} has unsupported type ${String(s.type)}`);
  }
}

/** The documented default page size, as a number: "Default: 50" in the page-size member's documentation. */
function defaultPageSize(doc: unknown): number | undefined {
  const m = typeof doc === 'string' ? /Default:\s*(\d+)/.exec(doc) : null;
  return m ? Number(m[1]) : undefined;
}

export function buildModel(botocore: Json, smithy: Json | undefined, paginators: Json | undefined, source: string): ServiceModel {
  const ns = smithy ? Object.keys(smithy.shapes)[0].split('#')[0] : '';
  const smithyShape = (n: string): Json | undefined => smithy?.shapes?.[`${ns}#${n}`];
  const shapes: Record<string, Shape> = {};
  for (const name of Object.keys(botocore.shapes).sort()) {
    shapes[name] = convertShape(name, botocore.shapes[name], smithyShape(name)?.members);
  }
  const operations: Record<string, Operation> = {};
  for (const name of Object.keys(botocore.operations).sort()) {
    const o = botocore.operations[name];
    const op: Operation = {
      name,
      http: { method: o.http.method, requestUri: o.http.requestUri, responseCode: o.http.responseCode ?? 200 },
      errors: (o.errors ?? []).map((e: Json) => e.shape as string).sort(),
    };
    if (o.input) op.input = o.input.shape;
    if (o.output) op.output = o.output.shape;
    if (o.output?.resultWrapper) op.resultWrapper = o.output.resultWrapper;
    if (o.idempotent) op.idempotent = true;
    const pag = smithyShape(name)?.traits?.['smithy.api#paginated'] ?? undefined;
    const boto = paginators?.pagination?.[name];
    if (pag || boto) {
      const inputToken = pag?.inputToken ?? boto.input_token;
      const outputToken = pag?.outputToken ?? boto.output_token;
      const pageSize: string | undefined = pag?.pageSize ?? boto?.limit_key;
      // botocore lists several result keys for some operations (GetMetricData: results and messages); the first is the items.
      const resultKey = boto?.result_key;
      let items: string | undefined = pag?.items ?? (Array.isArray(resultKey) ? resultKey[0] : resultKey);
      const out = o.output ? (botocore.shapes[o.output.shape] as Json) : undefined;
      if (!items && out) {
        items = Object.keys(out.members).find((k) => botocore.shapes[out.members[k].shape]?.type === 'list');
      }
      op.paginated = { inputToken, outputToken };
      if (pageSize) op.paginated.pageSize = pageSize;
      if (items) op.paginated.items = items;
      const inShape = o.input ? botocore.shapes[o.input.shape] : undefined;
      const d = pageSize ? defaultPageSize(inShape?.members?.[pageSize]?.documentation) : undefined;
      if (d !== undefined) op.paginated.defaultPageSize = d;
    }
    operations[name] = op;
  }
  const md = botocore.metadata;
  const metadata: ServiceModel['metadata'] = { protocol: md.protocol, endpointPrefix: md.endpointPrefix };
  if (md.signingName) metadata.signingName = md.signingName;
  if (md.targetPrefix) metadata.targetPrefix = md.targetPrefix;
  if (md.jsonVersion) metadata.jsonVersion = md.jsonVersion;
  return { source, apiVersion: md.apiVersion, metadata, operations, shapes };
}

function header(source: string, apiVersion: string): string {
  return `// Generated from ${source} (apiVersion ${apiVersion}) by scripts/gen-model.ts; do not edit.\n// Run \`npm run gen:model\` after a model change and commit the diff.\n`;
}

function emitModel(model: ServiceModel, constName: string): string {
  return (
    header(model.source, model.apiVersion) +
    `import type { ServiceModel } from '../types.ts';\n\n` +
    `export const ${constName}: ServiceModel = ${JSON.stringify(model, null, 2)};\n`
  );
}

/** The shapes the app's forms check before any call, with their bounds; the app never imports the emulator. */
const FORM_SHAPES = [
  'StageName', 'StageArn', 'StageSessionId', 'ParticipantId', 'ParticipantTokenId', 'UserId', 'ParticipantTokenUserId',
  'ParticipantTokenDurationMinutes', 'ParticipantTokenCapability', 'ParticipantTokenCapabilities', 'ReconnectWindowSeconds',
  'DisconnectParticipantReason', 'TagKey', 'TagValue', 'Tags', 'TagKeyList', 'ParticipantState', 'ParticipantRecordingFilterByRecordingState',
  'ParticipantRecordingState', 'ReplicationType', 'ReplicationState', 'EventName', 'EventErrorCode', 'ParticipantProtocol',
];

function emitAppConstraints(model: ServiceModel): string {
  const picked: Record<string, Shape> = {};
  for (const n of FORM_SHAPES) {
    if (!model.shapes[n]) throw new Error(`gen-model: form shape ${n} is not in the model`);
    picked[n] = model.shapes[n];
  }
  const ops: Record<string, { input?: string; pageSize?: string; defaultPageSize?: number; maxPageSize?: number }> = {};
  for (const [n, o] of Object.entries(model.operations)) {
    if (!o.paginated) continue;
    const input = o.input ? model.shapes[o.input] : undefined;
    const sizeRef = input?.type === 'structure' && o.paginated.pageSize ? input.members[o.paginated.pageSize] : undefined;
    const sizeShape = sizeRef ? model.shapes[sizeRef.shape] : undefined;
    const maxPageSize = sizeShape && 'max' in sizeShape ? sizeShape.max : undefined;
    ops[n] = { input: o.input, pageSize: o.paginated.pageSize, defaultPageSize: o.paginated.defaultPageSize, ...(maxPageSize !== undefined ? { maxPageSize } : {}) };
  }
  const inputs: Record<string, unknown> = {};
  for (const n of ['StartParticipantReplicationRequest', 'CreateParticipantTokenRequest', 'CreateStageRequest', 'DisconnectParticipantRequest', 'ListParticipantsRequest']) {
    inputs[n] = model.shapes[n];
  }
  return (
    header(model.source, model.apiVersion) +
    `// The subset of shapes the app's forms validate against before any call.\n\n` +
    `export type ConstraintShape = {\n  type: string;\n  min?: number;\n  max?: number;\n  pattern?: string;\n  enum?: string[];\n  member?: { shape: string };\n  key?: { shape: string };\n  value?: { shape: string };\n};\n\n` +
    `export const constraints: Record<string, ConstraintShape> = ${JSON.stringify(picked, null, 2)};\n\n` +
    `export const pagedOperations: Record<string, { input?: string; pageSize?: string; defaultPageSize?: number; maxPageSize?: number }> = ${JSON.stringify(ops, null, 2)};\n\n` +
    `export const requestShapes: Record<string, { type: string; members: Record<string, { shape: string; default?: unknown }>; required?: string[] }> = ${JSON.stringify(inputs, null, 2)};\n`
  );
}

export type GeneratedFile = { path: string; text: string };

/** Only the named operations (and extra error shapes) of a model, with every shape they reach. */
function subset(full: ServiceModel, operations: string[], extraShapes: string[] = []): ServiceModel {
  const out: ServiceModel = { ...full, operations: {}, shapes: {} };
  const reach = (n: string) => {
    if (out.shapes[n]) return;
    const s = full.shapes[n];
    if (!s) throw new Error(`gen-model: shape ${n} is not in ${full.source}`);
    out.shapes[n] = s;
    if (s.type === 'structure') Object.values(s.members).forEach((m) => reach(m.shape));
    if (s.type === 'list') reach(s.member.shape);
    if (s.type === 'map') { reach(s.key.shape); reach(s.value.shape); }
  };
  for (const n of operations) {
    const op = full.operations[n];
    out.operations[n] = op;
    [op.input, op.output, ...op.errors].forEach((s) => s && reach(s));
  }
  extraShapes.forEach(reach);
  out.shapes = Object.fromEntries(Object.entries(out.shapes).sort(([a], [b]) => a.localeCompare(b)));
  return out;
}

/** A number the model states only in prose; the generator fails when the sentence it reads is gone. */
function fromDoc(doc: unknown, re: RegExp, what: string): string {
  const text = typeof doc === 'string' ? doc.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ') : '';
  const m = re.exec(text);
  if (!m) throw new Error(`gen-model: the CloudWatch model no longer says ${what} (${re})`);
  return m[1] as string;
}

/** GetMetricData's and ListMetrics' documented limits, read from the model's documentation as numbers only. */
function emitCloudWatchLimits(botocore: Json): string {
  const shapes = botocore.shapes;
  const int = (s: string) => Number(s.replace(/,/g, ''));
  const limits = {
    maxMetricDataQueries: int(fromDoc(shapes.GetMetricDataInput.members.MetricDataQueries.documentation, /can include as many as ([\d,]+) MetricDataQuery/, 'the most queries per call')),
    defaultMaxDatapoints: int(fromDoc(shapes.GetMetricDataInput.members.MaxDatapoints.documentation, /the default of ([\d,]+) is used/, 'the default MaxDatapoints')),
    maxDatapointsPerCall: int(fromDoc(botocore.operations.GetMetricData.documentation, /total of as many as ([\d,]+) data points/, 'the most datapoints per call')),
    highResolutionPeriods: fromDoc(shapes.MetricStat.members.Period.documentation, /the period can be ([\d, ]+), or any multiple of 60/, 'the high-resolution periods')
      .split(',').map((x) => int(x.trim())).filter((x) => x < 60),
    /** Every operation of the service, so an unserved one can be told from a name that is not CloudWatch's. */
    operations: Object.keys(botocore.operations).sort(),
    listMetricsPageSize: int(fromDoc(botocore.operations.ListMetrics.documentation, /Up to ([\d,]+) results are returned/, 'the ListMetrics page size')),
    /** [period below which, seconds kept] from "Data points with a period of … are available for …". */
    retention: {
      highResolutionHours: int(fromDoc(botocore.operations.GetMetricData.documentation, /less than 60 seconds are available for (\d+) hours/, 'high-resolution retention')),
      oneMinuteDays: int(fromDoc(botocore.operations.GetMetricData.documentation, /60 seconds \(1-minute\) are available for (\d+) days/, 'one-minute retention')),
      fiveMinuteDays: int(fromDoc(botocore.operations.GetMetricData.documentation, /300 seconds \(5-minute\) are available for (\d+) days/, 'five-minute retention')),
      oneHourDays: int(fromDoc(botocore.operations.GetMetricData.documentation, /3600 seconds \(1 hour\) are available for (\d+) days/, 'one-hour retention')),
    },
  };
  return (
    header('shared/cloudwatch/service-2.json', botocore.metadata.apiVersion) +
    `// GetMetricData's and ListMetrics' limits, which the model states only in its documentation.\n\n` +
    `export const cloudwatchLimits = ${JSON.stringify(limits, null, 2)} as const;\n`
  );
}

export function generate(): GeneratedFile[] {
  const ivsDir = join(sharedDir, 'ivs-realtime');
  const ivs = buildModel(
    readJson(join(ivsDir, 'service-2.json')),
    readJson(join(ivsDir, 'ivs-realtime.smithy.json')),
    readJson(join(ivsDir, 'paginators-1.json')),
    'shared/ivs-realtime/service-2.json',
  );
  const cognitoBotocore = readJson(join(sharedDir, 'cognito-identity', 'service-2.json'));
  // Only the operations the emulator serves, and the shapes they reach.
  const keep = ['GetId', 'GetCredentialsForIdentity'];
  const cognitoFull = buildModel(cognitoBotocore, undefined, undefined, 'shared/cognito-identity/service-2.json');
  const cognito: ServiceModel = { ...cognitoFull, operations: {}, shapes: {} };
  const reach = (n: string) => {
    if (cognito.shapes[n]) return;
    const s = cognitoFull.shapes[n];
    cognito.shapes[n] = s;
    if (s.type === 'structure') Object.values(s.members).forEach((m) => reach(m.shape));
    if (s.type === 'list') reach(s.member.shape);
    if (s.type === 'map') { reach(s.key.shape); reach(s.value.shape); }
  };
  for (const n of keep) {
    const op = cognitoFull.operations[n];
    cognito.operations[n] = op;
    [op.input, op.output, ...op.errors].forEach((s) => s && reach(s));
  }
  cognito.shapes = Object.fromEntries(Object.entries(cognito.shapes).sort(([a], [b]) => a.localeCompare(b)));
  const cloudwatchBotocore = readJson(join(sharedDir, 'cloudwatch', 'service-2.json'));
  const cloudwatch = subset(
    buildModel(cloudwatchBotocore, undefined, readJson(join(sharedDir, 'cloudwatch', 'paginators-1.json')), 'shared/cloudwatch/service-2.json'),
    ['GetMetricData', 'ListMetrics'],
    // Errors the service returns for any operation (awsQuery's common and synthetic validation errors).
    ['InvalidParameterCombinationException', 'MissingRequiredParameterException', 'LimitExceededFault', 'ResourceNotFound'],
  );
  const md = cloudwatchBotocore.metadata;
  cloudwatch.metadata = { ...cloudwatch.metadata, protocols: [...md.protocols], awsQueryCompatible: md.awsQueryCompatible !== undefined, xmlNamespace: md.xmlNamespace };
  return [
    { path: 'emulator/src/model/generated/cloudwatch.ts', text: emitModel(cloudwatch, 'cloudwatchModel') },
    { path: 'emulator/src/model/generated/cloudwatch-limits.ts', text: emitCloudWatchLimits(cloudwatchBotocore) },
    { path: 'emulator/src/model/generated/ivs-realtime.ts', text: emitModel(ivs, 'ivsRealtimeModel') },
    { path: 'emulator/src/model/generated/cognito-identity.ts', text: emitModel(cognito, 'cognitoIdentityModel') },
    { path: 'src/aws/constraints.generated.ts', text: emitAppConstraints(ivs) },
  ];
}

/** Files whose committed text differs from a fresh generation. */
export function drift(): string[] {
  return generate()
    .filter((f) => !existsSync(join(root, f.path)) || readFileSync(join(root, f.path), 'utf8') !== f.text)
    .map((f) => f.path);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!existsSync(join(sharedDir, 'ivs-realtime', 'service-2.json'))) {
    console.error(`gen-model: no service models at ${sharedDir}; nothing to do (the committed tables stay as they are).`);
    process.exit(process.argv.includes('--check') ? 0 : 1);
  }
  if (process.argv.includes('--check')) {
    const changed = drift();
    if (changed.length) {
      console.error(`gen-model: committed tables differ from the models: ${changed.join(', ')}. Run npm run gen:model.`);
      process.exit(1);
    }
    console.log('gen-model: committed tables match the models.');
  } else {
    for (const f of generate()) writeFileSync(join(root, f.path), f.text);
    console.log('gen-model: wrote ' + generate().map((f) => f.path).join(', '));
  }
}
