// `npm test`: every layer in turn (dependencies, typecheck, lint, build; the Playwright tests that bring their own
// emulator in the background while the unit + emulator contract tests and infra run; the other Playwright tests;
// verify:deploy against vite preview), then
// one plain line summing them all, `N passed, N failed, N skipped`, which CI reads. Typecheck, lint and build
// count as one check each. Exits non-zero if anything failed.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';

const out = '.test-output';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const layers: string[] = [];

function run(cmd: string, args: string[], env: Record<string, string> = {}): number {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, NPM_CONFIG_LOGLEVEL: 'error', ...env } });
  return r.status ?? 1;
}
const node = (bin: string, args: string[], env?: Record<string, string>) => run(process.execPath, [bin, ...args], env);

function check(name: string, ok: boolean): void {
  totals[ok ? 'passed' : 'failed'] += 1;
  layers.push(`${name}: ${ok ? 'ok' : 'FAILED'}`);
}

function countVitest(name: string, report: string, code: number): void {
  if (!existsSync(report)) return check(`${name} (no report written)`, false);
  const v = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  const failed = v.numFailedTests + (code !== 0 && v.numFailedTests === 0 ? 1 : 0);
  totals.passed += v.numPassedTests;
  totals.failed += failed;
  totals.skipped += v.numPendingTests + v.numTodoTests;
  layers.push(`${name}: ${v.numPassedTests} passed, ${failed} failed, ${v.numPendingTests + v.numTodoTests} skipped`);
}

function countPlaywright(name: string, report: string, code: number): void {
  if (!existsSync(report)) return check(`${name} (no report written)`, false);
  const p = JSON.parse(readFileSync(report, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  const failed = p.stats.unexpected + p.stats.flaky + (code !== 0 && p.stats.unexpected === 0 ? 1 : 0);
  totals.passed += p.stats.expected;
  totals.failed += failed;
  totals.skipped += p.stats.skipped;
  layers.push(`${name}: ${p.stats.expected} passed, ${failed} failed, ${p.stats.skipped} skipped`);
}

// infra/ is its own package so the app's install stays small; it is installed here on first use, before the
// dependency check reads it.
if (!existsSync('infra/node_modules')) {
  console.log('infra/node_modules is missing: installing the CDK packages once (npm ci --prefix infra)');
  run('npm', ['ci', '--prefix', 'infra', '--no-audit', '--no-fund']);
}

console.log('\n== dependencies (engines within package.json\'s Node range, one AWS SDK release)');
check('dependencies', run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/check-deps.ts']) === 0);

console.log('\n== typecheck (tsc -b)');
check('typecheck', node('node_modules/typescript/bin/tsc', ['-b']) === 0);

console.log('\n== lint (eslint, zero warnings)');
check('lint', node('node_modules/eslint/bin/eslint.js', ['--max-warnings', '0', '.']) === 0);

console.log('\n== build (vite build)');
const built = node('node_modules/vite/bin/vite.js', ['build']) === 0;
check('build', built);

// The Playwright tests tagged @own-emulator (the rate-limit soak's two mostly idle minutes on 1,000 stages, the charts,
// the emulator restart) each start an emulator of their own and use a preview server of their own
// (playwright.background.config.ts): they run while the unit and infra layers do, and their output is printed when
// they end.
let background: Promise<number> | undefined;
const backgroundLog = `${out}/e2e-background.log`;
if (built) {
  console.log(`\n== end-to-end, own-emulator tests (playwright, in the background: ${backgroundLog})`);
  const fd = openSync(backgroundLog, 'w');
  const child = spawn(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', '-c', 'playwright.background.config.ts'], {
    stdio: ['ignore', fd, fd],
    env: { ...process.env, NPM_CONFIG_LOGLEVEL: 'error' },
  });
  background = new Promise((resolve) => {
    child.once('exit', (code) => resolve(code ?? 1));
    child.once('error', () => resolve(1));
  });
  closeSync(fd);
}

console.log('\n== unit and emulator contract tests (vitest)');
const vitestCode = node('node_modules/vitest/vitest.mjs', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}/vitest.json`]);
countVitest('vitest', `${out}/vitest.json`, vitestCode);

console.log('\n== infra (CDK synth, template assertions, cdk-nag, snapshot)');
check('typecheck infra', run('npm', ['--prefix', 'infra', 'run', 'typecheck']) === 0);
rmSync('infra/.test-output', { recursive: true, force: true });
const infraCode = run('npm', ['--prefix', 'infra', 'test']);
countVitest('infra', 'infra/.test-output/vitest.json', infraCode);

if (background) {
  const code = await background;
  console.log('\n== end-to-end, own-emulator tests (playwright), as they printed');
  console.log(readFileSync(backgroundLog, 'utf8'));
  countPlaywright('playwright (own emulator)', `${out}/e2e-background.json`, code);
}

if (built) {
  console.log('\n== end-to-end (playwright)');
  const pwCode = node('node_modules/@playwright/test/cli.js', ['test']);
  countPlaywright('playwright', `${out}/e2e.json`, pwCode);

  // After Playwright, which has stopped its servers by now: verify:deploy's local run takes the same two ports.
  console.log('\n== verify:deploy against vite preview and the emulator');
  const verifyReport = `${out}/verify-deploy.json`;
  const verifyCode = node('node_modules/tsx/dist/cli.mjs', ['scripts/verify-deploy-local.ts', '--json', verifyReport]);
  if (existsSync(verifyReport)) {
    const v = JSON.parse(readFileSync(verifyReport, 'utf8')) as { passed: number; failed: number };
    const failed = v.failed + (verifyCode !== 0 && v.failed === 0 ? 1 : 0);
    totals.passed += v.passed;
    totals.failed += failed;
    layers.push(`verify:deploy: ${v.passed} passed, ${failed} failed, 0 skipped`);
  } else {
    check('verify:deploy (no report written)', false);
  }
}

console.log('\n' + layers.join('\n'));
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
