// `npm run emulator -- [flags]`: the only reader of argv and the environment.
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { STATIC_ACCESS_KEY_ID, STATIC_SECRET_ACCESS_KEY } from './auth/credentials.ts';
import { CONTROL_KEY_ENV, CONTROL_KEY_HEADER } from './control/client.ts';
import { checkControlKey, checkOrigins } from './control/guard.ts';
import { startScenario, SCENARIOS, type ScenarioName } from './scenarios/index.ts';
import { createEmulator, DEFAULT_ACCOUNT_ID, DEFAULT_REGIONS, defaultIdentityPools, isLoopbackHost } from './server.ts';

const HELP = `Greenroom emulator of Amazon IVS Real-Time and Cognito Identity

Usage: npm run emulator -- [options]

Options (each also as an environment variable):
  --host <addr>             listen address              GREENROOM_EMULATOR_HOST     default 127.0.0.1
  --port <n>                listen port (0 = any free)  GREENROOM_EMULATOR_PORT     default 4599
  --regions <a,b>           regions served              GREENROOM_EMULATOR_REGIONS  default ${DEFAULT_REGIONS.join(',')}
  --account <id>            12-digit account id         GREENROOM_EMULATOR_ACCOUNT  default ${DEFAULT_ACCOUNT_ID}
  --scenario <name>         ${SCENARIOS.join(' | ')}         GREENROOM_EMULATOR_SCENARIO default demo
  --data-file <path>        keep state across restarts  GREENROOM_EMULATOR_DATA     default none (in memory)
  --session-idle <seconds>  empty time before a session ends  GREENROOM_EMULATOR_SESSION_IDLE default 60
  --push-keep-alive <seconds>  how often Events API sockets hear a ka  GREENROOM_EMULATOR_PUSH_KEEP_ALIVE default 60
  --seed <n>                seed of the scenario's activity    GREENROOM_EMULATOR_SEED default 7
  --log <path|->            JSON-lines request log ('-' = stdout)  GREENROOM_EMULATOR_LOG default none
  --users <path>            user pool's users (JSON)    GREENROOM_EMULATOR_USERS    default emulator/users.json
  --quotas <on|off>         AWS's API rate limits per operation, account and region (5 TPS most operations,
                            50 CreateParticipantToken, 10 tags); over them: 429 ThrottlingException
                                                        GREENROOM_EMULATOR_QUOTAS   default on
  --allow-unauthenticated   identity pools also hand out unauthenticated (read-only) identities
                                                        GREENROOM_EMULATOR_ALLOW_UNAUTHENTICATED=1  default off
  --control-key <key>       key the control API (/_greenroom/*) requires in the ${CONTROL_KEY_HEADER} header
                            (16-256 of A-Z a-z 0-9 . _ ~ -)  ${CONTROL_KEY_ENV}  default a fresh random key, printed at start
  --control-origins <a,b>   browser origins that may call the control API
                                                        GREENROOM_EMULATOR_CONTROL_ORIGINS  default the app's origins
                                                        (those of the user pool's callback URLs)
  --allow-remote            allow a --host that is not loopback (the published static key and the control API
                            become reachable from other machines)  GREENROOM_EMULATOR_ALLOW_REMOTE=1  default off
  -h, --help                this text

Static credentials for the AWS CLI and scripts:
  AWS_ACCESS_KEY_ID=${STATIC_ACCESS_KEY_ID}
  AWS_SECRET_ACCESS_KEY=${STATIC_SECRET_ACCESS_KEY}
`;

function fail(message: string): never {
  console.error(`emulator: ${message}\nRun with --help for the options.`);
  process.exit(2);
}

// The scenarios use the AWS SDK, which warns on Node 20 about releases after January 2027; versions are pinned.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

