// Every href in the app is built here (P10). Region, stage, session and participant live in the path,
// so any view can be pasted into a support ticket; filters live in search params.
import type { Region } from '../config/schema';

const enc = encodeURIComponent;

function withSearch(path: string, search: Record<string, string | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) if (v) sp.set(k, v);
  const s = sp.toString();
  return s ? `${path}?${s}` : path;
}

export const paths = {
  home: { path: '/', getHref: (): string => '/' },
  stages: {
    path: '/regions/:region/stages',
    // `regions: 'all'` lists every configured region's stages on one page.
    getHref: (region: Region, search: { q?: string; tag?: string; regions?: 'all' } = {}): string =>
      withSearch(`/regions/${enc(region)}/stages`, search),
  },
  stage: {
    path: '/regions/:region/stages/:stageArn',
    getHref: (region: Region, stageArn: string): string => `/regions/${enc(region)}/stages/${enc(stageArn)}`,
  },
  session: {
    path: '/regions/:region/stages/:stageArn/sessions/:sessionId',
    getHref: (region: Region, stageArn: string, sessionId: string, search: { filter?: string } = {}): string =>
      withSearch(`/regions/${enc(region)}/stages/${enc(stageArn)}/sessions/${enc(sessionId)}`, search),
  },
  participant: {
    path: '/regions/:region/stages/:stageArn/sessions/:sessionId/participants/:participantId',
    getHref: (region: Region, stageArn: string, sessionId: string, participantId: string): string =>
      `/regions/${enc(region)}/stages/${enc(stageArn)}/sessions/${enc(sessionId)}/participants/${enc(participantId)}`,
  },
  replicate: {
    path: '/regions/:region/replicate',
    getHref: (
      region: Region,
      search: { source?: string; participant?: string; destination?: string } = {},
    ): string => withSearch(`/regions/${enc(region)}/replicate`, search),
  },
  // Issue 8 power tools.
  findUser: {
    path: '/find-user',
    getHref: (search: { q?: string; recent?: '1' } = {}): string => withSearch('/find-user', search),
  },
  participantStory: {
    path: '/regions/:region/stages/:stageArn/sessions/:sessionId/participants/:participantId/story',
    getHref: (region: Region, stageArn: string, sessionId: string, participantId: string, search: { kind?: string } = {}): string =>
      withSearch(`/regions/${enc(region)}/stages/${enc(stageArn)}/sessions/${enc(sessionId)}/participants/${enc(participantId)}/story`, search),
  },
  replicationMap: {
    path: '/regions/:region/replications',
    getHref: (region: Region): string => `/regions/${enc(region)}/replications`,
  },
} as const;

export type RouteName = keyof typeof paths;

export type RouteParams = {
  region?: string;
  stageArn?: string;
  sessionId?: string;
  participantId?: string;
};

export type RouteMatch =
  | { name: RouteName; params: RouteParams; search: URLSearchParams }
  | { name: 'bad-link'; problems: string[] }
  | { name: 'not-found' };

// Identifier shapes from the IVS model, anchored here once.
export const STAGE_ARN = /^arn:aws:ivs:([a-z0-9-]+):(\d{12}):stage\/([a-zA-Z0-9-]+)$/;
export const SESSION_ID = /^st-[a-zA-Z0-9]{13}$/;
export const PARTICIPANT_ID = /^[a-zA-Z0-9-]{1,64}$/;

function matchPattern(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = pathname.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    let g: string;
    try {
      g = decodeURIComponent(got[i] as string);
    } catch {
      return null;
    }
    if (w.startsWith(':')) params[w.slice(1)] = g;
    else if (w !== g) return null;
  }
  return params;
}

/** Problems with a link's parameters, in words; empty when the link is usable. */
export function checkParams(p: RouteParams, regions: readonly Region[]): string[] {
  const problems: string[] = [];
  if (p.region !== undefined && !regions.includes(p.region)) {
    problems.push(`Region "${p.region}" is not one of the configured regions (${regions.join(', ')}).`);
  }
  if (p.stageArn !== undefined) {
    const m = STAGE_ARN.exec(p.stageArn);
    if (!m) problems.push(`"${p.stageArn}" is not a stage ARN (arn:aws:ivs:<region>:<account>:stage/<id>).`);
    else if (p.region !== undefined && m[1] !== p.region) {
      problems.push(`The stage ARN belongs to region ${m[1]}, but the link says ${p.region}.`);
    }
  }
  if (p.sessionId !== undefined && !SESSION_ID.test(p.sessionId)) {
    problems.push(`"${p.sessionId}" is not a session id (st- followed by 13 letters or digits).`);
  }
  if (p.participantId !== undefined && !PARTICIPANT_ID.test(p.participantId)) {
    problems.push(`"${p.participantId}" is not a participant id (1 to 64 letters, digits or hyphens).`);
  }
  return problems;
}

export function matchRoute(url: { pathname: string; search: string }, regions: readonly Region[]): RouteMatch {
  const pathname = url.pathname.replace(/\/+$/, '') || '/';
  for (const name of Object.keys(paths) as RouteName[]) {
    const params = matchPattern(paths[name].path, pathname);
    if (!params) continue;
    const problems = checkParams(params, regions);
    if (problems.length) return { name: 'bad-link', problems };
    return { name, params, search: new URLSearchParams(url.search) };
  }
  return { name: 'not-found' };
}
