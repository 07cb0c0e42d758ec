// Hosting: private bucket, CloudFront with OAC, the scoped SPA fallback, caching, and the security headers.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { contentSecurityPolicy } from '../../src/config/csp.ts';
import { buildAppConfig } from '../lib/app-config.ts';
import { SPA_FALLBACK_FUNCTION } from '../lib/spa-fallback.ts';
import { DOMAIN_PREFIX, REGION, REGIONS, deployedValue, fakeApiId, resourcesOfType, synth } from './synth.ts';

const s = synth();
const { template, json } = s;

type Statement = { Effect: string; Principal?: unknown; Action: string | string[]; Condition?: Record<string, unknown> };
const bucketPolicies = () =>
  resourcesOfType(json, 'AWS::S3::BucketPolicy').map(([, r]) => (r.Properties!.PolicyDocument as { Statement: Statement[] }).Statement);

describe('S3 bucket', () => {
  it('every bucket blocks all public access, is encrypted, and is not a website', () => {
    const buckets = resourcesOfType(json, 'AWS::S3::Bucket');
    expect(buckets.length).toBe(2); // site + logs
    for (const [, b] of buckets) {
      expect(b.Properties!.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(b.Properties!.BucketEncryption).toBeDefined();
      expect(b.Properties!.WebsiteConfiguration).toBeUndefined();
      expect(b.Properties!.AccessControl).toBeUndefined();
    }
  });

  it('no bucket policy allows a public principal; every bucket denies non-TLS requests', () => {
    const policies = bucketPolicies();
    expect(policies.length).toBe(2);
    for (const statements of policies) {
      for (const st of statements.filter((x) => x.Effect === 'Allow')) {
        expect(JSON.stringify(st.Principal)).not.toMatch(/"\*"/);
      }
      expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    }
  });

  it('the site bucket is readable only by this distribution (CloudFront service principal + AWS:SourceArn)', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: Match.stringLikeRegexp('^SiteBucket') },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: ['s3:GetObject', 's3:ListBucket'],
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });
});

