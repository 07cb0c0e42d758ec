// Cognito Identity's awsJson1_1 entry point on the shared port: POST / with X-Amz-Target. Parses the body,
// names the region from the pool or identity id (for the log and per-region faults), applies faults, runs it.
import { ServiceError } from '../errors.ts';
import type { CognitoIdentityService } from './identity.ts';

/** The fault injector as this route uses it (http/ owns it; services sit below http/ and name only its shape). */
export type FaultGate = { apply(operation: string, region: string, style: 'json11'): Promise<void> };

/** What the request log learns about the call. */
export type CognitoCallInfo = { operation: string; region?: string };

export async function handleCognitoIdentity(
  target: string,
  body: Buffer,
  env: { cognito: CognitoIdentityService; faults: FaultGate },
  learn: (info: CognitoCallInfo) => void,
): Promise<unknown> {
  const operation = target.split('.').pop() ?? target;
  learn({ operation });
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    throw new ServiceError('SerializationException', 400, 'The request body is not valid JSON.', 'json11');
  }
  const ids = (parsed as { IdentityPoolId?: unknown; IdentityId?: unknown } | null) ?? {};
  const idText = typeof ids.IdentityPoolId === 'string' ? ids.IdentityPoolId : typeof ids.IdentityId === 'string' ? ids.IdentityId : '';
  const region = idText.includes(':') ? idText.split(':')[0] : undefined;
  learn({ operation, region });
  await env.faults.apply(operation, region ?? '', 'json11');
  return env.cognito.handle(target, parsed);
}
