#!/usr/bin/env node
// `npm run destroy -- -c domainPrefix=… [-c retainUserPool=false]`: `cdk destroy` with the same arguments, then a
// plain account of what the deletion left in the account, so nobody has to guess whether the staff are gone.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { INFRA_DIR } from '../lib/params.ts';

/** retainUserPool as `cdk destroy` will see it: the last -c/--context on the command line, else cdk.json / cdk.context.json. */
export function retainUserPoolFrom(args: readonly string[], fileContext: Record<string, unknown>): boolean | string {
  let value: unknown = fileContext.retainUserPool;
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i]!;
    const pair = a === '-c' || a === '--context' ? args[i + 1] : /^(?:-c|--context)=(.*)$/.exec(a)?.[1];
    const m = pair ? /^retainUserPool=(.*)$/.exec(pair) : null;
    if (m) value = m[1];
  }
  if (value === undefined || value === null || value === '' || value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return String(value); // the synth refuses it with the parameter's name; say so here too
}

/** What stays in the account after the stack is deleted. */
export function destroySummary(retain: boolean): string[] {
  const pool = retain
    ? [
        'User pool: KEPT. greenroom-staff, with every staff user, their groups and TOTP enrolments, stays in the account',
        '  with deletion protection on (retainUserPool defaults to true). A new deploy creates a new, empty pool; to remove',
        '  the old one: aws cognito-idp update-user-pool --user-pool-id <id> --deletion-protection INACTIVE (repeating its',
        '  settings), then aws cognito-idp delete-user-pool --user-pool-id <id>. Find <id> with',
        '  aws cognito-idp list-user-pools --max-results 60 --query "UserPools[?Name==\'greenroom-staff\']".',
      ]
    : ['User pool: DELETED with the stack (retainUserPool=false): its users, groups and TOTP enrolments are gone.'];
  return [
    'If you confirmed the deletion above, this is what remains in the account:',
    ...pool,
    'Log groups: KEPT. /aws/lambda/Greenroom-CustomCDKBucketDeployment… (retained by aws-cdk-lib) and',
    '  /aws/lambda/Greenroom-CustomS3AutoDeleteObjects… (created by Lambda at run time); delete them in CloudWatch Logs',
    '  if you no longer want them (they hold only upload and clean-up logs).',
    'Also kept: the CDK bootstrap stack (CDKToolkit) and its assets bucket, shared with other CDK apps.',
    'Deleted: both buckets with their contents (the build and the access logs), the distribution, the identity pool,',
    '  the app client, the login domain and the IAM roles; in every configured region the stage-events API, its',
    '  EventBridge rule, the forwarder function and its log group.',
  ];
}

function main(args: string[]): number {
  const readContext = (file: string): Record<string, unknown> => {
    const f = resolve(INFRA_DIR, file);
    if (!existsSync(f)) return {};
    const json = JSON.parse(readFileSync(f, 'utf8')) as { context?: Record<string, unknown> } & Record<string, unknown>;
    return file === 'cdk.json' ? (json.context ?? {}) : json;
  };
  const retain = retainUserPoolFrom(args, { ...readContext('cdk.json'), ...readContext('cdk.context.json') });
  if (typeof retain === 'string') {
    console.error(`retainUserPool: "${retain}" must be true or false.`);
    return 2;
  }
  const cdk = resolve(INFRA_DIR, 'node_modules/aws-cdk/bin/cdk');
  // --all: the Greenroom stack and every GreenroomEvents-<region> stack (CDK deletes the Greenroom stack first).
  const r = spawnSync(process.execPath, [cdk, 'destroy', '--all', ...args], { stdio: 'inherit', cwd: INFRA_DIR });
  if (r.status !== 0) return r.status ?? 1;
  console.log(`\n${destroySummary(retain).join('\n')}`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = main(process.argv.slice(2));
}
