// The pure checks of verify:deploy, each shown to pass on a good answer and to fail, with a useful message, on the
// bad answers a broken deployment gives.
import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../src/config/csp.ts';
import type { AppConfig } from '../src/config/schema.ts';
import {
  type Answer, checkAsset, checkAuthorize, checkConfig, checkDeepLink, checkDiscovery, checkIdentityPool, checkIndexHtml,
  checkMissingFile, checkSecurityHeaders, checkShortCache, deepLinkPath, identityPools,
} from './verify-deploy-checks.ts';
import { report } from './verify-deploy.ts';

const CONFIG_JSON = {
  regions: [
    { id: 'us-east-1', identityPoolId: 'us-east-1:11111111-2222-4333-8444-555555555555' },
    { id: 'us-west-2', identityPoolId: 'us-east-1:11111111-2222-4333-8444-555555555555', cognitoEndpoint: 'https://cognito-identity.us-east-1.amazonaws.com' },
  ],
  pollIntervalsMs: { stages: 5000, stage: 3000, participants: 3000, participant: 3000 },
  auth: {
    region: 'us-east-1', userPoolId: 'us-east-1_AbCdEf123', clientId: '1example23456789abcdefghij',
    authority: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123', loginDomain: 'https://acme-greenroom.auth.us-east-1.amazoncognito.com',
  },
};
const parsed = checkConfig({ status: 200, headers: {}, body: JSON.stringify(CONFIG_JSON) });
const config = parsed.config as AppConfig;
const lower = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
const HEADERS: Record<string, string> = { ...lower(securityHeaders(config)), 'strict-transport-security': 'max-age=63072000; includeSubDomains' };
const INDEX = '<!doctype html><html><head><script type="module" crossorigin src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>';
const answer = (status: number, headers: Record<string, string>, body = ''): Answer => ({ status, headers: lower(headers), body });
const index = answer(200, { ...HEADERS, 'content-type': 'text/html', 'cache-control': 'no-cache' }, INDEX);

describe('config.json', () => {
  it('is parsed with the app\'s own schema, every bad field named', () => {
    expect(parsed.problems).toEqual([]);
    expect(checkConfig(answer(200, {}, '{"regions": []}')).problems.join('\n')).toMatch(/config\.json regions/);
    expect(checkConfig(answer(200, {}, '<html>')).problems[0]).toMatch(/config\.json is not JSON/);
  });

  it('must be revalidated: no-cache, no-store or a max-age of 60 s or less, never immutable or unset', () => {
    for (const ok of ['no-cache', 'no-store', 'max-age=0, must-revalidate', 'public, max-age=60']) expect(checkShortCache(answer(200, { 'cache-control': ok }), 'c')).toEqual([]);
    expect(checkShortCache(answer(200, {}), 'c')[0]).toMatch(/no Cache-Control/);
    expect(checkShortCache(answer(200, { 'cache-control': 'public, max-age=31536000, immutable' }), 'c')[0]).toMatch(/immutable/);
    expect(checkShortCache(answer(200, { 'cache-control': 'max-age=3600' }), 'c')[0]).toMatch(/cached for 3600 s/);
    expect(checkShortCache(answer(200, { 'cache-control': 'no-cache, s-maxage=86400' }), 'c')[0]).toMatch(/cached for 86400 s/);
    expect(checkShortCache(answer(200, { 'cache-control': 'public' }), 'c')[0]).toMatch(/without no-cache/);
  });
});

describe('security headers', () => {
  it("are the app's own set for this config, each exactly, plus HSTS on https", () => {
    expect(checkSecurityHeaders(index, '/', config, true)).toEqual([]);
    expect(checkSecurityHeaders(answer(200, lower(securityHeaders(config))), '/', config, false)).toEqual([]);
  });

  it('fail for a missing header, a CSP for other endpoints, and a short or missing HSTS', () => {
    const { 'x-frame-options': _x, ...noFrame } = HEADERS;
    expect(checkSecurityHeaders(answer(200, noFrame), '/', config, true)).toEqual(['/ has no X-Frame-Options header']);
    const otherCsp = { ...HEADERS, 'content-security-policy': HEADERS['content-security-policy']!.replace('us-west-2', 'eu-west-1') };
    expect(checkSecurityHeaders(answer(200, otherCsp), '/', config, true)[0]).toMatch(/^\/ has Content-Security-Policy ".*", expected/);
    expect(checkSecurityHeaders(answer(200, { ...HEADERS, 'strict-transport-security': 'max-age=300' }), '/', config, true)[0]).toMatch(/Strict-Transport-Security "max-age=300"/);
    const { 'strict-transport-security': _h, ...noHsts } = HEADERS;
    expect(checkSecurityHeaders(answer(200, noHsts), '/', config, true)).toEqual(['/ has no Strict-Transport-Security header']);
  });
});

