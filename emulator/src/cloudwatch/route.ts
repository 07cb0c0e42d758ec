// CloudWatch's pipeline on the shared port: SigV4 (signing name `monitoring`), the operation, IAM from the role's
// policy file, validation against the generated model, then GetMetricData or ListMetrics over the region's metrics.
// Every failure is answered here, in the request's protocol, so the server only writes what comes back.
import type { CredentialStore } from '../auth/credentials.ts';
import { ServiceError } from '../errors.ts';
import { verifySigV4 } from '../http/sigv4.ts';
import { evaluate, type RolePolicies } from '../iam/policy.ts';
import { catalog, metricKey } from '../metrics/catalog.ts';
import { cloudwatchLimits } from '../model/generated/cloudwatch-limits.ts';
import { cloudwatchModel as model } from '../model/generated/cloudwatch.ts';
import { validateStructure } from '../model/validate.ts';
import type { World } from '../state/world.ts';
import { accessDenied, authError, CloudWatchError, invalidAction, missingParameter, modelled, validationError } from './errors.ts';
import { getMetricData } from './get-metric-data.ts';
import { listMetrics } from './list-metrics.ts';
import { type CloudWatchRequest, decode, detect, type Encoded, encodeError, encodeOutput } from './wire.ts';

export { detect as isCloudWatch };

export type CloudWatchEnv = { world: World; credentials: CredentialStore; policies: RolePolicies; regions: string[]; requestId: string };

const SERVED = ['GetMetricData', 'ListMetrics'];

/** Missing required members anywhere in the input, named the way the query protocol names them. */
function requireMembers(shapeName: string, value: unknown, where: string): void {
  const shape = model.shapes[shapeName];
  if (!shape || value === undefined || value === null) return;
  if (shape.type === 'list' && Array.isArray(value)) {
    value.forEach((v, i) => requireMembers(shape.member.shape, v, `${where}.member.${i + 1}`));
    return;
  }
  if (shape.type !== 'structure' || typeof value !== 'object' || Array.isArray(value)) return;
  const obj = value as Record<string, unknown>;
  for (const name of shape.required ?? []) {
    if (obj[name] === undefined || obj[name] === null) throw missingParameter(`The parameter ${where ? `${where}.` : ''}${name} is required.`);
  }
  for (const [name, ref] of Object.entries(shape.members)) requireMembers(ref.shape, obj[name], where ? `${where}.${name}` : name);
}

export async function handleCloudWatch(req: CloudWatchRequest, env: CloudWatchEnv, note: (info: { operation?: string; region?: string }) => void): Promise<Encoded> {
  const protocol = detect(req) ?? 'json';
  try {
    let signed;
    try {
      signed = await verifySigV4(req, env.credentials, { service: 'monitoring', regions: env.regions });
    } catch (e) {
      if (e instanceof ServiceError) throw authError(e.code, e.status, e.message);
      throw e;
    }
    const { caller, region } = signed;
    note({ region });
    const { operation, input } = decode(protocol, req);
    note({ operation: operation || 'unknown' });
    const op = model.operations[operation];
    if (!SERVED.includes(operation)) {
      throw invalidAction(
        (cloudwatchLimits.operations as readonly string[]).includes(operation)
          ? `${operation} is a CloudWatch operation this emulator does not serve; it serves ${SERVED.join(' and ')}.`
          : `The action ${operation || '(none)'} is not valid for this web service.`,
      );
    }
    // IAM: the role's policy file decides for Cognito credentials; CloudWatch reads have no resource but "*".
    if (caller.kind === 'cognito') {
      const action = `cloudwatch:${operation}`;
      const decision = evaluate(caller.roleName ? env.policies.policy(caller.roleName) : undefined, action, ['*']);
      if (!decision.allowed) throw accessDenied(`User: ${caller.principalArn} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`);
    }
    if (op.input) {
      requireMembers(op.input, input, '');
      try {
        validateStructure(model, op.input, input);
      } catch (e) {
        if (e instanceof ServiceError) throw validationError(e.message);
        throw e;
      }
    }
    const backend = env.world.backend(caller.accountId, region);
    const now = env.world.clock.now();
    const series = backend ? catalog(backend, now) : [];
    const output =
      operation === 'GetMetricData'
        ? getMetricData(input, new Map(series.map((s) => [metricKey(s.namespace, s.metricName, s.dimensions), s])), now)
        : listMetrics(input, series, now, caller.accountId);
    return encodeOutput(protocol, operation, output as unknown as Record<string, unknown>, env.requestId);
  } catch (e) {
    if (e instanceof CloudWatchError) return encodeError(protocol, e, env.requestId);
    console.error(`emulator: CloudWatch request ${env.requestId} failed:`, e);
    return encodeError(protocol, modelled('InternalServiceFault', `Unexpected emulator error (request ${env.requestId}).`), env.requestId);
  }
}

export type { CloudWatchRequest, Encoded };
