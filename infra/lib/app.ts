// Builds the CDK app: one Greenroom stack, checked by cdk-nag's AwsSolutions pack. Shared by bin/greenroom.ts
// (the CLI) and the tests, so the tests synthesize exactly what `cdk deploy` would.
import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { GreenroomStack } from './greenroom-stack.ts';

export type GreenroomApp = { app: App; stack: GreenroomStack };

export function buildApp(env: { account: string; region: string }, props: AppProps = {}): GreenroomApp {
  const app = new App(props);
  const stack = new GreenroomStack(app, 'Greenroom', {
    env,
    description: 'Greenroom: browser console for Amazon IVS Real-Time (hosting, staff sign-in, staff IAM roles)',
    terminationProtection: false,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }));
  return { app, stack };
}