describe('the app, a deep link, an asset and a missing file', () => {
  it('finds the module script in index.html', () => {
    expect(checkIndexHtml(index, '/')).toEqual({ problems: [], script: '/assets/index-Ab12Cd34.js' });
    expect(checkIndexHtml(answer(200, { 'content-type': 'text/html' }, '<html>error</html>'), '/').problems[0]).toMatch(/not the app's index\.html/);
    expect(checkIndexHtml(answer(403, {}, ''), '/').problems).toEqual(['/ answered 403, expected 200']);
  });

  it('a deep link is index.html itself', () => {
    expect(checkDeepLink(index, index, deepLinkPath(config))).toEqual([]);
    expect(deepLinkPath(config)).toBe('/regions/us-east-1/stages');
    expect(checkDeepLink(answer(404, {}, 'NoSuchKey'), index, '/x')).toEqual(['/x answered 404, expected 200']);
    expect(checkDeepLink(answer(200, { 'content-type': 'text/html' }, '<html>other</html>'), index, '/x')[0]).toMatch(/not the same document/);
  });

  it('an asset is JavaScript', () => {
    expect(checkAsset(answer(200, { 'content-type': 'text/javascript; charset=utf-8' }), '/a.js')).toEqual([]);
    expect(checkAsset(answer(200, { 'content-type': 'application/javascript' }), '/a.js')).toEqual([]);
    expect(checkAsset(answer(200, { 'content-type': 'text/html' }), '/a.js')[0]).toMatch(/served as "text\/html"/);
  });

  it('a missing file is a 404 that is not index.html', () => {
    expect(checkMissingFile(answer(404, { 'content-type': 'application/xml' }, '<Error><Code>NoSuchKey</Code></Error>'), index, '/assets/x.js')).toEqual([]);
    expect(checkMissingFile(answer(200, { 'content-type': 'text/html' }, INDEX), index, '/assets/x.js')[0]).toMatch(/200 with index\.html; a missing file must be a 404/);
    expect(checkMissingFile(answer(404, { 'content-type': 'text/html' }, INDEX), index, '/assets/x.js')[0]).toMatch(/404 with the app's index\.html/);
    expect(checkMissingFile(answer(403, {}, 'AccessDenied'), index, '/assets/x.js')).toEqual(['/assets/x.js answered 403, expected 404']);
  });
});

describe('sign-in and identity pools', () => {
  const discovery = (doc: object) => answer(200, { 'content-type': 'application/json;charset=UTF-8' }, JSON.stringify(doc));
  const good = { issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123', authorization_endpoint: 'https://acme-greenroom.auth.us-east-1.amazoncognito.com/oauth2/authorize' };

  it('discovery names the configured pool and an authorization endpoint on the login domain', () => {
    expect(checkDiscovery(discovery(good), config)).toEqual({ problems: [], authorizationEndpoint: good.authorization_endpoint });
    expect(checkDiscovery(discovery({ ...good, issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other' }), config).problems[0]).toMatch(/names issuer/);
    expect(checkDiscovery(discovery({ ...good, authorization_endpoint: 'https://other.auth.us-east-1.amazoncognito.com/oauth2/authorize' }), config).problems[0]).toMatch(/not on the login domain/);
    expect(checkDiscovery(answer(400, {}, '{"error":"pool not found"}'), config).problems[0]).toMatch(/answered 400/);
  });

  it("the login domain answers the console's authorization request with the sign-in page, not an error", () => {
    expect(checkAuthorize(answer(302, { location: '/login?client_id=x&response_type=code' }), 'L')).toEqual([]);
    expect(checkAuthorize(answer(200, { 'content-type': 'text/html; charset=utf-8' }, '<form>'), 'L')).toEqual([]);
    expect(checkAuthorize(answer(302, { location: 'https://x.auth.us-east-1.amazoncognito.com/error?error=redirect_mismatch&client_id=x' }), 'L')[0]).toMatch(/redirected to an error.*callback URL/);
    expect(checkAuthorize(answer(400, { 'content-type': 'text/html' }, '<h1>redirect_uri is not allowed</h1>'), 'L')).toEqual(['L answered 400: redirect_uri is not allowed']);
  });

  it('an identity pool exists and refuses unauthenticated identities', () => {
    const err = (type: string, message: string) => answer(400, { 'content-type': 'application/x-amz-json-1.1' }, JSON.stringify({ __type: type, message }));
    expect(checkIdentityPool(err('NotAuthorizedException', 'Unauthenticated access is not supported for this identity pool.'), 'p')).toEqual([]);
    expect(checkIdentityPool(err('ResourceNotFoundException', "IdentityPool 'p' not found."), 'p')[0]).toMatch(/does not exist/);
    expect(checkIdentityPool(answer(200, {}, '{"IdentityId":"us-east-1:x"}'), 'p')[0]).toMatch(/unauthenticated access must be off/);
    expect(checkIdentityPool(answer(502, {}, 'Bad gateway'), 'p')[0]).toMatch(/not JSON/);
  });

  it('visits each identity pool once, at its configured endpoint or the AWS one of its own region', () => {
    expect(identityPools(config)).toEqual([
      { poolId: 'us-east-1:11111111-2222-4333-8444-555555555555', endpoint: 'https://cognito-identity.us-east-1.amazonaws.com', region: 'us-east-1' },
    ]);
  });
});

describe('report', () => {
  it('prints a line per check, the problems under a failed one, and the totals', () => {
    const lines: string[] = [];
    expect(report([{ name: 'a', problems: [] }, { name: 'b', problems: ['b is wrong'] }], (l) => lines.push(l))).toEqual({ passed: 1, failed: 1 });
    expect(lines).toEqual(['  ✓ a', '  ✗ b', '      b is wrong', '1 passed, 1 failed']);
  });
});
