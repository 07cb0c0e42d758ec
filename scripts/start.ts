// `npm start`: the emulator with live demo data and the built app behind `vite preview`, side by side, until Ctrl+C.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTROL_KEY_ENV, CONTROL_KEY_HEADER } from '../emulator/src/control/client.ts';
import { newControlKey } from '../emulator/src/control/guard.ts';

const EMULATOR_PORT = process.env.GREENROOM_EMULATOR_PORT ?? '4599';
const APP_PORT = process.env.GREENROOM_APP_PORT ?? '5173';
// The control API's key for this run: the caller's, or a fresh one. The emulator reads it from the environment
// (never argv, which other users of the machine can list), and it is printed below for local tools.
const CONTROL_KEY = process.env[CONTROL_KEY_ENV] || newControlKey();
// Only the app served here may call the control API from a browser, unless the caller says otherwise.
const CONTROL_ORIGINS = process.env.GREENROOM_EMULATOR_CONTROL_ORIGINS ?? `http://127.0.0.1:${APP_PORT}`;
const children: ChildProcess[] = [];

function start(name: string, args: string[], extraEnv: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NPM_CONFIG_LOGLEVEL: 'error', ...extraEnv },
  });
  const prefix = (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean).map((l) => `[${name}] ${l}`).join('\n') + '\n';
  child.stdout?.on('data', (c: Buffer) => process.stdout.write(prefix(c)));
  child.stderr?.on('data', (c: Buffer) => process.stderr.write(prefix(c)));
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${name} stopped (exit ${code}); stopping everything.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0): void {
  stopping = true;
  children.forEach((c) => c.kill('SIGTERM'));
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitFor(url: string, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/** The sign-in users of the emulator's user pool, with their demo-only passwords (emulator/users.json). */
function demoUsers(): string {
  const file = process.env.GREENROOM_EMULATOR_USERS ?? 'emulator/users.json';
  try {
    const { users } = JSON.parse(readFileSync(file, 'utf8')) as { users: { username: string; password: string; groups: string[]; enabled: boolean }[] };
    const width = Math.max(...users.map((u) => u.username.length));
    const rows = users.map((u) => `    ${u.username.padEnd(width)}  ${u.password}  ${u.enabled ? u.groups.join(', ') : `${u.groups.join(', ')} (disabled: sign-in is refused)`}`);
    return `  Sign in with a demo user (local emulator only):\n${rows.join('\n')}`;
  } catch (e) {
    return `  (Could not read the demo users from ${file}: ${(e as Error).message})`;
  }
}

/**
 * public/config.json with every region's events endpoints on the emulator, so `npm start` shows pushed events (the
 * emulator serves AppSync Events on its own port). The shipped file stays without them: the e2e suite polls.
 */
function pushConfigFile(): string {
  const config = JSON.parse(readFileSync('public/config.json', 'utf8')) as { regions: Record<string, unknown>[] };
  const http = `http://127.0.0.1:${EMULATOR_PORT}`;
  const regions = config.regions.map((r) => ({ ...r, eventsHttpEndpoint: http, eventsRealtimeEndpoint: http.replace(/^http/, 'ws') }));
  const file = join(mkdtempSync(join(tmpdir(), 'greenroom-start-')), 'config.json');
  writeFileSync(file, JSON.stringify({ ...config, regions }, null, 2));
  return file;
}

async function main(): Promise<void> {
  // Build first, so the emulator's demo timer is not running (and logging) while Vite works.
  // The app is served by `vite preview`, which sends the strict CSP and security headers production gets
  // (`npm run dev` is the HMR dev server, without them).
  console.log('Building the app…');
  const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The app did not build; see above.');
    return stop(1);
  }
  start('emulator', ['node_modules/tsx/dist/cli.mjs', 'emulator/src/cli.ts', '--port', EMULATOR_PORT, '--scenario', process.env.GREENROOM_EMULATOR_SCENARIO ?? 'demo'], {
    [CONTROL_KEY_ENV]: CONTROL_KEY,
    GREENROOM_EMULATOR_CONTROL_ORIGINS: CONTROL_ORIGINS,
  });
  if (!(await waitFor(`http://127.0.0.1:${EMULATOR_PORT}/_greenroom/health`, 30_000))) {
    console.error(`The emulator did not answer on port ${EMULATOR_PORT} within 30 s.`);
    return stop(1);
  }
  start('app', ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', APP_PORT, '--strictPort'], {
    GREENROOM_PREVIEW_CONFIG: pushConfigFile(),
  });
  if (await waitFor(`http://127.0.0.1:${APP_PORT}/`, 30_000)) {
    console.log(
      `\n  Greenroom is running: http://127.0.0.1:${APP_PORT}/\n  Emulator (IVS Real-Time + Cognito Identity): http://127.0.0.1:${EMULATOR_PORT}\n` +
        `  Control API: http://127.0.0.1:${EMULATOR_PORT}/_greenroom (header ${CONTROL_KEY_HEADER}: ${CONTROL_KEY}; ${CONTROL_KEY_ENV} for the tools)\n` +
        `${demoUsers()}\n  Press Ctrl+C to stop.\n`,
    );
  }
}

await main();
