// cdk-nag's AwsSolutions pack passes with every acknowledgement justified, and the synthesized template is pinned
// by a committed snapshot (asset hashes normalised), so any change to it must be reviewed and the snapshot updated
// (`npm --prefix infra run test:update`).
import { describe, expect, it } from 'vitest';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { buildApp } from '../lib/app.ts';
import { bootstrapAssetsObjects } from '../lib/nag.ts';
import { ACCOUNT, REGION, synth, tempOutdir, testContext, validationReport } from './synth.ts';

const s = synth();

describe('cdk-nag (AwsSolutions)', () => {
  it('reports no unacknowledged error or warning (synth would throw ValidationFailed otherwise)', () => {
    const report = validationReport(s.outdir);
    expect(report.pluginReports.map((r) => [r.pluginName, r.conclusion, r.violations.length])).toEqual([['AwsSolutions', 'success', 0]]);
  });

  it('every acknowledgement names one finding and gives a reason', () => {
    const acks = Object.entries(s.json.Resources).flatMap(([id, r]) =>
      ((r.Metadata?.cdk_nag as { rules_to_suppress?: { id: string; reason: string }[] } | undefined)?.rules_to_suppress ?? []).map((a) => ({ resource: id, ...a })),
    );
    expect(acks.length).toBeGreaterThan(0);
    // One CDK annotation is acknowledged too (LIST on the S3 origin, infra/lib/nag.ts); every other is cdk-nag's.
    const annotations = acks.filter((a) => !a.id.startsWith('AwsSolutions::'));
    expect(annotations.map((a) => a.id)).toEqual(['@aws-cdk/aws-cloudfront-origins:listBucketSecurityRisk']);
    for (const a of acks) {
      if (!annotations.includes(a)) expect(a.id).toMatch(/^AwsSolutions::AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
      expect(a.reason.length, `${a.resource} ${a.id}`).toBeGreaterThan(60);
    }
    // The staff roles acknowledge only the two wildcard resources the policies need, nothing else (and the
    // no-access role, which has no policy, acknowledges nothing).
    expect(acks.filter((a) => a.resource.startsWith('Roleauthenticatednone'))).toEqual([]);
    const roleAcks = acks.filter((a) => a.resource.startsWith('Role')).map((a) => a.id.replace(/^AwsSolutions::AwsSolutions-/, ''));
    expect([...new Set(roleAcks)].sort()).toEqual(
      ['IAM5[Resource::*]', 'IAM5[Resource::arn:aws:ivs:us-east-1:123456789012:stage/*]', 'IAM5[Resource::arn:aws:ivs:us-west-2:123456789012:stage/*]'].sort(),
    );
  });

  it('is really checking: an unacknowledged finding fails the synth', () => {
    const { app, stack } = buildApp({ account: ACCOUNT, region: REGION }, { outdir: tempOutdir(), context: testContext() });
    new s3.Bucket(stack, 'Unchecked'); // no SSL enforcement, no access logs
    expect(() => app.synth()).toThrow(/Greenroom\/Unchecked\/Resource/);
  });
});

describe('template snapshot', () => {
  it('matches the committed snapshot (asset hashes normalised)', () => {
    const normalised = JSON.parse(JSON.stringify(s.json).replace(/[0-9a-f]{64}/g, '<asset-hash>')) as unknown;
    expect(normalised).toMatchSnapshot();
  });
});

describe('custom bootstrap qualifier', () => {
  it('synthesizes with -c @aws-cdk/core:bootstrapQualifier=acme12345: the acknowledgement names that assets bucket', () => {
    const custom = synth({ '@aws-cdk/core:bootstrapQualifier': 'acme12345' });
    const report = validationReport(custom.outdir);
    expect(report.pluginReports.map((r) => [r.pluginName, r.conclusion, r.violations.length])).toEqual([['AwsSolutions', 'success', 0]]);
    const text = JSON.stringify(custom.json);
    expect(text).toContain(`IAM5[Resource::arn:aws:s3:::cdk-acme12345-assets-${ACCOUNT}-${REGION}/*]`);
    expect(text).not.toContain('hnb659fds');
  });

  it('names the stack partition and the default qualifier otherwise', () => {
    expect(bootstrapAssetsObjects(s.stack)).toBe(`arn:aws:s3:::cdk-hnb659fds-assets-${ACCOUNT}-${REGION}/*`);
  });
});
