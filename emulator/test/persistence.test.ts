// A hard kill (no close, so no last save) loses nothing the emulator has answered: the data file already holds every
// acknowledged change, the Cognito identities and the credentials it handed out. Each test reads the file with a
// second emulator while the first is still running, exactly as a restart after `kill -9` would.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateStageCommand, ListStagesCommand } from '@aws-sdk/client-ivs-realtime';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { describe, expect, it } from 'vitest';
import { defaultIdentityPools } from '../src/server.ts';
import { LOGINS_KEY, signIn } from './signin.ts';
import { startEmulator, type TestEmulator } from './support.ts';

const freshDataFile = () => join(mkdtempSync(join(tmpdir(), 'greenroom-kill-')), 'state.json');

async function withTwo(run: (first: TestEmulator, restarted: () => Promise<TestEmulator>) => Promise<void>): Promise<void> {
  const dataFile = freshDataFile();
  const first = await startEmulator({ dataFile });
  let second: TestEmulator | undefined;
  try {
    await run(first, async () => (second = await startEmulator({ dataFile })));
  } finally {
    await second?.stop();
    await first.stop();
  }
}

describe('a hard kill with a data file', () => {
  it('keeps a change that was answered, even one answered a moment before the kill', async () => {
    await withTwo(async (first, restarted) => {
      const created = await first.ivs().send(new CreateStageCommand({ name: 'answered-then-killed' }));
      const after = await restarted();
      const names = ((await after.ivs().send(new ListStagesCommand({}))).stages ?? []).map((s) => s.name);
      expect(names).toContain('answered-then-killed');
      expect(created.stage?.arn).toMatch(/^arn:aws:ivs:us-east-1:/);
    });
  });

  it('keeps Cognito identities and the credentials already handed out, as AWS would', async () => {
    await withTwo(async (first, restarted) => {
      const { id_token: idToken } = await signIn(first.url, 'pat.producer');
      const poolId = defaultIdentityPools(first.emulator.regions)[0].id;
      const provider = (url: string) => fromCognitoIdentityPool({ identityPoolId: poolId, logins: { [LOGINS_KEY]: idToken }, clientConfig: { region: 'us-east-1', endpoint: url } });
      const issued = await provider(first.url)();

      const after = await restarted();
      // Credentials issued before the kill still sign requests (not UnrecognizedClientException)…
      const listed = await after.ivs('us-east-1', issued).send(new ListStagesCommand({}));
      expect(listed.$metadata.httpStatusCode).toBe(200);
      // …and the same user keeps the same identity, with a login the restarted pool still trusts.
      const again = await provider(after.url)();
      expect(again.identityId).toBe(issued.identityId);
    });
  });
});
