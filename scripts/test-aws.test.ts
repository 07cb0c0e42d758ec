// `npm run test:aws` without credentials or a region says why it did not run and exits 0 (so it is safe anywhere);
// its contract files are the emulator's own (emulator/test/contract), which the emulator project runs in `npm test`.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = (env: Record<string, string>) => {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
  return promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/test-aws.ts'], {
    encoding: 'utf8',
    env: { ...clean, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true', ...env },
    timeout: 60_000,
  });
};

describe('npm run test:aws', () => {
  it('without a region or credentials prints why it did not run and exits 0', async () => {
    const noRegion = await run({});
    expect(noRegion.stdout).toContain('test:aws did not run: no AWS region is set');
    const noCredentials = await run({ AWS_REGION: 'us-east-1' });
    expect(noCredentials.stdout).toContain('test:aws did not run: no AWS credentials were found');
  }, 60_000);
});
