// Builds the CDK app: the Greenroom stack in the deployment region, plus one GreenroomEvents-<region> stack for
// every other configured IVS region (IVS sends its events to the default bus of the stage's own region, so the
// rule, the forwarder and that region's Events API must live there). Every stack is checked by cdk-nag's
// AwsSolutions pack; the stage-events constructs need no acknowledgement. Shared by bin/greenroom.ts (the CLI) and the tests, so the tests synthesize exactly what
// `cdk deploy --all` would.
import { App, Stack, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { GreenroomStack } from './greenroom-stack.ts';
import { readParams } from './params.ts';
import { StageEvents } from './stage-events.ts';

export type GreenroomApp = { app: App; stack: GreenroomStack; eventStacks: Stack[] };

export const eventsStackName = (region: string): string => `GreenroomEvents-${region}`;

export function buildApp(env: { account: string; region: string }, props: AppProps = {}): GreenroomApp {
  const app = new App(props);
  const p = readParams(app.node, env);
  const eventStacks: Stack[] = [];
  const remoteEvents: Record<string, StageEvents> = {};
  for (const region of p.regions.filter((r) => r !== env.region)) {
    const stack = new Stack(app, eventsStackName(region), {
      env: { account: env.account, region },
      description: `Greenroom: IVS Real-Time stage events of ${region} (EventBridge rule, forwarder Lambda, AppSync Events API)`,
      terminationProtection: false,
      // Its API's endpoints and ARNs go into the Greenroom stack (config.json, CSP, staff policies) in another region.
      crossRegionReferences: true,
    });
    remoteEvents[region] = new StageEvents(stack, 'StageEvents', { stageArns: p.stageArns });
    eventStacks.push(stack);
  }
  const stack = new GreenroomStack(app, 'Greenroom', {
    env,
    description: 'Greenroom: browser console for Amazon IVS Real-Time (hosting, staff sign-in, staff IAM roles, stage events)',
    terminationProtection: false,
    crossRegionReferences: eventStacks.length > 0,
    remoteEvents,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }));
  return { app, stack, eventStacks };
}
