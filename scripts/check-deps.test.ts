import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { engineMismatches, readInstalledPackages, sdkReleaseProblems, type Manifest } from './check-deps.ts';

const ours = (JSON.parse(readFileSync('package.json', 'utf8')) as Manifest).engines?.node ?? '';
const roots: string[] = [];

/** A throwaway project with the given package.json files under node_modules. */
function project(files: Record<string, object>): string {
  const root = mkdtempSync(join(tmpdir(), 'greenroom-deps-'));
  roots.push(root);
  for (const [path, manifest] of Object.entries(files)) {
    const file = join(root, 'node_modules', path, 'package.json');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(manifest));
  }
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('engines check', () => {
  it('accepts the project as installed', () => {
    expect(engineMismatches(ours, readInstalledPackages(process.cwd()))).toEqual([]);
  });

  it('reports a package that needs a newer Node than package.json promises, nested copies included', () => {
    const root = project({
      'fine': { name: 'fine', version: '1.0.0', engines: { node: '>=18' } },
      'no-engines': { name: 'no-engines', version: '1.0.0' },
      '@scope/needs-22': { name: '@scope/needs-22', version: '4.14.0', engines: { node: '>=22.12.0' } },
      'fine/node_modules/nested': { name: 'nested', version: '2.0.0', engines: { node: '^22 || ^24' } },
    });
    const found = engineMismatches('>=20.19', readInstalledPackages(root));
    expect(found.map((m) => `${m.name}@${m.version} ${m.requires}`)).toEqual([
      '@scope/needs-22@4.14.0 >=22.12.0',
      'nested@2.0.0 ^22 || ^24',
    ]);
    expect(found[1]?.location).toBe(join('node_modules', 'fine', 'node_modules', 'nested'));
  });

  it('holds every version of our range to the dependency, not only the lowest', () => {
    const pkgs = [{ name: 'vite', version: '8.3.8', location: 'node_modules/vite', engines: { node: '^20.19.0 || >=22.12.0' } }];
    // ">=20.19" would promise Node 21 and 22.0, which vite refuses.
    expect(engineMismatches('>=20.19', pkgs)).toHaveLength(1);
    expect(engineMismatches('^20.19.0 || ^22.13.0 || >=24', pkgs)).toEqual([]);
  });

  it('reports an engines range it cannot read, and refuses an unreadable range of our own', () => {
    const pkgs = [{ name: 'odd', version: '1.0.0', location: 'node_modules/odd', engines: { node: 'node twenty' } }];
    expect(engineMismatches('>=20.19', pkgs)).toHaveLength(1);
    expect(() => engineMismatches('twenty', [])).toThrow(/not a semver range/);
  });
});

describe('AWS SDK release check', () => {
  const core = (name: string, version: string, at: string) => ({ name, version, location: at });

  it('accepts the project as installed', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
    expect(sdkReleaseProblems(manifest, readInstalledPackages(process.cwd()))).toEqual([]);
  });

  it('reports SDK packages pinned to different releases, or not pinned', () => {
    const manifest: Manifest = {
      dependencies: {
        '@aws-sdk/client-ivs-realtime': '3.1058.0',
        '@aws-sdk/credential-providers': '3.1169.0',
        '@aws-sdk/client-cloudwatch': '^3.1058.0',
      },
    };
    const problems = sdkReleaseProblems(manifest, []);
    expect(problems.some((p) => p.includes('different releases'))).toBe(true);
    expect(problems.some((p) => p.startsWith('@aws-sdk/client-cloudwatch is "^3.1058.0"'))).toBe(true);
  });

  it('reports two installed copies of @aws-sdk/core or @smithy/core', () => {
    const manifest: Manifest = { dependencies: { '@aws-sdk/client-ivs-realtime': '3.1058.0', '@aws-sdk/credential-providers': '3.1058.0' } };
    const installed = [
      core('@aws-sdk/core', '3.981.0', 'node_modules/@aws-sdk/core'),
      core('@aws-sdk/core', '3.974.15', 'node_modules/@aws-sdk/credential-providers/node_modules/@aws-sdk/core'),
      core('@smithy/core', '3.41.0', 'node_modules/@smithy/core'),
    ];
    expect(sdkReleaseProblems(manifest, installed)).toEqual([
      '@aws-sdk/core is installed in 2 versions (3.981.0, 3.974.15): the SDK packages have drifted apart',
    ]);
  });
});
