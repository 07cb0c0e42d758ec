// `npm test` runs verify:deploy against the built app as `vite preview` serves it, with the emulator as its AWS:
// the same checks a deployer runs against CloudFront, so they are exercised on every test run (the 404 for a
// missing asset included). The built config.json names the emulator at 127.0.0.1:4599 and the emulator's app client
// accepts callbacks on 127.0.0.1:4173, so both servers take the ports Playwright uses; scripts/test-all.ts runs this
// after Playwright has finished and stopped its own, and this refuses to start if either port is taken.
//   tsx scripts/verify-deploy-local.ts [--json <file>]
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { report, verifyDeploy } from './verify-deploy.ts';

const EMULATOR_PORT = 4599;
const APP_PORT = 4173;
const HOST = '127.0.0.1';

function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const s = createServer();
    s.once('error', () => done(false));
    s.listen(port, HOST, () => s.close(() => done(true)));
  });
}

async function waitFor(url: string, child: ChildProcess, what: string): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}) before it answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not answer at ${url} within 60 s`);
}

/** Its own process group, so stopping it also stops what it started (tsx runs the emulator in a child). */
function start(args: string[], what: string): ChildProcess {
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'ignore', 'inherit'] });
  child.on('error', (e) => console.error(`${what}: ${e.message}`));
  return child;
}

function stop(child: ChildProcess | undefined): Promise<void> {
  const pid = child?.pid;
  if (!child || pid === undefined || child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      done();
    }
    setTimeout(() => {
      try {
        if (child.exitCode === null) process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
      done();
    }, 5_000).unref();
  });
}

async function main(argv: string[]): Promise<number> {
  const jsonAt = argv.indexOf('--json');
  const jsonFile = jsonAt >= 0 ? argv[jsonAt + 1] : undefined;
  const fail = (message: string) => {
    console.error(message);
    if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify({ passed: 0, failed: 1, results: [{ name: 'verify:deploy against vite preview', problems: [message] }] }, null, 2)}\n`);
    return 1;
  };
  if (!existsSync('dist/index.html')) return fail('verify:deploy (local): dist/index.html is missing; run `vite build` first.');
  for (const port of [EMULATOR_PORT, APP_PORT]) {
    if (!(await portFree(port))) return fail(`verify:deploy (local): port ${port} on ${HOST} is in use (another emulator, preview or Playwright run?); it must be free.`);
  }
  let emulator: ChildProcess | undefined;
  let preview: ChildProcess | undefined;
  try {
    emulator = start(['node_modules/tsx/dist/cli.mjs', 'emulator/src/cli.ts', '--port', String(EMULATOR_PORT), '--scenario', 'quiet'], 'emulator');
    preview = start(['node_modules/vite/bin/vite.js', 'preview', '--host', HOST, '--port', String(APP_PORT), '--strictPort'], 'vite preview');
    await waitFor(`http://${HOST}:${EMULATOR_PORT}/_greenroom/health`, emulator, 'the emulator');
    await waitFor(`http://${HOST}:${APP_PORT}/`, preview, 'vite preview');
    console.log(`verify:deploy against vite preview (http://${HOST}:${APP_PORT}) and the emulator (http://${HOST}:${EMULATOR_PORT})`);
    const results = await verifyDeploy(`http://${HOST}:${APP_PORT}`);
    const { passed, failed } = report(results);
    if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify({ passed, failed, results }, null, 2)}\n`);
    return failed > 0 ? 1 : 0;
  } catch (e) {
    return fail(`verify:deploy (local): ${(e as Error).message}`);
  } finally {
    await Promise.all([stop(preview), stop(emulator)]);
  }
}

process.exitCode = await main(process.argv.slice(2));