function main(): void {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        regions: { type: 'string' },
        account: { type: 'string' },
        scenario: { type: 'string' },
        'data-file': { type: 'string' },
        'session-idle': { type: 'string' },
        'push-keep-alive': { type: 'string' },
        seed: { type: 'string' },
        log: { type: 'string' },
        users: { type: 'string' },
        'allow-unauthenticated': { type: 'boolean' },
        quotas: { type: 'string' },
        'control-key': { type: 'string' },
        'control-origins': { type: 'string' },
        'allow-remote': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (e) {
    fail((e as Error).message);
  }
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const env = process.env;
  const opt = (name: string, envName: string, def: string): string => (values[name] as string | undefined) ?? env[envName] ?? def;

  const host = opt('host', 'GREENROOM_EMULATOR_HOST', '127.0.0.1');
  const port = Number(opt('port', 'GREENROOM_EMULATOR_PORT', '4599'));
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a whole number from 0 to 65535.`);
  const regions = opt('regions', 'GREENROOM_EMULATOR_REGIONS', DEFAULT_REGIONS.join(',')).split(',').map((r) => r.trim()).filter(Boolean);
  for (const r of regions) if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(r)) fail(`--regions: "${r}" is not a region name like us-east-1.`);
  if (regions.length === 0) fail('--regions needs at least one region.');
  const accountId = opt('account', 'GREENROOM_EMULATOR_ACCOUNT', DEFAULT_ACCOUNT_ID);
  if (!/^\d{12}$/.test(accountId)) fail('--account must be 12 digits.');
  const scenario = opt('scenario', 'GREENROOM_EMULATOR_SCENARIO', 'demo') as ScenarioName;
  if (!SCENARIOS.includes(scenario)) fail(`--scenario must be one of ${SCENARIOS.join(', ')}.`);
  const idle = Number(opt('session-idle', 'GREENROOM_EMULATOR_SESSION_IDLE', '60'));
  if (!Number.isFinite(idle) || idle < 0) fail('--session-idle must be a number of seconds, 0 or more.');
  const keepAlive = Number(opt('push-keep-alive', 'GREENROOM_EMULATOR_PUSH_KEEP_ALIVE', '60'));
  if (!Number.isFinite(keepAlive) || keepAlive < 0.1 || keepAlive > 3600) fail('--push-keep-alive must be a number of seconds from 0.1 to 3600.');
  const seed = Number(opt('seed', 'GREENROOM_EMULATOR_SEED', '7'));
  if (!Number.isInteger(seed)) fail('--seed must be a whole number.');
  const dataFile = (values['data-file'] as string | undefined) ?? env.GREENROOM_EMULATOR_DATA;
  const logTo = (values.log as string | undefined) ?? env.GREENROOM_EMULATOR_LOG;
  const usersFile = (values.users as string | undefined) ?? env.GREENROOM_EMULATOR_USERS;
  const allowUnauthenticated = values['allow-unauthenticated'] === true || ['1', 'true'].includes(env.GREENROOM_EMULATOR_ALLOW_UNAUTHENTICATED ?? '');
  const quotasFlag = opt('quotas', 'GREENROOM_EMULATOR_QUOTAS', 'on');
  if (!['on', 'off'].includes(quotasFlag)) fail(`--quotas must be on or off, not "${quotasFlag}".`);
  const controlKey = (values['control-key'] as string | undefined) ?? (env[CONTROL_KEY_ENV] || undefined);
  const originsText = (values['control-origins'] as string | undefined) ?? env.GREENROOM_EMULATOR_CONTROL_ORIGINS;
  const controlOrigins = originsText === undefined ? undefined : originsText.split(',').map((o) => o.trim()).filter(Boolean);
  try {
    if (controlKey !== undefined) checkControlKey(controlKey);
  } catch (e) {
    fail(`--control-key: ${(e as Error).message}`);
  }
  try {
    if (controlOrigins !== undefined) checkOrigins(controlOrigins);
  } catch (e) {
    fail(`--control-origins: ${(e as Error).message}`);
  }
  const allowRemote = values['allow-remote'] === true || ['1', 'true'].includes(env.GREENROOM_EMULATOR_ALLOW_REMOTE ?? '');
  const logStream = logTo === '-' ? process.stdout : logTo ? createWriteStream(logTo, { flags: 'a' }) : undefined;

  let emulator;
  try {
    emulator = createEmulator({ accountId, regions, sessionIdleMs: idle * 1000, dataFile, logStream, usersFile, allowUnauthenticated, quotas: quotasFlag === 'on', controlKey, controlOrigins, allowRemote, pushKeepAliveMs: Math.round(keepAlive * 1000) });
  } catch (e) {
    fail((e as Error).message);
  }
  const em = emulator;
  em.listen(port, host).then(
    async (url) => {
      const pools = defaultIdentityPools(regions).map((p) => p.id).join(', ');
      console.log(`Greenroom emulator listening on ${url} (account ${accountId}; regions ${regions.join(', ')}; scenario ${scenario}; rate limits ${quotasFlag})`);
      console.log(`  identity pools: ${pools} (unauthenticated identities ${allowUnauthenticated ? 'ON, read-only' : 'off'})`);
      const pool = em.userPool;
      console.log(`  user pool: ${pool.config.userPoolId}, app client ${pool.config.clients[0].clientId}, OIDC authority ${url}/${pool.config.userPoolId}`);
      console.log(`  demo users: ${pool.listUsers().map((u) => `${u.username} (${u.enabled ? u.groups.join(', ') || 'no group' : 'disabled'})`).join('; ')}`);
      console.log(`  static credentials: ${STATIC_ACCESS_KEY_ID} / ${STATIC_SECRET_ACCESS_KEY}`);
      console.log(`  stage events (AppSync Events, namespace ivs): ${url.replace(/^http/, 'ws')}/event/realtime, publish POST ${url}/event; ka every ${keepAlive} s`);
      // A key the caller chose is theirs already; a fresh one is printed so local tools can use it.
      console.log(`  control API: ${url}/_greenroom, header ${CONTROL_KEY_HEADER}: ${controlKey === undefined ? em.controlKey : `(as given in --control-key or ${CONTROL_KEY_ENV})`}; origins ${em.controlOrigins.join(', ')}`);
      if (allowRemote && !isLoopbackHost(host)) {
        console.warn(`emulator: listening on ${host}, which is not loopback: other machines can reach it. The control key is the control API's only guard; the static credentials are public.`);
      }
      const running = await startScenario(scenario, { url, emulator: em, seed });
      const stop = async () => {
        running.stop();
        await em.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop());
      process.on('SIGTERM', () => void stop());
    },
    (e: NodeJS.ErrnoException) => fail(e.code === 'EADDRINUSE' ? `port ${port} on ${host} is already in use.` : `--host: ${e.message}`),
  );
}

main();
