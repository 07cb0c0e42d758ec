// Greenroom in one AWS account: the built app on a private S3 bucket behind CloudFront (OAC, strict security
// headers), staff sign-in with a Cognito user pool and its classic hosted UI, an identity pool that takes each staff
// member's role from the ID token (the groups carry the role ARNs, docs/decisions/002), and those roles with exactly
// the project's shipped policies (iam/*.json).
// One stack per account: the role names are fixed (greenroom-producer, greenroom-support), as decision 001 names them.
// Stage events (EventBridge → Lambda → AppSync Events) are regional: the stack's own region gets them here, every
// other configured region from a GreenroomEvents-<region> stack whose endpoints and ARNs reach this one as
// cross-region references (lib/stage-events.ts).
import { resolve } from 'node:path';
import { CfnOutput, Duration, RemovalPolicy, Stack, Token, type StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { securityHeaders } from '../../src/config/csp.ts';
import { buildAppConfig, loginDomainUrl, type RegionEvents } from './app-config.ts';
import { suppressFindings } from './nag.ts';
import { SPA_FALLBACK_FUNCTION } from './spa-fallback.ts';
import { readParams, type GreenroomParams } from './params.ts';
import { GROUP_PRECEDENCE, NO_ACCESS_ROLE_NAME, ROLE_NAMES, STAFF_ROLES, loadShippedPolicy, policyFile, policyForDeployment, type StaffRole } from './policies.ts';
import { StageEvents } from './stage-events.ts';

/** CloudFront's limit on the Content-Security-Policy value of a response headers policy. */
const CLOUDFRONT_CSP_MAX = 1783;

export type GreenroomStackProps = StackProps & {
  /** The stage events of every configured region other than this stack's, each from its own regional stack. */
  remoteEvents?: Readonly<Record<string, StageEvents>>;
};

/** An AppSync Events host name of the length AWS gives its API ids (26 characters), to size the CSP before deploy. */
const placeholderEventsHost = (index: number, kind: 'api' | 'realtime-api', region: string): string =>
  `${'e'.repeat(20)}${String(index).padStart(6, '0')}.appsync-${kind}.${region}.amazonaws.com`;

export class GreenroomStack extends Stack {
  readonly params: GreenroomParams;
  /** The stage events of each configured region (this stack's own, or a regional stack's). */
  readonly stageEvents: Readonly<Record<string, StageEvents>>;
  /** The shipped policy file each role's inline policy was made from (the tests compare the two). */
  readonly policySources: Record<StaffRole, string>;

  constructor(scope: Construct, id: string, props: GreenroomStackProps) {
    super(scope, id, props);
    const region = this.region;
    const account = this.account;
    if (Token.isUnresolved(region) || Token.isUnresolved(account)) {
      // The CDK CLI sets CDK_DEFAULT_ACCOUNT/CDK_DEFAULT_REGION itself from the credentials and region it resolves, so
      // the message names what a deployer controls: the profile and the region.
      throw new Error('The Greenroom stack needs a concrete account and region: run the CDK CLI with AWS credentials (AWS_PROFILE=<profile> or --profile) and a region (AWS_REGION=<region>, or region= in that profile).');
    }
    const p = readParams(this.node, { account, region });
    this.params = p;

    // ---------- stage events, one API per configured region ----------
    const stageEvents: Record<string, StageEvents> = {};
    for (const r of p.regions) {
      const e = r === region ? new StageEvents(this, 'StageEvents', { stageArns: p.stageArns }) : props.remoteEvents?.[r];
      if (!e) throw new Error(`No stage-events stack for region ${r}: build the app with buildApp (lib/app.ts), which makes one per configured region`);
      stageEvents[r] = e;
    }
    this.stageEvents = stageEvents;
    const eventsOf = (hosts: (r: string, i: number) => RegionEvents): Record<string, RegionEvents> =>
      Object.fromEntries(p.regions.map((r, i) => [r, hosts(r, i)]));

    // ---------- hosting: private bucket, CloudFront with OAC ----------
    const logs = new s3.Bucket(this, 'LogsBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logs are written with an ACL grant, so ACLs stay enabled on this bucket only.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const site = new s3.Bucket(this, 'SiteBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: false,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3-access/',
      // The bucket only holds the build output, which `npm run deploy` recreates.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const loginDomain = loginDomainUrl(p.domainPrefix, region);
    // The CSP is the app's own (src/config/csp.ts, also used by `vite preview`), computed from the config.json
    // this stack deploys. Its hosts depend only on regions and the domain prefix, never on deploy-time ids.
    // The stage-events hosts are known only at deploy time: the policy is computed with placeholder hosts of the
    // real length (so CloudFront's size limit is checked at synth), then each placeholder becomes the API's host.
    const placeholderHeaders = securityHeaders(
      buildAppConfig({
        regions: p.regions, homeRegion: region, identityPoolId: `${region}:id`, userPoolId: `${region}_id`, clientId: 'id', domainPrefix: p.domainPrefix,
        events: eventsOf((r, i) => ({ httpEndpoint: `https://${placeholderEventsHost(i, 'api', r)}`, realtimeEndpoint: `wss://${placeholderEventsHost(i, 'realtime-api', r)}` })),
      }, { stages: 0, stage: 0, participants: 0, participant: 0 }),
    );
    checkCspLength(placeholderHeaders);
    const headers = Object.fromEntries(Object.entries(placeholderHeaders).map(([name, value]) => {
      let v = value;
      p.regions.forEach((r, i) => {
        v = v.split(placeholderEventsHost(i, 'api', r)).join(stageEvents[r]!.api.httpDns);
        v = v.split(placeholderEventsHost(i, 'realtime-api', r)).join(stageEvents[r]!.api.realtimeDns);
      });
      return [name, v];
    }));
    const headersPolicy = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Greenroom: strict CSP (connect-src limited to the account IVS and Cognito endpoints), HSTS, nosniff, no framing, no referrer',
      ...responseHeaders(headers),
    });

    // index.html, config.json and every SPA route: revalidated on each load (objects carry Cache-Control: no-cache).
    const entryCache = new cloudfront.CachePolicy(this, 'EntryCachePolicy', {
      comment: 'Greenroom index.html and config.json: at most 60 s at the edge, revalidated by browsers',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(60),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    const certificate = p.certificateArn ? acm.Certificate.fromCertificateArn(this, 'Certificate', p.certificateArn) : undefined;
    // READ and LIST: with s3:ListBucket, S3 answers a missing key with 404 rather than 403, so a missing file is a
    // 404 at the viewer too. Listing itself is unreachable: CloudFront forwards no query string (the cache
    // policies forward none) and the function below turns `/` into /index.html.
    const origin = origins.S3BucketOrigin.withOriginAccessControl(site, {
      originAccessLevels: [cloudfront.AccessLevel.READ, cloudfront.AccessLevel.LIST],
    });
    const spaFallback = new cloudfront.Function(this, 'SpaFallback', {
      comment: 'Greenroom: extension-less paths (the SPA routes) are served /index.html; files are served as they are',
      code: cloudfront.FunctionCode.fromInline(SPA_FALLBACK_FUNCTION),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });
    const distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Greenroom console',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: entryCache,
        responseHeadersPolicy: headersPolicy,
        compress: true,
        functionAssociations: [{ function: spaFallback, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        // Vite's hashed bundles: cached for a year at the edge and in browsers.
        '/assets/*': {
          origin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: headersPolicy,
          compress: true,
        },
      },
      // No error-response rewriting: the SPA fallback is the function above, so a 404 stays a 404. Kept at the edge
      // for 10 s only, so an asset uploaded by the next deploy is not hidden behind a cached 404.
      errorResponses: [{ httpStatus: 404, ttl: Duration.seconds(10) }],
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      ...(certificate && p.domainName
        ? { certificate, domainNames: [p.domainName], minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 }
        : {}),
    });
    const appOrigin = `https://${p.domainName ?? distribution.distributionDomainName}`;

    // ---------- staff sign-in: user pool, classic hosted UI (the Lite plan has no other), public client ----------
    const userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: 'greenroom-staff',
      selfSignUpEnabled: false, // staff are invited by an administrator
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true } },
      autoVerify: { email: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Required, TOTP only: a stolen password alone must not be able to cut a live show. TOTP needs no SMS
      // role or per-message cost, and the hosted UI enrols it at first sign-in.
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: p.threatProtection ? cognito.FeaturePlan.PLUS : cognito.FeaturePlan.LITE,
      ...(p.threatProtection ? { standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION } : {}),
      // The pool holds every staff user with their TOTP enrolment: by default `npm run destroy` leaves it (and its
      // groups) in the account, and deletion protection stops a console click from deleting it. Throwaway stacks
      // pass -c retainUserPool=false. infra/scripts/destroy.ts tells the operator which of the two happened.
      deletionProtection: p.retainUserPool,
      removalPolicy: p.retainUserPool ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    userPool.addDomain('LoginDomain', { cognitoDomain: { domainPrefix: p.domainPrefix } });

    const client = userPool.addClient('WebClient', {
      userPoolClientName: 'greenroom-web',
      generateSecret: false, // a browser app: public client, code + PKCE (S256)
      authFlows: { userSrp: false, userPassword: false, adminUserPassword: false, custom: false, user: false },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`${appOrigin}/auth/callback`],
        logoutUrls: [`${appOrigin}/`],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      // One working day: a refresh token in sessionStorage is worth less to a thief than the 30-day default.
      refreshTokenValidity: Duration.hours(12),
    });

    // ---------- identity pool: enhanced flow only, authenticated only ----------
    const identityPool = new cognito.CfnIdentityPool(this, 'IdentityPool', {
      identityPoolName: 'greenroom',
      allowUnauthenticatedIdentities: false,
      allowClassicFlow: false,
      cognitoIdentityProviders: [
        { providerName: userPool.userPoolProviderName, clientId: client.userPoolClientId, serverSideTokenCheck: true },
      ],
    });

    // ---------- staff roles: trust only this identity pool's authenticated identities ----------
    const policySources = {} as Record<StaffRole, string>;
    const roles = {} as Record<StaffRole, iam.Role>;
    for (const role of STAFF_ROLES) {
      policySources[role] = policyFile(role);
      roles[role] = new iam.Role(this, `Role-${role}`, {
        roleName: ROLE_NAMES[role],
        description: `Greenroom ${role}: IVS Real-Time permissions from iam/${role}-policy.json`,
        maxSessionDuration: Duration.hours(1),
        // Token mapping assumes the role named in the ID token through this trust: only this identity pool's
        // authenticated identities may assume it.
        assumedBy: identityPoolPrincipal(identityPool.ref),
        inlinePolicies: {
          [`greenroom-${role}-ivs`]: iam.PolicyDocument.fromJson(policyForDeployment(loadShippedPolicy(role), {
            stageArns: p.stageArns,
            eventApiArns: p.regions.map((r) => stageEvents[r]!.api.apiArn),
            eventNamespaceArns: p.regions.map((r) => stageEvents[r]!.namespace.channelNamespaceArn),
          })),
        },
      });
    }
    this.policySources = policySources;

    // Strict role mapping: each staff group carries its role ARN and a precedence, so the user pool writes
    // cognito:roles and cognito:preferred_role into the ID token, and the identity pool (Type Token) assumes the
    // preferred role. Groups are matched by name inside Cognito, never by a substring of a claim, so a group named
    // producer-trainee or notproducer carries no role unless an administrator gives it one. A user in both staff
    // groups gets the producer role (precedence 1 beats 2): membership is additive, as IAM permissions are, and
    // support's permissions are a subset of producer's; taking producer away means removing the user from
    // `producer`. The app's roleOf (src/features/auth/policies.ts) makes the same choice from cognito:groups.
    for (const group of STAFF_ROLES) {
      const g = new cognito.CfnUserPoolGroup(this, `Group-${group}`, {
        userPoolId: userPool.userPoolId,
        groupName: group,
        description: group === 'producer' ? 'Greenroom producers: read and operate stages' : 'Greenroom support: read-only',
        roleArn: roles[group].roleArn,
        precedence: GROUP_PRECEDENCE[group],
      });
      // Memberships live in the groups: they stay with a retained pool.
      g.applyRemovalPolicy(p.retainUserPool ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);
    }

    // SetIdentityPoolRoles requires a Roles map. Its authenticated role has no permissions at all: with Token
    // mapping and AmbiguousRoleResolution Deny the identity pool never hands it out (a user whose token names no
    // single preferred role gets no credentials), and if the mapping were ever removed or switched to
    // AuthenticatedRole, a signed-in user without a staff group would still reach nothing.
    const noAccess = new iam.Role(this, 'Role-authenticated-none', {
      roleName: NO_ACCESS_ROLE_NAME,
      description: 'Greenroom: default authenticated role of the identity pool; no permissions (role mapping denies instead of using it)',
      maxSessionDuration: Duration.hours(1),
      assumedBy: identityPoolPrincipal(identityPool.ref),
    });

    new cognito.CfnIdentityPoolRoleAttachment(this, 'IdentityPoolRoles', {
      identityPoolId: identityPool.ref,
      roles: { authenticated: noAccess.roleArn },
      roleMappings: {
        userPool: {
          identityProvider: `${userPool.userPoolProviderName}:${client.userPoolClientId}`,
          type: 'Token',
          // No cognito:preferred_role in the token (no staff group, or two groups of equal precedence with
          // different roles): no credentials at all.
          ambiguousRoleResolution: 'Deny',
        },
      },
    });

    // ---------- the app and its config.json ----------
    const appConfig = buildAppConfig({
      regions: p.regions,
      homeRegion: region,
      identityPoolId: identityPool.ref,
      userPoolId: userPool.userPoolId,
      clientId: client.userPoolClientId,
      domainPrefix: p.domainPrefix,
      events: eventsOf((r) => ({ httpEndpoint: stageEvents[r]!.httpEndpoint, realtimeEndpoint: stageEvents[r]!.realtimeEndpoint })),
    });

    const assets = new s3deploy.BucketDeployment(this, 'DeployAssets', {
      sources: [s3deploy.Source.asset(resolve(p.distDir, 'assets'))],
      destinationBucket: site,
      destinationKeyPrefix: 'assets/',
      cacheControl: [s3deploy.CacheControl.fromString('public, max-age=31536000, immutable')],
      // Old hashed bundles stay, so a browser holding the previous index.html still loads during a deploy.
      prune: false,
      memoryLimit: 256,
    });
    const entry = new s3deploy.BucketDeployment(this, 'DeployEntry', {
      sources: [
        // public/config.json is the emulator's; the generated one below replaces it.
        s3deploy.Source.asset(p.distDir, { exclude: ['assets', 'assets/**', 'config.json'] }),
        s3deploy.Source.jsonData('config.json', appConfig),
      ],
      destinationBucket: site,
      cacheControl: [s3deploy.CacheControl.noCache()],
      prune: false,
      memoryLimit: 256,
      distribution,
      distributionPaths: ['/', '/index.html', '/config.json'],
    });
    entry.node.addDependency(assets);

    // ---------- outputs ----------
    new CfnOutput(this, 'AppUrl', { value: `${appOrigin}/` });
    new CfnOutput(this, 'DistributionDomainName', { value: distribution.distributionDomainName });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'AppClientId', { value: client.userPoolClientId });
    new CfnOutput(this, 'LoginDomain', { value: loginDomain });
    new CfnOutput(this, 'IdentityPoolId', { value: identityPool.ref });
    for (const r of p.regions) new CfnOutput(this, `EventsHttpEndpoint${r.replace(/-/g, '')}`, { value: stageEvents[r]!.httpEndpoint, description: `Stage events (AppSync Events) of ${r}` });
    for (const role of STAFF_ROLES) new CfnOutput(this, `RoleArn${role[0]!.toUpperCase()}${role.slice(1)}`, { value: roles[role].roleArn });

    suppressFindings(this, p);
  }
}

