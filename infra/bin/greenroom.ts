#!/usr/bin/env node
// `cdk synth|deploy|destroy` entry point (infra/cdk.json runs it with tsx). The app has the Greenroom stack and one
// GreenroomEvents-<region> stack per configured region other than the deployment region, so the scripts pass --all.
// Parameters come from CDK context:
//   -c domainPrefix=<prefix>   required: the sign-in (hosted UI) domain prefix (unique in the region)
//   -c regions=us-east-1,…     IVS regions (default: the deployment region)
//   -c stageArns=arn:…,…       stage ARNs the staff roles may touch (default: every stage in those regions)
//   -c domainName=… -c certificateArn=…   optional custom domain (ACM certificate in us-east-1)
//   -c threatProtection=true   optional Cognito Plus plan with threat protection enforced
//   -c retainUserPool=false    delete the user pool with the stack (default: kept, with deletion protection)
//   -c @aws-cdk/core:bootstrapQualifier=<q>   an account bootstrapped with `cdk bootstrap --qualifier <q>`
// The account and region are those of the AWS credentials in use: the CDK CLI resolves them from the profile
// (AWS_PROFILE or --profile) and the region (AWS_REGION, or the profile's region=) and hands them to this app as
// CDK_DEFAULT_ACCOUNT / CDK_DEFAULT_REGION, overwriting any value of those two set by hand.
import { buildApp } from '../lib/app.ts';

const account = process.env.CDK_DEFAULT_ACCOUNT;
const region = process.env.CDK_DEFAULT_REGION;
if (!account || !region) {
  console.error('No AWS account/region: the CDK CLI found no credentials or no region. Use a profile (AWS_PROFILE=<profile> or --profile <profile>) and a region (AWS_REGION=<region>, or region= in that profile), e.g. AWS_PROFILE=acme AWS_REGION=us-east-1 npm run deploy -- -c domainPrefix=…');
  process.exit(1);
}
buildApp({ account, region }).app.synth();
