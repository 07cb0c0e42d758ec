// The CloudFront Function's own source, run in Node: the SPA routes get /index.html, files keep their path.
import { describe, expect, it } from 'vitest';
import { SPA_FALLBACK_FUNCTION } from '../lib/spa-fallback.ts';

type Request = { uri: string; method: string; querystring: Record<string, unknown>; headers: Record<string, unknown> };
// The cloudfront-js-2.0 runtime calls the top-level `handler`; so does this, with nothing else in scope.
const handler = new Function(`${SPA_FALLBACK_FUNCTION}\nreturn handler;`)() as (event: { request: Request }) => Request;
const run = (uri: string, querystring: Record<string, unknown> = {}) => {
  const request: Request = { uri, method: 'GET', querystring, headers: { host: { value: 'd111111abcdef8.cloudfront.net' } } };
  return handler({ request });
};

describe('SPA fallback function', () => {
  it.each([
    '/',
    '/auth/callback',
    '/find-user',
    '/regions/us-east-1/stages',
    '/regions/us-east-1/stages/arn%3Aaws%3Aivs%3Aus-east-1%3A123456789012%3Astage%2FAbCdEf123456',
    '/regions/us-east-1/stages/arn%3Aaws%3Aivs%3Aus-east-1%3A123456789012%3Astage%2FAbCdEf123456/sessions/st-AbCdEf1234567/participants/p-1/story',
    '/regions/us-west-2/replications/',
  ])('serves %s from /index.html', (uri) => {
    expect(run(uri).uri).toBe('/index.html');
  });

  it.each(['/index.html', '/config.json', '/assets/index-Ab12Cd34.js', '/assets/missing.js', '/favicon.ico', '/robots.txt', '/a.b/c.d'])(
    'leaves the file path %s alone (a missing one is the origin 404)',
    (uri) => {
      expect(run(uri).uri).toBe(uri);
    },
  );

  it('returns the request itself, with method, headers and query untouched (no response is generated)', () => {
    const out = run('/regions/us-east-1/stages', { q: { value: 'show' } });
    expect(out).toEqual({ uri: '/index.html', method: 'GET', querystring: { q: { value: 'show' } }, headers: { host: { value: 'd111111abcdef8.cloudfront.net' } } });
  });

  it('uses only what the cloudfront-js runtime has (no require, import, fetch or async)', () => {
    expect(SPA_FALLBACK_FUNCTION).toMatch(/^function handler\(event\) \{/);
    expect(SPA_FALLBACK_FUNCTION).not.toMatch(/\b(require|import|fetch|async|await|console)\b/);
    expect(SPA_FALLBACK_FUNCTION.length).toBeLessThan(10_240); // CloudFront Functions' code size limit
  });
});
