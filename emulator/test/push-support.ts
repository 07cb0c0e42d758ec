// Test helpers for the Events API: the independent Python client (emulator/test/python/appsync_events_client.py),
// driven one command at a time (one Python process per test file, many connections), and the credentials it signs
// with.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { TestEmulator } from './support.ts';

// Finding botocore, not importing it: an import costs as long as the client's own start-up, and every file that
// imports these helpers would pay it before its first test.
const probe = spawnSync('python3', ['-c', 'import importlib.util, sys; sys.exit(importlib.util.find_spec("botocore") is None)'], { encoding: 'utf8' });
/** Why the Python client cannot run here, if it cannot. */
export const pythonMissing = probe.error ? 'python3 is not installed' : probe.status !== 0 ? 'python3 cannot import botocore' : undefined;

export type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
export type Answer = {
  status?: number;
  protocol?: string;
  body?: unknown;
  msg?: Record<string, unknown> & { type: string; id?: string; event?: string; errors?: { errorType: string; message: string }[] };
  closed?: number | boolean;
  reason?: string;
  timeout?: boolean;
  error?: string;
};

const SCRIPT = fileURLToPath(new URL('./python/appsync_events_client.py', import.meta.url));

/**
 * The one Python process a test file's clients share: starting Python and importing botocore costs about a second
 * on a busy machine, so it is paid once per file, not once per connection. It answers commands in the order they
 * are sent, one line each; if it dies, what was waiting fails with the reason and the next command starts a new one,
 * so one test's crash does not fail the tests after it.
 */
class PyWorker {
  private readonly proc: ChildProcessWithoutNullStreams;
  private readonly waiting: { resolve: (a: Answer) => void; reject: (e: Error) => void }[] = [];
  exited: string | undefined;

  constructor() {
    // None of the caller's AWS settings: botocore signs with exactly the credentials each command names.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
    this.proc = spawn('python3', [SCRIPT], { env: { ...env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' } });
    createInterface({ input: this.proc.stdout }).on('line', (line) => this.waiting.shift()?.resolve(JSON.parse(line) as Answer));
    this.proc.stderr.on('data', (d: Buffer) => process.stderr.write(d));
    this.proc.on('exit', (code, signal) => {
      this.exited = `the python client exited (${signal ?? `code ${code}`})`;
      for (const w of this.waiting.splice(0)) w.reject(new Error(this.exited));
    });
  }

  send(cmd: Record<string, unknown>): Promise<Answer> {
    if (this.exited) return Promise.reject(new Error(this.exited));
    const answer = new Promise<Answer>((resolve, reject) => this.waiting.push({ resolve, reject }));
    this.proc.stdin.write(`${JSON.stringify(cmd)}\n`);
    return answer;
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise((r) => this.proc.once('exit', r));
    this.proc.stdin.end();
    await gone;
  }
}

let worker: PyWorker | undefined;
const shared = () => (worker && !worker.exited ? worker : (worker = new PyWorker()));

/** Starts the shared Python process now, so its start-up overlaps the emulator's. */
export function startPyClients(): void {
  shared();
}

/** Ends the shared Python process (each file's afterAll). */
export async function stopPyClients(): Promise<void> {
  await worker?.stop();
  worker = undefined;
}

let clientCount = 0;

/** One client connection, served by the shared Python process: `do` sends a command and resolves with its answer. */
export class PyEventsClient {
  private readonly name = `c${++clientCount}`;

  async do(cmd: Record<string, unknown>): Promise<Answer> {
    const a = await shared().send({ ...cmd, client: this.name });
    if (a.error) throw new Error(`python client: ${a.error}`);
    return a;
  }

  /** The next message; fails the test on a timeout or close, naming what came instead. */
  async next(timeout = 3): Promise<NonNullable<Answer['msg']>> {
    const a = await this.do({ op: 'recv', timeout });
    if (!a.msg) throw new Error(`expected a message, got ${JSON.stringify(a)}`);
    return a.msg;
  }

  /** The next message that is not a ka. */
  async nextNonKa(timeout = 3): Promise<NonNullable<Answer['msg']>> {
    for (;;) {
      const m = await this.next(timeout);
      if (m.type !== 'ka') return m;
    }
  }

  /** The messages other than ka that arrive within `seconds` (a fixed window: ka beats do not stretch it). */
  async drain(seconds = 0.5): Promise<NonNullable<Answer['msg']>[]> {
    const out: NonNullable<Answer['msg']>[] = [];
    const deadline = Date.now() + seconds * 1000;
    for (;;) {
      const left = (deadline - Date.now()) / 1000;
      if (left <= 0) return out;
      const a = await this.do({ op: 'recv', timeout: left });
      if (!a.msg) return out;
      if (a.msg.type !== 'ka') out.push(a.msg);
    }
  }

  /** How the socket ends: the next answer that is not a ka (a close, or whatever came instead). */
  async closing(timeout = 3): Promise<Answer> {
    for (;;) {
      const a = await this.do({ op: 'recv', timeout });
      if (a.msg?.type !== 'ka') return a;
    }
  }

  /** Connects (signed with `creds` for `region`), sends connection_init and returns the ack. */
  async open(t: TestEmulator, creds: Creds, region = 'us-east-1') {
    const host = new URL(t.url).host;
    const a = await this.do({ op: 'connect', url: `ws://${host}/event/realtime`, host, region, creds });
    if (a.status !== 101) throw new Error(`connect answered HTTP ${a.status}: ${JSON.stringify(a.body)}`);
    await this.do({ op: 'send', msg: { type: 'connection_init' } });
    return this.next();
  }

  /** Closes this client's socket, if it has one; the shared process lives on for the next test. */
  async stop(): Promise<void> {
    if (worker && !worker.exited) await worker.send({ op: 'close', client: this.name });
  }
}

/** Resolved Cognito role credentials of a demo user (the real sign-in and identity pool flow). */
export async function userCreds(t: TestEmulator, username: string, region = 'us-east-1'): Promise<Creds> {
  const c = await t.cognitoCredentials(region, username)();
  return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken };
}

/** Role credentials whose role has no policy at all (IAM denies it everything). */
export function noAccessCreds(t: TestEmulator, ttlMs = 3_600_000): Creds {
  const c = t.emulator.credentials.issueTemporary('us-east-1:00000000-0000-4000-8000-0000000000ff', ttlMs, { roleName: 'greenroom-nobody' });
  return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken };
}
