#!/usr/bin/env node
// `cdk synth|deploy|destroy` entry point (infra/cdk.json runs it with tsx). Parameters come from CDK context:
//   -c domainPrefix=<prefix>   required: the managed-login domain prefix (unique in the region)
//   -c regions=us-east-1,…     IVS regions (default: the deployment region)
//   -c stageArns=arn:…,…       stage ARNs the staff roles may touch (default: every stage in those regions)
//   -c domainName=… -c certificateArn=…   optional custom domain (ACM certificate in us-east-1)
//   -c threatProtection=true   optional Cognito Plus plan with threat protection enforced
// The account and region are those of the AWS credentials in use (CDK_DEFAULT_ACCOUNT / CDK_DEFAULT_REGION).
import { buildApp } from '../lib/app.ts';

const account = process.env.CDK_DEFAULT_ACCOUNT;
const region = process.env.CDK_DEFAULT_REGION;
if (!account || !region) {
  console.error('No AWS account/region: configure credentials (aws configure, AWS_PROFILE) and a region (AWS_REGION) first.');
  process.exit(1);
}
buildApp({ account, region }).app.synth();
