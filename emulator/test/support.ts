// Starts a real emulator on a free loopback port and gives tests real AWS SDK clients aimed at it.
import { IVSRealTimeClient } from '@aws-sdk/client-ivs-realtime';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { STATIC_ACCESS_KEY_ID, STATIC_SECRET_ACCESS_KEY } from '../src/auth/credentials.ts';
import { createControlClient } from '../src/control/client.ts';
import { paceClient, Pacer } from '../src/control/pacer.ts';
import { createEmulator, defaultIdentityPools, type EmulatorOptions } from '../src/server.ts';
import { LOGINS_KEY, signIn } from './signin.ts';

export const staticCredentials = { accessKeyId: STATIC_ACCESS_KEY_ID, secretAccessKey: STATIC_SECRET_ACCESS_KEY };

export async function startEmulator(options: EmulatorOptions = {}) {
  const emulator = createEmulator({ sessionIdleMs: 5_000, ...options });
  const url = await emulator.listen(0);
  const clients: IVSRealTimeClient[] = [];
  // The rate limits are on, as on AWS: the tests' clients pace themselves under them (one pacer for the account),
  // so a test that wants a ThrottlingException asks for `unpaced` and makes it happen.
  const pacer = new Pacer();
  const ivs = (region = 'us-east-1', credentials: IVSRealTimeClient['config']['credentials'] | typeof staticCredentials = staticCredentials, opts: { unpaced?: boolean } = {}) => {
    const c = new IVSRealTimeClient({ region, endpoint: url, credentials, maxAttempts: 1 });
    clients.push(c);
    return opts.unpaced ? c : paceClient(c, pacer);
  };
  /**
   * Credentials of a signed-in demo user: the real managed-login flow over HTTP (once per call), its ID token
   * passed as the login. The default user is the producer, who may do everything the contract tests do.
   */
  const cognitoCredentials = (region = 'us-east-1', username = 'pat.producer') => {
    const pool = defaultIdentityPools(emulator.regions).find((p) => p.region === region);
    if (!pool) throw new Error(`no identity pool for ${region}`);
    let tokens: Promise<string> | undefined;
    const idToken = () => (tokens ??= signIn(url, username).then((t) => t.id_token));
    return fromCognitoIdentityPool({ identityPoolId: pool.id, logins: { [LOGINS_KEY]: idToken }, clientConfig: { region, endpoint: url } });
  };
  return {
    emulator,
    url,
    ivs,
    cognitoCredentials,
    control: createControlClient(url, emulator.controlKey),
    async stop() {
      clients.forEach((c) => c.destroy());
      await emulator.close();
    },
  };
}

export type TestEmulator = Awaited<ReturnType<typeof startEmulator>>;
