// `npm run test:aws`: the emulator's contract suite (emulator/test/contract, the same files `npm test` runs against
// the emulator) against a real AWS account, to show where the emulator and AWS differ. It only makes API calls: stages
// named greenroom-contract-<run>-…, tokens, tags, listings and calls that fail; every stage it created is deleted at
// the end, even when a test failed. Without credentials or a region it says why and exits 0. Never part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { IVSRealTimeClient } from '@aws-sdk/client-ivs-realtime';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { PREFIX_ENV, sweepStages } from '../emulator/test/contract/target.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main(): Promise<number> {
  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  if (!region) {
    console.log('test:aws did not run: no AWS region is set (set AWS_REGION, e.g. AWS_REGION=us-east-1). Nothing was called.');
    return 0;
  }
  try {
    const creds = await fromNodeProviderChain({ clientConfig: { region } })();
    if (!creds.accessKeyId) throw new Error('the provider chain returned no access key');
  } catch (e) {
    console.log(`test:aws did not run: no AWS credentials were found (${(e as Error).message.split('\n')[0]}). Set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY. Nothing was called.`);
    return 0;
  }
  const otherRegion = process.env.GREENROOM_CONTRACT_OTHER_REGION ?? (region === 'us-west-2' ? 'us-east-1' : 'us-west-2');
  const prefix = `greenroom-contract-${Date.now().toString(36)}`;
  console.log(`test:aws: contract suite against AWS in ${region} (and ${otherRegion} for cross-region checks); stages named ${prefix}-…`);

  mkdirSync('.test-output', { recursive: true });
  const report = '.test-output/aws.json';
  const run = spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--config', 'emulator/test/contract/vitest.aws.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    { stdio: 'inherit', env: { ...process.env, [PREFIX_ENV]: prefix, GREENROOM_CONTRACT_OTHER_REGION: otherRegion } },
  );

  // Whatever happened above (a crash included), nothing of this run stays behind.
  let swept = 0;
  for (const r of [region, otherRegion]) {
    const ivs = new IVSRealTimeClient({ region: r });
    try {
      swept += await sweepStages(ivs, prefix);
    } catch (e) {
      console.error(`test:aws: could not sweep ${r} for ${prefix}-… stages: ${(e as Error).message}. Delete them by hand.`);
    } finally {
      ivs.destroy();
    }
  }
  if (swept > 0) console.log(`test:aws: deleted ${swept} stage(s) a test left behind.`);

  if (!existsSync(report)) {
    console.error('test:aws: vitest wrote no report.');
    return run.status ?? 1;
  }
  type Assertion = { fullName: string; status: string; failureMessages: string[] };
  const results = JSON.parse(readFileSync(report, 'utf8')) as { testResults: { name: string; assertionResults: Assertion[] }[] };
  const differ = results.testResults.flatMap((f) => f.assertionResults.filter((a) => a.status === 'failed').map((a) => ({ file: f.name, ...a })));
  const passed = results.testResults.reduce((n, f) => n + f.assertionResults.filter((a) => a.status === 'passed').length, 0);
  if (differ.length === 0) {
    console.log(`test:aws: AWS answered as the emulator does in all ${passed} contract tests.`);
    return 0;
  }
  console.log(`\ntest:aws: ${differ.length} contract test(s) differ between AWS and the emulator (${passed} agree):`);
  for (const d of differ) {
    const first = (d.failureMessages[0] ?? '').split('\n').slice(0, 4).join('\n      ');
    console.log(`  - ${d.fullName}\n      ${first}`);
  }
  console.log('Record each confirmed difference in docs/emulator-differences.md and fix the emulator where AWS is right.');
  return 1;
}

main().then((code) => process.exit(code), (e: unknown) => {
  console.error('test:aws failed:', e);
  process.exit(1);
});
