import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { RegionConfig } from '../config/schema';

/** The `Logins` map: provider name → a function returning the current ID token (re-read on every Cognito call). */
export type Logins = Record<string, () => Promise<string>>;

type MemoryStorage = { getItem(k: string): string | null; setItem(k: string, v: string): void; removeItem(k: string): void; clear(): void };

/**
 * The provider keeps the Cognito identity id here, in memory, instead of IndexedDB or localStorage:
 * nothing outlives the tab, and sign-out clears it together with the AWS layer that owns it.
 */
export function memoryStorage(): MemoryStorage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
    clear: () => m.clear(),
  };
}

/**
 * Authenticated Cognito identities: the user pool's ID token is the login (unauthenticated access is off).
 * No `userIdentifier`, so the SDK persists no identity id anywhere.
 */
export function createCredentials(region: RegionConfig, logins: Logins, cache: MemoryStorage = memoryStorage()): AwsCredentialIdentityProvider {
  return fromCognitoIdentityPool({
    identityPoolId: region.identityPoolId,
    logins,
    cache,
    clientConfig: {
      // The identity pool lives in the region its id names, which need not be the IVS region it serves.
      region: region.identityPoolId.split(':')[0] ?? region.id,
      ...(region.cognitoEndpoint ? { endpoint: region.cognitoEndpoint } : {}),
    },
  });
}
