// The machinery behind the route table (src/app/routes.tsx): a route is a path pattern, the types its
// parameters parse into, a title and its lazily loaded views. Links are built with `href` from an address
// the table declares, so a link to a page that does not exist, or with a missing parameter, fails to compile.
//
// Pattern syntax: `/literal/:param`, with at most one optional group `{/literal/:param}?` (one view, two
// addresses: a stage alone, or a stage with one of its sessions open). Parameter names are the kinds listed
// in ./params.ts, which parse and check them.
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Region } from '../config/schema';
import { checkParams, PARAM_NAMES, type ParamName, type ParamTypes } from './params';

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type NamesIn<S extends string> = S extends `${string}:${infer N}/${infer Rest}`
  ? N | NamesIn<`/${Rest}`>
  : S extends `${string}:${infer N}`
    ? N
    : never;
type RequiredPart<P extends string> = P extends `${infer A}{${string}}?${infer B}` ? `${A}${B}` : P;
type OptionalPart<P extends string> = P extends `${string}{${infer Opt}}?${string}` ? Opt : '';

/** The parameters a pattern declares, typed as ./params.ts parses them (optional-group ones optional). */
export type PathParams<P extends string> = Simplify<
  { [K in NamesIn<RequiredPart<P>> & ParamName]: ParamTypes[K] } & { [K in NamesIn<OptionalPart<P>> & ParamName]?: ParamTypes[K] }
>;

/** The concrete addresses a pattern stands for: its optional group absent, or present. */
export type Addresses<P extends string> = P extends `${infer A}{${infer Opt}}?${infer B}` ? `${A}${B}` | `${A}${Opt}${B}` : P;

type UnknownNames<P extends string> = Exclude<NamesIn<RequiredPart<P>> | NamesIn<OptionalPart<P>>, ParamName>;
/** The pattern itself when all its parameter names are known kinds; otherwise a type that names the stranger. */
type CheckedPath<P extends string> = [UnknownNames<P>] extends [never] ? P : `unknown path parameter ":${UnknownNames<P>}"`;

declare const SEARCH: unique symbol;
/** The search parameters a route's links may carry (types only: views read them from URLSearchParams). */
export type SearchSpec<S> = { readonly [SEARCH]?: S };
export function searchOf<S extends Record<string, string | undefined>>(): SearchSpec<S> {
  return {};
}

/** A lazily loaded view component; the route table's test reads back what each one loads. */
// React's own lazy() typing takes any component; `any` here is only that bound.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LazyView<C extends ComponentType<any> = ComponentType<any>> = LazyExoticComponent<C>;
const loaders = new WeakMap<object, () => Promise<unknown>>();

/** `view(() => import('../features/x/Page'), 'Page')`: the named export of a module, loaded on first render. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function view<M extends Record<K, ComponentType<any>>, K extends string>(load: () => Promise<M>, exportName: K): LazyView<M[K]> {
  const component = lazy(() => load().then((m) => ({ default: m[exportName] })));
  loaders.set(component, load);
  return component;
}

/** The module loader behind a view (for the route table's test). */
export function loaderOf(v: object): (() => Promise<unknown>) | undefined {
  return loaders.get(v);
}

export type ViewContext<P extends string> = {
  params: PathParams<P>;
  search: URLSearchParams;
  /** pathname + search: a key that remounts a view when its address changes. */
  location: string;
  regions: readonly Region[];
};

export type RouteDef<P extends string, S, V extends Record<string, LazyView>> = {
  path: P;
  search?: SearchSpec<S>;
  title: (params: PathParams<P>) => string;
  views: V;
};

/** Draws the route's page from its parsed parameters and its views. */
export type Render<P extends string, V> = (ctx: ViewContext<P>, views: V) => ReactNode;

export type Matched<P extends string> = {
  params: PathParams<P>;
  title: string;
  render: (search: URLSearchParams, location: string, regions: readonly Region[]) => ReactNode;
};

export type Route<P extends string, S, V extends Record<string, LazyView>> = RouteDef<P, S, V> & {
  render: Render<P, V>;
  /** This route's view for a pathname; null when the pattern does not match; problems when the parameters are bad. */
  match: (pathname: string, regions: readonly Region[]) => Matched<P> | { problems: string[] } | null;
};