describe('CloudFront', () => {
  it('uses an Origin Access Control (SigV4, always) and no legacy OAI', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
    template.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        Origins: [Match.objectLike({ OriginAccessControlId: { 'Fn::GetAtt': [Match.stringLikeRegexp('OriginAccessControl'), 'Id'] }, S3OriginConfig: { OriginAccessIdentity: '' } })],
      },
    });
  });

  it('redirects to HTTPS, keeps a 404 a 404 (no error page rewriting), and logs', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        CacheBehaviors: [Match.objectLike({ PathPattern: '/assets/*', ViewerProtocolPolicy: 'redirect-to-https' })],
        CustomErrorResponses: [{ ErrorCode: 404, ErrorCachingMinTTL: 10 }],
        Logging: Match.objectLike({ Bucket: Match.anyValue() }),
      }),
    });
    const dist = resourcesOfType(json, 'AWS::CloudFront::Distribution')[0]![1].Properties!.DistributionConfig as { CustomErrorResponses: Record<string, unknown>[] };
    for (const e of dist.CustomErrorResponses) {
      expect(e.ResponseCode).toBeUndefined();
      expect(e.ResponsePagePath).toBeUndefined();
    }
  });

  it('scopes the SPA fallback to the default behaviour with a viewer-request function whose code is the tested source', () => {
    template.resourceCountIs('AWS::CloudFront::Function', 1);
    template.hasResourceProperties('AWS::CloudFront::Function', {
      AutoPublish: true,
      FunctionCode: SPA_FALLBACK_FUNCTION,
      FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }),
    });
    const dist = resourcesOfType(json, 'AWS::CloudFront::Distribution')[0]![1].Properties!.DistributionConfig as {
      DefaultCacheBehavior: { FunctionAssociations?: { EventType: string; FunctionARN: unknown }[] };
      CacheBehaviors: { PathPattern: string; FunctionAssociations?: unknown[] }[];
    };
    expect(dist.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [expect.stringMatching(/^SpaFallback/), 'FunctionARN'] } },
    ]);
    // Hashed bundles never fall back: a missing one is S3's 404.
    expect(dist.CacheBehaviors.find((b) => b.PathPattern === '/assets/*')!.FunctionAssociations).toBeUndefined();
  });

  it('lets the distribution list the site bucket, so a missing key is 404 rather than 403', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: Match.stringLikeRegexp('^SiteBucket') },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: ['s3:GetObject', 's3:ListBucket'],
            Resource: [
              { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^SiteBucket'), 'Arn'] }, '/*']] },
              { 'Fn::GetAtt': [Match.stringLikeRegexp('^SiteBucket'), 'Arn'] },
            ],
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  it('uploads the build with the hashed assets and the entry files in separate deployments, never the emulator config.json', () => {
    const staged = readdirSync(s.outdir).filter((n) => n.startsWith('asset.') && !n.endsWith('.zip')).map((n) => join(s.outdir, n));
    const entry = staged.filter((d) => existsSync(join(d, 'index.html')));
    expect(entry.length).toBe(1);
    expect(readdirSync(entry[0]!).sort()).toEqual(['index.html']); // no assets/, no public/config.json
    expect(staged.some((d) => existsSync(join(d, 'index-fixture.js')))).toBe(true); // dist/assets, uploaded under assets/
  });

  it('index.html and config.json are not cached for long (≤ 60 s at the edge, no-cache objects); hashed assets are', () => {
    template.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: Match.objectLike({ MinTTL: 0, DefaultTTL: 0, MaxTTL: 60 }),
    });
    const dist = resourcesOfType(json, 'AWS::CloudFront::Distribution')[0]![1].Properties!.DistributionConfig as {
      DefaultCacheBehavior: { CachePolicyId: unknown };
      CacheBehaviors: { CachePolicyId: unknown }[];
    };
    expect(dist.DefaultCacheBehavior.CachePolicyId).toEqual({ Ref: expect.stringMatching(/^EntryCachePolicy/) });
    expect(dist.CacheBehaviors[0]!.CachePolicyId).toBe('658327ea-f89d-4fab-a63d-7e88639e58f6'); // managed CachingOptimized
    template.hasResourceProperties('Custom::CDKBucketDeployment', {
      SystemMetadata: { 'cache-control': 'no-cache' },
      DistributionPaths: ['/', '/index.html', '/config.json'],
    });
    template.hasResourceProperties('Custom::CDKBucketDeployment', {
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
      DestinationBucketKeyPrefix: 'assets/',
    });
  });
});

describe('response headers policy', () => {
  const policies = resourcesOfType(json, 'AWS::CloudFront::ResponseHeadersPolicy');
  const config = policies[0]![1].Properties!.ResponseHeadersPolicyConfig as {
    SecurityHeadersConfig: Record<string, Record<string, unknown>>;
    CustomHeadersConfig: { Items: { Header: string; Value: string }[] };
  };
  // The stage-events hosts are deploy-time values (this stack's API, and GreenroomEvents-us-west-2's output).
  const cspInTemplate = config.SecurityHeadersConfig.ContentSecurityPolicy!.ContentSecurityPolicy;
  const csp = deployedValue(s, cspInTemplate);
  const eventsOrigins = (r: string) => [`https://${fakeApiId(r)}.appsync-api.${r}.amazonaws.com`, `wss://${fakeApiId(r)}.appsync-realtime-api.${r}.amazonaws.com`];
  const directive = (name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));

  it('is attached to every behaviour', () => {
    expect(policies.length).toBe(1);
    const dist = resourcesOfType(json, 'AWS::CloudFront::Distribution')[0]![1].Properties!.DistributionConfig as {
      DefaultCacheBehavior: { ResponseHeadersPolicyId: unknown };
      CacheBehaviors: { ResponseHeadersPolicyId: unknown }[];
    };
    for (const b of [dist.DefaultCacheBehavior, ...dist.CacheBehaviors]) expect(b.ResponseHeadersPolicyId).toEqual({ Ref: policies[0]![0] });
  });

  it("connect-src lists exactly the IVS regions' ivsrealtime, CloudWatch and stage-events hosts, the pool region's Cognito hosts and the login domain", () => {
    expect(directive('connect-src')!.split(/\s+/).slice(1).sort()).toEqual(
      [
        "'self'",
        ...REGIONS.map((r) => `https://ivsrealtime.${r}.amazonaws.com`),
        ...REGIONS.map((r) => `https://monitoring.${r}.amazonaws.com`),
        ...REGIONS.flatMap(eventsOrigins),
        `https://cognito-identity.${REGION}.amazonaws.com`,
        `https://cognito-idp.${REGION}.amazonaws.com`,
        `https://${DOMAIN_PREFIX}.auth.${REGION}.amazoncognito.com`,
      ].sort(),
    );
    expect(csp).not.toMatch(/\*/); // no wildcard hosts anywhere
  });

  it('is strict: no inline or eval script, no framing, no plugins', () => {
    expect(directive('default-src')).toBe("default-src 'none'");
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(directive('base-uri')).toBe("base-uri 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it("is the app's own policy (src/config/csp.ts, as vite preview sends it) for the deployed config.json", () => {
    const appConfig = buildAppConfig(
      {
        regions: REGIONS, homeRegion: REGION, identityPoolId: `${REGION}:x`, userPoolId: `${REGION}_x`, clientId: 'x', domainPrefix: DOMAIN_PREFIX,
        events: Object.fromEntries(REGIONS.map((r) => [r, { httpEndpoint: eventsOrigins(r)[0]!, realtimeEndpoint: eventsOrigins(r)[1]! }])),
      },
      { stages: 1, stage: 1, participants: 1, participant: 1 },
    );
    expect(csp).toBe(contentSecurityPolicy(appConfig));
  });

  it('sends HSTS (2 years), nosniff, X-Frame-Options DENY and Referrer-Policy no-referrer, overriding the origin', () => {
    expect(config.SecurityHeadersConfig).toEqual({
      ContentSecurityPolicy: { ContentSecurityPolicy: cspInTemplate, Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Preload: false, Override: true },
    });
    expect(config.CustomHeadersConfig.Items.map((h) => h.Header).sort()).toEqual(['Cross-Origin-Opener-Policy', 'Cross-Origin-Resource-Policy', 'Permissions-Policy']);
  });
});

describe('custom domain', () => {
  it('with a certificate, serves the custom domain with TLSv1.2_2021 and uses it for the sign-in URLs', () => {
    const c = synth({ domainName: 'greenroom.example.com', certificateArn: `arn:aws:acm:us-east-1:${'123456789012'}:certificate/11111111-2222-3333-4444-555555555555` });
    c.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['greenroom.example.com'],
        ViewerCertificate: { AcmCertificateArn: Match.anyValue(), MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' },
      }),
    });
    c.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: ['https://greenroom.example.com/auth/callback'],
      LogoutURLs: ['https://greenroom.example.com/'],
    });
  });
});
