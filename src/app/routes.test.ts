import { describe, expect, it } from 'vitest';
import { href, loaderOf, matchRoute } from '../routing/route';
import { routes } from './routes';

const regions = ['us-east-1', 'us-west-2'];
const arn = 'arn:aws:ivs:us-east-1:123456789012:stage/abcdABCDefgh';

describe('route table addresses', () => {
  it('round-trips a participant deep link through href and matchRoute', () => {
    const link = href('/regions/:region/stages/:stageArn/sessions/:sessionId/participants/:participantId', {
      region: 'us-east-1',
      stageArn: arn,
      sessionId: 'st-a1b2c3d4e5f6g',
      participantId: 'AbCdEf123456',
    });
    const url = new URL(link, 'http://x');
    expect(matchRoute(routes, url, regions)).toMatchObject({
      name: 'participant',
      params: { region: 'us-east-1', stageArn: arn, sessionId: 'st-a1b2c3d4e5f6g', participantId: 'AbCdEf123456' },
    });
  });

  it('keeps filters in search params', () => {
    const link = href('/regions/:region/stages', { region: 'us-west-2' }, { q: 'show', tag: '' });
    expect(link).toBe('/regions/us-west-2/stages?q=show');
    const m = matchRoute(routes, new URL(link, 'http://x'), regions);
    expect(m.name === 'stages' && m.search.get('q')).toBe('show');
  });

  it('says what is wrong with a bad link', () => {
    const m = matchRoute(routes, { pathname: `/regions/eu-west-9/stages/${encodeURIComponent(arn)}/sessions/st-short`, search: '' }, regions);
    expect(m.name).toBe('bad-link');
    if (m.name !== 'bad-link') return;
    expect(m.problems).toHaveLength(3);
    expect(m.problems[0]).toMatch(/eu-west-9/);
    expect(m.problems[1]).toMatch(/belongs to region us-east-1/);
    expect(m.problems[2]).toMatch(/not a session id/);
  });

  it('reports unknown addresses as not found', () => {
    expect(matchRoute(routes, { pathname: '/nope', search: '' }, regions).name).toBe('not-found');
  });

  it('opens a stage alone or with one of its sessions, and titles the page from its parameters', () => {
    const stage = matchRoute(routes, new URL(href('/regions/:region/stages/:stageArn', { region: 'us-east-1', stageArn: arn }), 'http://x'), regions);
    expect(stage).toMatchObject({ name: 'stage', params: { region: 'us-east-1', stageArn: arn }, title: 'Stage abcdABCDefgh' });
    expect('params' in stage && stage.params.sessionId).toBe(undefined);
    const session = href('/regions/:region/stages/:stageArn/sessions/:sessionId', { region: 'us-east-1', stageArn: arn, sessionId: 'st-a1b2c3d4e5f6g' }, { filter: 'state:CONNECTED' });
    expect(session).toBe(`/regions/us-east-1/stages/${encodeURIComponent(arn)}/sessions/st-a1b2c3d4e5f6g?filter=state%3ACONNECTED`);
    expect(matchRoute(routes, new URL(session, 'http://x'), regions)).toMatchObject({ name: 'stage', params: { sessionId: 'st-a1b2c3d4e5f6g' } });
  });

  it('keeps every address as it was (saved links and the end-to-end tests depend on them)', () => {
    expect(Object.values(routes).map((r) => r.path)).toEqual([
      '/',
      '/regions/:region/stages',
      '/regions/:region/stages/:stageArn{/sessions/:sessionId}?',
      '/regions/:region/stages/:stageArn/sessions/:sessionId/participants/:participantId',
      '/regions/:region/stages/:stageArn/sessions/:sessionId/participants/:participantId/story',
      '/regions/:region/replicate',
      '/find-user',
      '/board',
      '/regions/:region/replications',
    ]);
  });

  it('type-checks links against the table', () => {
    // These lines are checked by `tsc -b`: each must be a compile error, or tsc reports the unused directive.
    const bad = (): string[] => [
      // @ts-expect-error no such address
      href('/regions/:region/stage', { region: 'us-east-1' }),
      // @ts-expect-error a parameter is missing
      href('/regions/:region/stages/:stageArn', { region: 'us-east-1' }),
      // @ts-expect-error the stage list has no such search parameter
      href('/regions/:region/stages', { region: 'us-east-1' }, { filter: 'x' }),
    ];
    expect(bad).toBeTypeOf('function');
    expect(() => href('/regions/:region/stages', {} as { region: string })).toThrow(/no value for :region/);
  });
});

