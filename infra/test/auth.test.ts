// Staff sign-in: user pool (and its retention), hosted UI, public client, groups with their roles, identity pool
// with token-based role mapping, and the generated config.json.
import { describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { parseConfig } from '../../src/config/schema.ts';
import { GROUP_PRECEDENCE, NO_ACCESS_ROLE_NAME } from '../lib/policies.ts';
import { DOMAIN_PREFIX, REGION, REGIONS, deployedValue, fakeApiId, resourcesOfType, stagedConfigJson, synth } from './synth.ts';

const s = synth();
const { template, json } = s;

describe('user pool', () => {
  it('admin-created users only, strong passwords, TOTP MFA required', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: { PasswordPolicy: { MinimumLength: 14, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true, TemporaryPasswordValidityDays: 3 } },
      UserPoolTier: 'LITE',
    });
  });

  it('has the managed-login domain from the domainPrefix parameter', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: DOMAIN_PREFIX });
    template.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
  });

  it('has a public app client: no secret, code grant only, openid email profile, the distribution as callback and sign-out URL', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      SupportedIdentityProviders: ['COGNITO'],
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      EnableTokenRevocation: true,
      PreventUserExistenceErrors: 'ENABLED',
      CallbackURLs: [{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [Match.stringLikeRegexp('^Distribution'), 'DomainName'] }, '/auth/callback']] }],
      LogoutURLs: [{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [Match.stringLikeRegexp('^Distribution'), 'DomainName'] }, '/']] }],
    });
  });

  it('has exactly the groups producer and support, each carrying its role ARN and a precedence (producer wins)', () => {
    const groups = resourcesOfType(json, 'AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties!);
    expect(groups.map((g) => g.GroupName).sort()).toEqual(['producer', 'support']);
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', {
      GroupName: 'producer', Precedence: 1, RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Roleproducer'), 'Arn'] },
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', {
      GroupName: 'support', Precedence: 2, RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Rolesupport'), 'Arn'] },
    });
    expect(GROUP_PRECEDENCE.producer).toBeLessThan(GROUP_PRECEDENCE.support);
  });

  it('threatProtection=true switches to the Plus plan with threat protection enforced', () => {
    const plus = synth({ threatProtection: 'true' });
    plus.template.hasResourceProperties('AWS::Cognito::UserPool', { UserPoolTier: 'PLUS', UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' } });
  });
});

describe('identity pool', () => {
  it('authenticated identities only, enhanced flow only, tokens checked with the user pool', () => {
    template.resourceCountIs('AWS::Cognito::IdentityPool', 1);
    template.hasResourceProperties('AWS::Cognito::IdentityPool', {
      AllowUnauthenticatedIdentities: false,
      AllowClassicFlow: false,
      CognitoIdentityProviders: [
        { ClientId: { Ref: Match.stringLikeRegexp('^UserPoolWebClient') }, ProviderName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^UserPool'), 'ProviderName'] }, ServerSideTokenCheck: true },
      ],
    });
  });

  it('chooses the role from the token (cognito:preferred_role), Deny when ambiguous: no rules, no substring matching', () => {
    const attachments = resourcesOfType(json, 'AWS::Cognito::IdentityPoolRoleAttachment');
    expect(attachments.length).toBe(1);
    const props = attachments[0]![1].Properties!;
    expect(props.RoleMappings).toEqual({
      userPool: {
        Type: 'Token',
        AmbiguousRoleResolution: 'Deny',
        IdentityProvider: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^UserPool/), 'ProviderName'] }, ':', { Ref: expect.stringMatching(/^UserPoolWebClient/) }]] },
      },
    });
    // Nothing in the template maps a claim by Contains/StartsWith any more.
    expect(JSON.stringify(json)).not.toMatch(/"MatchType"|"RulesConfiguration"/);
  });

  it('carries the Roles map SetIdentityPoolRoles requires, whose authenticated role has no permissions at all', () => {
    const props = resourcesOfType(json, 'AWS::Cognito::IdentityPoolRoleAttachment')[0]![1].Properties!;
    expect(props.IdentityPoolId).toEqual({ Ref: 'IdentityPool' });
    expect(props.Roles).toEqual({ authenticated: { 'Fn::GetAtt': [expect.stringMatching(/^Roleauthenticatednone/), 'Arn'] } });
    const ref = ((props.Roles as { authenticated: { 'Fn::GetAtt': [string, string] } }).authenticated)['Fn::GetAtt'][0];
    const role = json.Resources[ref]!;
    expect(role.Type).toBe('AWS::IAM::Role');
    expect(role.Properties!.RoleName).toBe(NO_ACCESS_ROLE_NAME);
    expect(role.Properties!.Policies).toBeUndefined();
    expect(role.Properties!.ManagedPolicyArns).toBeUndefined();
    expect(role.Properties!.PermissionsBoundary).toBeUndefined();
    // No separate policy resource attaches anything to it either.
    for (const [, p] of [...resourcesOfType(json, 'AWS::IAM::Policy'), ...resourcesOfType(json, 'AWS::IAM::ManagedPolicy')]) {
      expect(JSON.stringify(p.Properties!.Roles ?? [])).not.toContain(ref);
    }
    // It trusts only this identity pool's authenticated identities, like the staff roles (no unauthenticated role).
    expect((role.Properties!.AssumeRolePolicyDocument as { Statement: unknown[] }).Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'cognito-identity.amazonaws.com:aud': { Ref: 'IdentityPool' } },
          'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
        },
      },
    ]);
  });
});