/** Only this identity pool's authenticated identities, through AssumeRoleWithWebIdentity. */
function identityPoolPrincipal(identityPoolId: string): iam.FederatedPrincipal {
  return new iam.FederatedPrincipal(
    'cognito-identity.amazonaws.com',
    {
      StringEquals: { 'cognito-identity.amazonaws.com:aud': identityPoolId },
      'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
    },
    'sts:AssumeRoleWithWebIdentity',
  );
}

/** CloudFront refuses a longer Content-Security-Policy (checked on the policy with placeholder hosts of real length). */
function checkCspLength(headers: Record<string, string>): void {
  const csp = Object.entries(headers).find(([n]) => n.toLowerCase() === 'content-security-policy')?.[1] ?? '';
  if (csp.length > CLOUDFRONT_CSP_MAX) throw new Error(`The CSP is ${csp.length} characters; CloudFront accepts ${CLOUDFRONT_CSP_MAX}. Configure fewer regions.`);
}

/** Maps the app's header set onto a CloudFront response headers policy (security headers where CloudFront has them). */
function responseHeaders(headers: Record<string, string>): Pick<cloudfront.ResponseHeadersPolicyProps, 'securityHeadersBehavior' | 'customHeadersBehavior'> {
  const custom: cloudfront.ResponseCustomHeader[] = [];
  let csp: string | undefined;
  let frame: cloudfront.HeadersFrameOption | undefined;
  let referrer: cloudfront.HeadersReferrerPolicy | undefined;
  let nosniff = false;
  for (const [name, value] of Object.entries(headers)) {
    switch (name.toLowerCase()) {
      case 'content-security-policy':
        csp = value;
        break;
      case 'x-content-type-options':
        if (value !== 'nosniff') throw new Error(`X-Content-Type-Options "${value}" is not supported`);
        nosniff = true;
        break;
      case 'x-frame-options':
        frame = value.toUpperCase() === 'DENY' ? cloudfront.HeadersFrameOption.DENY : cloudfront.HeadersFrameOption.SAMEORIGIN;
        break;
      case 'referrer-policy': {
        const known = Object.values(cloudfront.HeadersReferrerPolicy) as string[];
        if (!known.includes(value)) throw new Error(`Referrer-Policy "${value}" is not one CloudFront supports`);
        referrer = value as cloudfront.HeadersReferrerPolicy;
        break;
      }
      case 'strict-transport-security':
        break; // set below, for every response
      default:
        custom.push({ header: name, value, override: true });
    }
  }
  if (!csp || !nosniff || !frame || !referrer) throw new Error('The app\'s security headers lack CSP, nosniff, X-Frame-Options or Referrer-Policy');
  return {
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: frame, override: true },
      referrerPolicy: { referrerPolicy: referrer, override: true },
      strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, preload: false, override: true },
    },
    ...(custom.length ? { customHeadersBehavior: { customHeaders: custom } } : {}),
  };
}