// The table is the only place routes are declared: every view a route loads is loaded by exactly one
// entry, and every feature module that nothing imports is such a view (or a lazily loaded part of its
// own feature), so a page cannot exist beside the table. Sources are read through Vite's glob.
const rawSources = import.meta.glob<string>('../**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true });
const rawModules = import.meta.glob<Record<string, unknown>>(['../features/**/*.{ts,tsx}', '!../features/**/*.test.{ts,tsx}']);
// Glob keys are relative to this folder ('./App.tsx', '../features/…'); below, paths are relative to src/.
const fromSrc = (k: string): string => (k.startsWith('./') ? `app/${k.slice(2)}` : k.slice('../'.length));
const isSource = (k: string): boolean => !/\.(test|d)\.tsx?$/.test(k);
const sources: Record<string, string> = Object.fromEntries(Object.entries(rawSources).filter(([k]) => isSource(k)).map(([k, v]) => [fromSrc(k), v]));
const modules = Object.fromEntries(Object.entries(rawModules).map(([k, v]) => [fromSrc(k), v]));
const TABLE = 'app/routes.tsx';
const files = Object.keys(sources);
const text = (f: string): string => sources[f] ?? '';
const dir = (f: string): string => f.slice(0, f.lastIndexOf('/'));

/** The source file a relative import specifier names, as a key of `sources`, or null. */
function resolveImport(from: string, spec: string): string | null {
  const path = dir(from).split('/');
  for (const seg of (spec.split('?')[0] ?? '').split('/')) {
    if (seg === '..') path.pop();
    else if (seg !== '.') path.push(seg);
  }
  const base = path.join('/');
  return [`${base}.ts`, `${base}.tsx`].find((k) => k in sources) ?? null;
}

const targets = (f: string, re: RegExp): string[] =>
  [...text(f).matchAll(re)].map((m) => resolveImport(f, m[1] as string)).filter((x): x is string => x !== null);
const staticImports = new Map(files.map((f) => [f, targets(f, /(?:from|import)\s+'(\.[^']+)'/g)]));
const dynamicImports = new Map(files.map((f) => [f, targets(f, /import\(\s*'(\.[^']+)'\s*\)/g)]));

describe('route table against the views', () => {
  it('declares routes and loads views on demand only in app/routes.tsx', () => {
    expect(files).toContain(TABLE);
    expect(dynamicImports.get(TABLE)?.length).toBeGreaterThan(0);
    const declaring = /import\s*\{[^}]*\b(route|view|searchOf)\b[^}]*\}\s*from\s*'[./]*routing\/route'/;
    expect(files.filter((f) => f !== TABLE && declaring.test(text(f)))).toEqual([]);
    // Outside the table, a dynamic import may only load a part of the importer's own folder or a folder below it (an
    // on-demand panel, or the AWS layer's CloudWatch client in its own chunk).
    const strayLoads = [...dynamicImports].flatMap(([f, ts]) => (f === TABLE ? [] : ts.filter((t) => dir(t) !== dir(f) && !dir(t).startsWith(`${dir(f)}/`)).map((t) => `${f} → ${t}`)));
    expect(strayLoads).toEqual([]);
  });

  it('loads every view module from exactly one entry, and every unimported feature module is such a view', async () => {
    const loadedBy = new Map<unknown, string[]>();
    for (const [name, r] of Object.entries(routes)) {
      for (const [viewName, v] of Object.entries(r.views)) {
        const load = loaderOf(v);
        expect(load, `${name}.${viewName} is made with view()`).toBeTypeOf('function');
        const mod = (await load?.()) as Record<string, unknown>;
        expect(mod[viewName], `${name}.${viewName} names an export of the module it loads`).toBeTypeOf('function');
        loadedBy.set(mod, [...(loadedBy.get(mod) ?? []), name]);
      }
    }
    for (const entries of loadedBy.values()) expect(entries).toHaveLength(1);

    const imported = new Set([...staticImports.values()].flat());
    const lazyParts = new Set([...dynamicImports].filter(([f]) => f !== TABLE).flatMap(([, ts]) => ts));
    const roots = files.filter((f) => f.startsWith('features/') && !imported.has(f) && !lazyParts.has(f));
    // The table may also load a page of the app layer itself (the landing redirect); the feature views are counted here.
    const tableModules = new Set(dynamicImports.get(TABLE)?.filter((f) => f.startsWith('features/')));
    expect(roots.filter((f) => !tableModules.has(f))).toEqual([]);
    expect(roots).toHaveLength(tableModules.size);
    for (const f of roots) {
      const mod = await modules[f]?.();
      expect(loadedBy.get(mod), `${f} is loaded by one entry`).toHaveLength(1);
    }
  });
});