/** Splits a pattern into its alternatives (without and with the optional group), as path segments. */
function alternatives(pattern: string): string[][] {
  const m = /^(.*)\{(.*)\}\?(.*)$/.exec(pattern);
  const forms = m ? [`${m[1]}${m[3]}`, `${m[1]}${m[2]}${m[3]}`] : [pattern];
  return forms.map((f) => f.split('/').filter(Boolean));
}

function matchSegments(want: string[], pathname: string): Record<string, string> | null {
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

// The render function is a second argument, not a field: TypeScript infers the views' types from the
// first argument before it types the render function's parameters.
export function route<P extends string, V extends Record<string, LazyView>, S = Record<never, never>>(
  def: RouteDef<P, S, V> & { path: CheckedPath<P> },
  render: Render<P, V>,
): Route<P, S, V> {
  const forms = alternatives(def.path);
  for (const seg of forms.flat()) {
    if (seg.startsWith(':') && !(PARAM_NAMES as readonly string[]).includes(seg.slice(1))) {
      throw new Error(`Route ${def.path}: unknown path parameter ${seg}`);
    }
  }
  return {
    ...def,
    render,
    match(pathname, regions) {
      for (const want of forms) {
        const raw = matchSegments(want, pathname);
        if (!raw) continue;
        const problems = checkParams(raw, regions);
        if (problems.length) return { problems };
        // checkParams has accepted every parameter the pattern names, which is what PathParams<P> promises.
        const params = raw as PathParams<P>;
        return {
          params,
          title: def.title(params),
          render: (search, location, regions) => render({ params, search, location, regions }, def.views),
        };
      }
      return null;
    },
  };
}

/** A table of routes: the route table registers its type below so that `href` knows every address. */
type AnyMatched = { params: Partial<ParamTypes>; title: string; render: Matched<string>['render'] };
export type RouteTable = Record<string, { path: string; match: (pathname: string, regions: readonly Region[]) => AnyMatched | { problems: string[] } | null }>;

export type RouteMatch<N extends string = string> =
  | { name: N; params: Partial<ParamTypes>; title: string; search: URLSearchParams; render: (location: string, regions: readonly Region[]) => ReactNode }
  | { name: 'bad-link'; problems: string[] }
  | { name: 'not-found' };

export function matchRoute<T extends RouteTable>(table: T, url: { pathname: string; search: string }, regions: readonly Region[]): RouteMatch<keyof T & string> {
  const pathname = url.pathname.replace(/\/+$/, '') || '/';
  for (const name of Object.keys(table) as (keyof T & string)[]) {
    const m = table[name]?.match(pathname, regions);
    if (!m) continue;
    if ('problems' in m) return { name: 'bad-link', problems: m.problems };
    const search = new URLSearchParams(url.search);
    return { name, params: m.params, title: m.title, search, render: (location, regions) => m.render(search, location, regions) };
  }
  return { name: 'not-found' };
}

/**
 * The route table declares itself here (`declare module '../routing/route' { interface Register { routes: typeof routes } }`),
 * which lets code below the app link to its addresses without importing it.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- augmented by the route table
export interface Register {}

type Registered = Register extends { routes: infer T } ? T : Record<string, { path: string; search?: SearchSpec<Record<string, string | undefined>> }>;
type PathOf<R> = R extends { path: infer P extends string } ? P : never;
type SearchOfRoute<R> = R extends { search?: SearchSpec<infer S> } ? S : Record<never, never>;

/** Every address a link may point at, e.g. '/regions/:region/stages/:stageArn'. */
export type Address = { [K in keyof Registered]: Addresses<PathOf<Registered[K]>> }[keyof Registered];
type SearchFor<A extends string> = { [K in keyof Registered]: A extends Addresses<PathOf<Registered[K]>> ? SearchOfRoute<Registered[K]> : never }[keyof Registered];

type HrefArgs<A extends Address> = [keyof PathParams<A>] extends [never]
  ? [params?: PathParams<A>, search?: SearchFor<A>]
  : [params: PathParams<A>, search?: SearchFor<A>];

/** The href of an address with its parameters filled in; search parameters with empty values are left out. */
export function href<A extends Address>(address: A, ...[params, search]: HrefArgs<A>): string {
  const values: Partial<Record<string, string>> = params ?? {};
  const path = address.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`href ${address}: no value for :${name}`);
    return encodeURIComponent(v);
  });
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries((search ?? {}) as Record<string, string | undefined>)) if (v) sp.set(k, v);
  const s = sp.toString();
  return s ? `${path}?${s}` : path;
}
