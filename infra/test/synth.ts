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

export type Synth = GreenroomApp & {
  template: Template;
  outdir: string;
  json: TemplateJson;
  /** The GreenroomEvents-<region> stacks' templates, by region (every configured region but the stack's). */
  eventTemplates: Record<string, { template: Template; json: TemplateJson }>;
};
export type TemplateJson = { Resources: Record<string, { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> }>; Outputs?: Record<string, { Value: unknown }> } & Record<string, unknown>;

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
  const eventTemplates = Object.fromEntries(built.eventStacks.map((st) => {
    const t = Template.fromStack(st);
    return [st.region, { template: t, json: t.toJSON() as TemplateJson }];
  }));
  return { ...built, template, outdir, json: template.toJSON() as TemplateJson, eventTemplates };
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

/** A realistic AppSync API id (AWS's are 26 lowercase letters and digits), one per region. */
export const fakeApiId = (region: string): string => `gr${region.replace(/-/g, '')}`.padEnd(26, 'x');

/**
 * A deploy-time value of the Greenroom template as it would be after deployment, for the intrinsics the stack uses
 * in config.json, the CSP and the staff policies: Ref and Fn::GetAtt of its own resources, Fn::GetStackOutput of a
 * GreenroomEvents-<region> stack, and Fn::Join of those. `refs` gives the values of plain Refs by resource type.
 */
export function deployedValue(x: Synth, value: unknown, refs: Record<string, string> = {}, region = REGION, json = x.json): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, unknown>;
  if ('Fn::Join' in v) {
    const [sep, parts] = v['Fn::Join'] as [string, unknown[]];
    return parts.map((part) => deployedValue(x, part, refs, region, json)).join(sep);
  }
  if ('Ref' in v) {
    const type = json.Resources[v.Ref as string]?.Type ?? `no resource ${String(v.Ref)}`;
    if (!(type in refs)) throw new Error(`no fake value for a Ref to ${type}`);
    return refs[type]!;
  }
  if ('Fn::GetAtt' in v) {
    const [id, attr] = v['Fn::GetAtt'] as [string, string];
    const type = json.Resources[id]?.Type;
    const api = fakeApiId(region);
    const apiArn = `arn:aws:appsync:${region}:${ACCOUNT}:apis/${api}`;
    if (type === 'AWS::AppSync::Api' && attr === 'ApiArn') return apiArn;
    if (type === 'AWS::AppSync::Api' && attr === 'Dns.Http') return `${api}.appsync-api.${region}.amazonaws.com`;
    if (type === 'AWS::AppSync::Api' && attr === 'Dns.Realtime') return `${api}.appsync-realtime-api.${region}.amazonaws.com`;
    if (type === 'AWS::AppSync::ChannelNamespace' && attr === 'ChannelNamespaceArn') return `${apiArn}/channelNamespace/${String(json.Resources[id]!.Properties!.Name)}`;
    throw new Error(`no fake value for Fn::GetAtt ${id}.${attr} (${String(type)})`);
  }
  if ('Fn::GetStackOutput' in v) {
    const o = v['Fn::GetStackOutput'] as { StackName: string; Region: string; OutputName: string };
    const producer = x.eventTemplates[o.Region];
    if (!producer || `GreenroomEvents-${o.Region}` !== o.StackName) throw new Error(`no stack ${o.StackName} in ${o.Region}`);
    const out = producer.json.Outputs?.[o.OutputName];
    if (!out) throw new Error(`${o.StackName} has no output ${o.OutputName}`);
    return deployedValue(x, out.Value, refs, o.Region, producer.json);
  }
  throw new Error(`no fake value for ${JSON.stringify(value)}`);
}
