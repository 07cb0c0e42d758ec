// cdk-nag (AwsSolutions pack) findings this stack accepts, each with the reason it is accepted. cdk-nag 3 reads
// CDK's own acknowledgements (Validations.of(x).acknowledge), which replaced v2's NagSuppressions; every
// acknowledgement is per finding (a wildcard resource or action is named exactly) and per construct, and cdk-nag
// copies them into the template's Metadata (cdk_nag.rules_to_suppress) so the snapshot records them.
// Anything not listed here fails `cdk synth` (and therefore `cdk deploy` and the tests).
import { DefaultStackSynthesizer, type Stack, Token, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { GreenroomParams } from './params.ts';
import { ROLE_NAMES, STAFF_ROLES } from './policies.ts';

export type Acknowledged = { path: string; id: string; reason: string };

const PACK = 'AwsSolutions';

function ack(scope: IConstruct, rule: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `${PACK}::${PACK}-${rule}`, reason });
}

/** The context key the CDK CLI and DefaultStackSynthesizer read the bootstrap qualifier from. */
export const QUALIFIER_CONTEXT = '@aws-cdk/core:bootstrapQualifier';

/**
 * The CDK bootstrap assets bucket's objects as cdk-nag names them in its finding: the account's bootstrap qualifier
 * (`cdk bootstrap --qualifier`, passed to synth as -c @aws-cdk/core:bootstrapQualifier=…; default hnb659fds) and
 * the stack's partition (a literal such as aws or aws-cn when the region is known, cdk-nag's <AWS::Partition>
 * placeholder otherwise).
 */
export function bootstrapAssetsObjects(stack: Stack): string {
  const q = stack.node.tryGetContext(QUALIFIER_CONTEXT) as unknown;
  const qualifier = q === undefined || q === null || q === '' ? DefaultStackSynthesizer.DEFAULT_QUALIFIER : String(q);
  const partition = Token.isUnresolved(stack.partition) ? '<AWS::Partition>' : stack.partition;
  return `arn:${partition}:s3:::cdk-${qualifier}-assets-${stack.account}-${stack.region}/*`;
}

export function suppressFindings(stack: Stack, p: GreenroomParams): void {
  const child = (id: string): IConstruct => {
    const c = stack.node.tryFindChild(id);
    if (!c) throw new Error(`nag: no construct ${id} in the stack`);
    return c;
  };

  // ----- CloudFront -----
  const distribution = child('Distribution').node.defaultChild!;
  ack(distribution, 'CFR1', 'No geo restriction: staff run shows from wherever they are; access is gated by Cognito sign-in with MFA and by IAM on every IVS call, not by the (public, static) app files.');
  ack(distribution, 'CFR2', 'No AWS WAF: the distribution serves only public static files (no API, no server-side logic, no data); every data call goes from the browser straight to IVS/Cognito and is authorized by IAM. A web ACL would add a fixed monthly charge for no protected surface. Attach one with Distribution.attachWebAclId if your organisation requires it.');
  if (!p.certificateArn) {
    ack(distribution, 'CFR4', 'The default *.cloudfront.net certificate cannot carry a minimum TLS policy (CloudFront reports TLSv1 for it). Modern browsers negotiate TLS 1.2/1.3 only and HSTS keeps them on HTTPS. To enforce TLSv1.2_2021 at the edge, deploy with -c domainName=… -c certificateArn=… (this acknowledgement then disappears).');
  }

  // The S3 origin may list the bucket so that a missing key is a 404 (not a 403 that would need rewriting). CDK
  // warns about LIST on a default behaviour; what it asks for is in place: defaultRootObject is index.html, the
  // viewer-request function sends `/` (and every extension-less path) to /index.html, and no cache policy forwards a
  // query string, so no viewer request reaches the bucket as a ListObjects call.
  Validations.of(child('Distribution').node.findChild('Origin1')).acknowledge({
    id: 'Annotation::@aws-cdk/aws-cloudfront-origins:listBucketSecurityRisk',
    reason: 'defaultRootObject is index.html, the SPA function rewrites `/` to /index.html and no query string is forwarded, so S3 is never asked to list.',
  });

  // ----- Cognito -----
  if (!p.threatProtection) {
    ack(child('UserPool').node.defaultChild!, 'COG8', 'Lite feature plan by default: threat protection (the Plus plan) is billed per monthly active user at a higher rate, and this pool holds a handful of invited staff with self sign-up off, MFA (TOTP) required, a 14-character password policy and 12 h refresh tokens. Deploy with -c threatProtection=true to switch to Plus with threat protection enforced.');
  }

  // ----- staff roles: the shipped policies -----
  for (const role of STAFF_ROLES) {
    const cfnRole = child(`Role-${role}`).node.defaultChild!;
    ack(cfnRole, 'IAM5[Resource::*]', `iam/${role}-policy.json grants ivs:ListStages, cloudwatch:GetMetricData and cloudwatch:ListMetrics on "*": none of them names a resource (ListStages names no stage; CloudWatch has no resource-level permissions for metric reads), so "*" is the only resource IAM can match. Every stage-level action is limited to the stageArns parameter.`);
    for (const arn of p.stageArns.filter((a) => a.includes('*') || a.includes('?'))) {
      ack(cfnRole, `IAM5[Resource::${arn}]`, `${ROLE_NAMES[role]} may act on the stages this ARN pattern covers: the stageArns parameter (default: every stage of each configured IVS region in this account, since staff must reach stages created after deployment). Pass explicit stage ARNs with -c stageArns=… to narrow it.`);
    }
  }

  // ----- BucketDeployment's singleton Lambda (aws-cdk-lib's code, not ours) -----
  const deployFns = stack.node.children.filter((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (deployFns.length !== 1) throw new Error(`nag: expected one BucketDeployment handler, found ${deployFns.length}`);
  const fn = deployFns[0]!;
  const fnRole = fn.node.findChild('ServiceRole');
  const fnPolicy = fnRole.node.findChild('DefaultPolicy').node.defaultChild!;
  ack(fn.node.defaultChild!, 'L1', "BucketDeployment's handler is aws-cdk-lib's own function; its runtime is pinned by the library and moves forward when aws-cdk-lib is upgraded. It runs only during deployments.");
  ack(fnRole.node.defaultChild!, 'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', "BucketDeployment's handler role (created by aws-cdk-lib) uses the AWS managed basic-execution policy to write its own CloudWatch logs; it grants nothing else.");
  const s3Why = 'granted by aws-cdk-lib (BucketDeployment grantRead/grantReadWrite) to copy the build from the CDK assets bucket into the site bucket; the action families are the library\'s, scoped to those two buckets.';
  for (const action of ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*']) {
    ack(fnPolicy, `IAM5[Action::${action}]`, `${action} is ${s3Why}`);
  }
  ack(fnPolicy, `IAM5[Resource::${bootstrapAssetsObjects(stack)}]`, `Objects of the CDK bootstrap assets bucket: the handler reads the zipped build from there (${s3Why})`);
  ack(fnPolicy, 'IAM5[Resource::<SiteBucket397A1860.Arn>/*]', `Objects of the site bucket: the handler writes the build and config.json there (${s3Why})`);
  ack(fnPolicy, 'IAM5[Resource::*]', 'cloudfront:CreateInvalidation, granted by aws-cdk-lib so the deployment can invalidate /, /index.html and /config.json after an upload; the library grants it on "*".');
}
