// Offline synthesis for the tests: fixed account and regions, the CLI's own feature flags (cdk.json), a tiny
// placeholder build (test/fixtures/build) and a throwaway output directory. Nothing here talks to AWS.
import { mkdtempSync, readdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll } from 'vitest';
import { buildApp, type GreenroomApp } from '../lib/app.ts';
import { INFRA_DIR } from '../lib/params.ts';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const REGIONS = ['us-east-1', 'us-west-2'];
export const DOMAIN_PREFIX = 'greenroom-test';

const cdkJsonContext = (JSON.parse(readFileSync(resolve(INFRA_DIR, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;

export type Synth = GreenroomApp & { template: Template; outdir: string; json: TemplateJson };
export type TemplateJson = { Resources: Record<string, { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> }> } & Record<string, unknown>;

export const testContext = (context: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...cdkJsonContext,
  regions: REGIONS.join(','),
  domainPrefix: DOMAIN_PREFIX,
  distDir: 'test/fixtures/build',
  ...context,
});

// Each synthesis stages its assets (about 20 MB, mostly the AWS CLI layer of BucketDeployment): remove them after the file.
const outdirs: string[] = [];
afterAll(() => {
  for (const d of outdirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
export function tempOutdir(): string {
  const d = mkdtempSync(join(tmpdir(), 'greenroom-cdk-'));
  outdirs.push(d);
  return d;
}

export function synth(context: Record<string, unknown> = {}): Synth {
  const outdir = tempOutdir();
  const built = buildApp({ account: ACCOUNT, region: REGION }, { outdir, context: testContext(context) });
  built.app.synth(); // throws ValidationFailed when cdk-nag reports anything not acknowledged
  const template = Template.fromStack(built.stack);
  return { ...built, template, outdir, json: template.toJSON() as TemplateJson };
}

export type ValidationReport = { pluginReports: { pluginName: string; conclusion: string; violations: unknown[] }[] };
export const validationReport = (outdir: string): ValidationReport =>
  JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as ValidationReport;

/** The generated config.json as staged for BucketDeployment (deploy-time values are `<<marker:…>>` placeholders). */
export function stagedConfigJson(outdir: string): string {
  for (const d of readdirSync(outdir).filter((n) => n.startsWith('asset.'))) {
    const f = join(outdir, d, 'config.json');
    if (existsSync(f) && readFileSync(f, 'utf8').includes('<<marker:')) return readFileSync(f, 'utf8');
  }
  throw new Error('no staged config.json asset');
}

export const resourcesOfType = (json: TemplateJson, type: string) =>
  Object.entries(json.Resources).filter(([, r]) => r.Type === type);
