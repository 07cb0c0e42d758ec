// `npm run verify:deploy -- <url>`: checks a deployed Greenroom console from outside, as a browser sees it.
//   - `/`, a deep link, the JavaScript bundle and config.json carry the app's CSP and security headers
//   - config.json is valid (the app's own parser) and not cached long; index.html neither
//   - a deep link is index.html (the SPA fallback), a missing /assets/ file is a 404 and not index.html
//   - the user pool's discovery document and login domain answer for this console's callback URL
//   - every identity pool in config.json exists and refuses unauthenticated identities
// Prints one line per check and `N passed, N failed`; exits 1 if any check failed. `--json <file>` also writes the
// results (npm test counts them). Nothing is created or changed anywhere.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { AppConfig } from '../src/config/schema.ts';
import {
  type Answer, checkAsset, checkAuthorize, checkConfig, checkDeepLink, checkDiscovery, checkIdentityPool, checkIndexHtml,
  checkMissingFile, checkOk, checkSecurityHeaders, checkShortCache, deepLinkPath, identityPools,
} from './verify-deploy-checks.ts';

export type CheckResult = { name: string; problems: string[] };

const TIMEOUT_MS = 15_000;

async function get(url: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS), ...init });
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    headers[k.toLowerCase()] = v;
  });
  return { status: res.status, headers, body: await res.text() };
}

/** Runs every check against the console at `base` (its origin, e.g. https://d111111abcdef8.cloudfront.net). */
export async function verifyDeploy(base: string): Promise<CheckResult[]> {
  const origin = new URL(base).origin;
  const https = origin.startsWith('https:');
  const results: CheckResult[] = [];
  const record = (name: string, problems: string[]) => {
    results.push({ name, problems });
  };
  const attempt = async (name: string, fn: () => Promise<string[]>) => {
    try {
      record(name, await fn());
    } catch (e) {
      record(name, [`${name}: ${(e as Error).message}${(e as { cause?: Error }).cause ? ` (${(e as { cause: Error }).cause.message})` : ''}`]);
    }
  };

  // config.json first: every other check needs the configuration it names.
  let config: AppConfig | undefined;
  let configAnswer: Answer | undefined;
  await attempt('config.json is valid', async () => {
    configAnswer = await get(`${origin}/config.json`);
    const served = checkOk(configAnswer, 'config.json', ['application/json']);
    if (configAnswer.status !== 200) return served;
    const c = checkConfig(configAnswer);
    config = c.config;
    return [...served, ...c.problems];
  });
  if (!config || !configAnswer) {
    for (const name of ['the app and its headers', 'the login domain', 'the identity pools']) record(name, ['skipped: config.json is missing or invalid']);
    return results;
  }
  const cfg = config;
  const cfgAnswer = configAnswer;
  record('config.json is not cached long', checkShortCache(cfgAnswer, 'config.json'));
  record('config.json carries the CSP and security headers', checkSecurityHeaders(cfgAnswer, 'config.json', cfg, https));

  let index: Answer | undefined;
  let script: string | undefined;
  await attempt('/ is the app', async () => {
    index = await get(`${origin}/`);
    const r = checkIndexHtml(index, '/');
    script = r.script;
    return r.problems;
  });
  if (index) {
    const idx = index;
    record('/ carries the CSP and security headers', checkSecurityHeaders(idx, '/', cfg, https));
    record('/ is not cached long', checkShortCache(idx, '/'));
    const deep = deepLinkPath(cfg);
    await attempt(`deep link ${deep} is the app, with the headers`, async () => {
      const a = await get(`${origin}${deep}`);
      return [...checkDeepLink(a, idx, deep), ...checkSecurityHeaders(a, deep, cfg, https)];
    });
    await attempt(`asset ${script ?? '(none found)'} is JavaScript, with the headers`, async () => {
      if (!script) return ['no /assets/….js script in index.html to check'];
      const a = await get(`${origin}${script}`);
      return [...checkAsset(a, script), ...checkSecurityHeaders(a, script, cfg, https)];
    });
    const missing = `/assets/verify-deploy-missing-${randomBytes(6).toString('hex')}.js`;
    await attempt('a missing asset is a 404, not index.html', async () => checkMissingFile(await get(`${origin}${missing}`), idx, missing));
  }

  let authorizationEndpoint: string | undefined;
  await attempt("the user pool's discovery document answers", async () => {
    const r = checkDiscovery(await get(`${cfg.auth.authority}/.well-known/openid-configuration`), cfg);
    authorizationEndpoint = r.authorizationEndpoint;
    return r.problems;
  });
  await attempt("the login domain answers for this console's callback URL", async () => {
    if (!authorizationEndpoint) return ['skipped: no authorization endpoint from discovery'];
    const q = new URLSearchParams({
      response_type: 'code', client_id: cfg.auth.clientId, redirect_uri: `${origin}/auth/callback`, scope: 'openid email profile',
      state: 'verify-deploy', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256',
    });
    return checkAuthorize(await get(`${authorizationEndpoint}?${q.toString()}`), new URL(authorizationEndpoint).origin);
  });
  for (const p of identityPools(cfg)) {
    await attempt(`identity pool ${p.poolId} answers`, async () => {
      const a = await get(`${p.endpoint}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityService.GetId' },
        body: JSON.stringify({ IdentityPoolId: p.poolId }),
      });
      return checkIdentityPool(a, p.poolId);
    });
  }
  return results;
}

export function report(results: CheckResult[], out: (line: string) => void = console.log): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  for (const r of results) {
    if (r.problems.length === 0) {
      passed += 1;
      out(`  ✓ ${r.name}`);
    } else {
      failed += 1;
      out(`  ✗ ${r.name}`);
      for (const p of r.problems) out(`      ${p}`);
    }
  }
  out(`${passed} passed, ${failed} failed`);
  return { passed, failed };
}

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  const jsonAt = args.indexOf('--json');
  const jsonFile = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : undefined;
  const url = args.find((a) => !a.startsWith('-'));
  if (!url || args.length !== 1) {
    console.error('Usage: npm run verify:deploy -- <console URL> [--json <file>]\n  e.g. npm run verify:deploy -- https://d111111abcdef8.cloudfront.net/ (the AppUrl output of npm run deploy)');
    return 2;
  }
  let base: URL;
  try {
    base = new URL(url);
    if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new Error('scheme');
  } catch {
    console.error(`"${url}" is not an http(s) URL.`);
    return 2;
  }
  console.log(`Checking the Greenroom console at ${base.origin}`);
  const results = await verifyDeploy(base.origin);
  const { passed, failed } = report(results);
  if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify({ passed, failed, results }, null, 2)}\n`);
  return failed > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
