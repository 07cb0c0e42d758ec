import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { RegionConfig } from '../config/schema';

/**
 * The provider keeps the Cognito identity id in this in-memory store instead of localStorage,
 * so nothing outlives the tab (sign-out, in a later issue, only has to drop the layer).
 */
function memoryStorage(): { getItem(k: string): string | null; setItem(k: string, v: string): void; removeItem(k: string): void } {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
  };
}

/** Unauthenticated Cognito identities for now; sign-in adds `logins` later. */
export function createCredentials(region: RegionConfig): AwsCredentialIdentityProvider {
  return fromCognitoIdentityPool({
    identityPoolId: region.identityPoolId,
    cache: memoryStorage(),
    clientConfig: {
      region: region.id,
      ...(region.cognitoEndpoint ? { endpoint: region.cognitoEndpoint } : {}),
    },
  });
}
