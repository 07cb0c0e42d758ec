// An independent client: boto3 (botocore's own restJson1 parser) reads the seven bound header members of
// Start/StopParticipantReplication and an error's headers. Skipped, with the reason printed, where python3 or
// boto3 is missing.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { CreateStageCommand } from '@aws-sdk/client-ivs-realtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinStage } from './participants-support.ts';
import { staticCredentials, startEmulator, type TestEmulator } from './support.ts';

const probe = spawnSync('python3', ['-c', 'import boto3'], { encoding: 'utf8' });
const missing = probe.error ? 'python3 is not installed' : probe.status !== 0 ? 'python3 cannot import boto3' : undefined;
if (missing) console.warn(`boto3 check skipped: ${missing}.`);

let t: TestEmulator;
beforeAll(async () => {
  if (!missing) t = await startEmulator({ sessionIdleMs: 600_000 });
});
afterAll(() => t?.stop());

/** The static emulator key, and none of the caller's own AWS settings (a profile or session token would win). */
function botoEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
  return { ...env, AWS_ACCESS_KEY_ID: staticCredentials.accessKeyId, AWS_SECRET_ACCESS_KEY: staticCredentials.secretAccessKey, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' };
}

describe.skipIf(missing !== undefined)('boto3 reads the bound headers', () => {
  it('Start and Stop outputs carry all seven members; the error carries the seven headers', async () => {
    const ivs = t.ivs();
    const src = (await ivs.send(new CreateStageCommand({ name: 'boto-src' }))).stage?.arn ?? '';
    const dst = (await ivs.send(new CreateStageCommand({ name: 'boto-dst' }))).stage?.arn ?? '';
    const host = await joinStage(t, src, { publish: true });
    const script = fileURLToPath(new URL('./boto3_headers.py', import.meta.url));
    // Asynchronously: the emulator answers from this same process.
    const run = await promisify(execFile)('python3', [script, t.url, 'us-east-1', src, dst, host.participantId], { encoding: 'utf8', env: botoEnv(), timeout: 30_000 });
    const out = JSON.parse(run.stdout) as { start: Record<string, string | null>; stop: Record<string, string | null>; error: { code: string; status: number; headers: Record<string, string | null> } };
    for (const part of [out.start, out.stop]) {
      for (const [member, value] of Object.entries(part)) expect(value, member).toBeTruthy();
      expect(part.xFrameOptions).toBe('DENY');
    }
    expect(out.error.code).toBe('ResourceNotFoundException');
    expect(out.error.status).toBe(404);
    for (const [header, value] of Object.entries(out.error.headers)) expect(value, header).toBeTruthy();
  });
});
