// SigV4 for the AppSync Events socket: every connect and every subscribe carries the headers of a signed
// `POST <http endpoint>/event` whose body is what is being authorised (`{}` to connect, `{"channel":…}` to subscribe).
import { Sha256 } from '@aws-crypto/sha256-browser';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity } from '@smithy/types';

/** The headers AWS's protocol page lists for an IAM-authorised socket (the signer adds date and token). */
const BASE_HEADERS = {
  accept: 'application/json, text/javascript',
  'content-encoding': 'amz-1.0',
  'content-type': 'application/json; charset=UTF-8',
};

export async function signEventsRequest(
  credentials: AwsCredentialIdentity,
  region: string,
  httpEndpoint: string,
  body: string,
): Promise<Record<string, string>> {
  const url = new URL(httpEndpoint);
  // applyChecksum false: AppSync's own clients sign without x-amz-content-sha256, and the socket has no body to hash.
  const signer = new SignatureV4({ credentials, region, service: 'appsync', sha256: Sha256, applyChecksum: false });
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    path: '/event',
    query: {},
    headers: { ...BASE_HEADERS, host: url.host },
    body,
  });
  return { ...signed.headers } as Record<string, string>;
}