describe('user pool retention', () => {
  it('by default keeps the pool and its groups when the stack is destroyed, with deletion protection on', () => {
    template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }) });
    for (const [, g] of resourcesOfType(json, 'AWS::Cognito::UserPoolGroup')) expect(g).toMatchObject({ DeletionPolicy: 'Retain' });
    expect(s.stack.params.retainUserPool).toBe(true);
  });

  it('retainUserPool=false deletes the pool with the stack (throwaway stacks)', () => {
    const throwaway = synth({ retainUserPool: 'false' });
    throwaway.template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Delete', Properties: Match.objectLike({ DeletionProtection: 'INACTIVE' }) });
    for (const [, g] of resourcesOfType(throwaway.json, 'AWS::Cognito::UserPoolGroup')) expect(g).toMatchObject({ DeletionPolicy: 'Delete' });
  });

  it('refuses a value that is not true or false', () => {
    expect(() => synth({ retainUserPool: 'no' })).toThrow(/retainUserPool: "no" must be true or false/);
  });
});

describe('config.json deployed with the app', () => {
  // Deploy-time ids are `<<marker:…>>` placeholders in the staged file; BucketDeployment's SourceMarkers say which
  // resource each one stands for. Give each a realistic value and validate the result with the app's own parser.
  const FAKE: Record<string, string> = {
    'AWS::Cognito::IdentityPool': `${REGION}:11111111-2222-4333-8444-555555555555`,
    'AWS::Cognito::UserPool': `${REGION}_AbCdEf123`,
    'AWS::Cognito::UserPoolClient': '1example23456789abcdefghij',
  };
  const deployedConfig = (x: typeof s): unknown => {
    const entry = resourcesOfType(x.json, 'Custom::CDKBucketDeployment').find(([, r]) => ((r.Properties!.SourceMarkers ?? []) as object[]).some((m) => Object.keys(m).length > 0))!;
    const markers = (entry[1].Properties!.SourceMarkers as Record<string, unknown>[]).find((m) => Object.keys(m).length > 0)!;
    let text = stagedConfigJson(x.outdir);
    for (const [marker, ref] of Object.entries(markers)) text = text.split(marker).join(deployedValue(x, ref, FAKE));
    expect(text).not.toContain('<<marker');
    return JSON.parse(text);
  };

  // Each region's own stage-events API (this stack's for us-east-1, GreenroomEvents-us-west-2's for us-west-2).
  const events = (r: string) => ({
    eventsHttpEndpoint: `https://${fakeApiId(r)}.appsync-api.${r}.amazonaws.com`,
    eventsRealtimeEndpoint: `wss://${fakeApiId(r)}.appsync-realtime-api.${r}.amazonaws.com`,
  });

  it("replaces public/config.json: one entry per IVS region, the stack pool everywhere, each region's events endpoints, and the auth block", () => {
    const cfg = deployedConfig(s);
    expect(cfg).toEqual({
      regions: [
        { id: 'us-east-1', identityPoolId: `${REGION}:11111111-2222-4333-8444-555555555555`, ...events('us-east-1') },
        { id: 'us-west-2', identityPoolId: `${REGION}:11111111-2222-4333-8444-555555555555`, cognitoEndpoint: 'https://cognito-identity.us-east-1.amazonaws.com', ...events('us-west-2') },
      ],
      pollIntervalsMs: expect.any(Object),
      auth: {
        region: REGION,
        userPoolId: `${REGION}_AbCdEf123`,
        clientId: '1example23456789abcdefghij',
        authority: `https://cognito-idp.${REGION}.amazonaws.com/${REGION}_AbCdEf123`,
        loginDomain: `https://${DOMAIN_PREFIX}.auth.${REGION}.amazoncognito.com`,
      },
    });
    expect(REGIONS).toEqual(['us-east-1', 'us-west-2']);
    // The staged entry deployment excludes the emulator's public/config.json.
    template.hasResourceProperties('Custom::CDKBucketDeployment', { SourceMarkers: Match.arrayWith([Match.objectLike({ '<<marker:0xbaba:0>>': { Ref: 'IdentityPool' } })]) });
  });

  it("passes the app's own validation (src/config/schema.ts) for a single-region stack", () => {
    const single = synth({ regions: REGION });
    const parsed = parseConfig(deployedConfig(single));
    expect(parsed).toMatchObject({ ok: true });
  });

  it("passes the app's own validation for a multi-region stack (one identity pool serves every IVS region)", () => {
    const parsed = parseConfig(deployedConfig(s));
    expect(parsed).toMatchObject({ ok: true });
    // The app reads each region's events endpoints from it (push on), as origins.
    expect(parsed.ok && parsed.value.regions.map((r) => [r.eventsHttpEndpoint, r.eventsRealtimeEndpoint])).toEqual(
      REGIONS.map((r) => [events(r).eventsHttpEndpoint, events(r).eventsRealtimeEndpoint]),
    );
  });
});
