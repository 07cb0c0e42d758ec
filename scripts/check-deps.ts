// Dependency hygiene, run by `npm test` (and `npm run check:deps`):
// - engines: every installed package's `engines.node` must accept every Node version that our own
//   package.json's `engines.node` promises, so the README's Node range is one that npm never warns about;
// - AWS SDK release: the AWS SDK packages we depend on come from one SDK release and resolve to one copy of
//   @aws-sdk/core and @smithy/core, because two copies mean two credential and middleware stacks in the bundle
//   and signing code that can disagree.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import semver from 'semver';

export interface InstalledPackage {
  name: string;
  version: string;
  /** Where it was found, relative to the project root, for the report. */
  location: string;
  engines?: { node?: string };
}

export interface Manifest {
  name?: string;
  engines?: { node?: string };
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** Every package under `node_modules` (nested copies included), read from each package.json. */
export function readInstalledPackages(root: string): InstalledPackage[] {
  const found: InstalledPackage[] = [];
  const visit = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.name.startsWith('@')) {
        visit(path);
        continue;
      }
      const manifest = join(path, 'package.json');
      if (!existsSync(manifest)) continue;
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as Partial<InstalledPackage>;
      if (typeof pkg.name === 'string' && typeof pkg.version === 'string') {
        found.push({ name: pkg.name, version: pkg.version, location: path.slice(root.length + 1), engines: pkg.engines });
      }
      visit(join(path, 'node_modules'));
    }
  };
  visit(join(root, 'node_modules'));
  return found;
}

export interface EngineMismatch {
  name: string;
  version: string;
  location: string;
  requires: string;
}

/**
 * Packages whose `engines.node` does not accept every version in `ours`. A range that semver cannot read is
 * reported too: npm would not be able to vouch for it either.
 */
export function engineMismatches(ours: string, packages: InstalledPackage[]): EngineMismatch[] {
  if (semver.validRange(ours) === null) throw new Error(`package.json engines.node "${ours}" is not a semver range`);
  const bad: EngineMismatch[] = [];
  for (const pkg of packages) {
    const theirs = pkg.engines?.node;
    if (typeof theirs !== 'string' || theirs.trim() === '' || theirs.trim() === '*') continue;
    const ok = semver.validRange(theirs) !== null && semver.subset(ours, theirs);
    if (!ok) bad.push({ name: pkg.name, version: pkg.version, location: pkg.location, requires: theirs });
  }
  return bad;
}

/** The AWS SDK packages whose versions move together (clients and the credential providers). */
const isSdkRelease = (name: string): boolean =>
  /^@aws-sdk\/client-/.test(name) || name === '@aws-sdk/credential-providers';

/** Problems with the AWS SDK release train: pins that differ, or more than one core copy installed. */
export function sdkReleaseProblems(manifest: Manifest, packages: InstalledPackage[]): string[] {
  const problems: string[] = [];
  const pins = Object.entries({ ...manifest.dependencies, ...manifest.devDependencies }).filter(([name]) => isSdkRelease(name));
  for (const [name, range] of pins) {
    if (semver.valid(range) === null) problems.push(`${name} is "${range}": pin an exact version so the SDK packages stay on one release`);
  }
  const versions = new Set(pins.map(([, range]) => range));
  if (versions.size > 1) {
    problems.push(`the AWS SDK packages come from different releases: ${pins.map(([n, v]) => `${n}@${v}`).join(', ')}`);
  }
  for (const core of ['@aws-sdk/core', '@smithy/core']) {
    const copies = [...new Set(packages.filter((p) => p.name === core).map((p) => p.version))];
    if (copies.length > 1) problems.push(`${core} is installed in ${copies.length} versions (${copies.join(', ')}): the SDK packages have drifted apart`);
  }
  return problems;
}

function checkProject(root: string, label: string): number {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
  const ours = manifest.engines?.node;
  if (!ours) {
    console.error(`${label}: package.json has no engines.node`);
    return 1;
  }
  const packages = readInstalledPackages(root);
  if (packages.length === 0) {
    console.error(`${label}: no installed packages under ${join(root, 'node_modules')} (run npm ci first)`);
    return 1;
  }
  let failures = 0;
  for (const m of engineMismatches(ours, packages)) {
    console.error(`${label}: ${m.name}@${m.version} (${m.location}) requires node ${m.requires}, narrower than our engines "${ours}"`);
    failures += 1;
  }
  for (const problem of sdkReleaseProblems(manifest, packages)) {
    console.error(`${label}: ${problem}`);
    failures += 1;
  }
  if (!semver.satisfies(process.version, ours)) {
    console.error(`${label}: this Node (${process.version}) is outside our own engines "${ours}"`);
    failures += 1;
  }
  if (failures === 0) console.log(`${label}: ${packages.length} installed packages accept node "${ours}"; AWS SDK on one release`);
  return failures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let failures = checkProject(process.cwd(), 'app');
  if (existsSync(join(process.cwd(), 'infra', 'node_modules'))) failures += checkProject(join(process.cwd(), 'infra'), 'infra');
  process.exit(failures > 0 ? 1 : 0);
}
