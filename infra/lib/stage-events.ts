// Stage events for one IVS region: IVS sends stage, participant-recording and composition changes to the region's
// default EventBridge bus; a rule hands each to a small Lambda that publishes it unchanged to an AppSync Events API
// on the channel /ivs/stage/<stageId>, where the consoles of that region subscribe with their staff credentials.
// EventBridge has no target for AppSync *Events* APIs (its AppSync target calls GraphQL mutations), and an API
// destination would need an API key; the Lambda keeps every mode of the API on IAM.
import { resolve } from 'node:path';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as appsync from 'aws-cdk-lib/aws-appsync';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { INFRA_DIR } from './params.ts';

/** The channel namespace: every channel is /ivs/stage/<stageId>; the staff policies name it (iam/*.json). */
export const EVENTS_NAMESPACE = 'ivs';

/** The IVS detail-types the consoles use (the others concern low-latency channels or publisher recordings). */
export const IVS_DETAIL_TYPES = ['IVS Stage Update', 'IVS Participant Recording State Change', 'IVS Composition State Change'] as const;

export const FORWARDER_DIR = resolve(INFRA_DIR, 'lambda/stage-events');

export type StageEventsProps = {
  /** Days the forwarder's log lines are kept. */
  logRetention?: logs.RetentionDays;
  /**
   * The stages whose events are forwarded (the region's entries of the stackwide stageArns parameter); undefined
   * means every stage of the region. Staff may subscribe to the whole namespace (IAM stops at the namespace), so
   * events of any other stage must never reach the API: they name participants and user ids of stages the staff
   * policies keep out of reach.
   */
  stageArns?: readonly string[];
};

/**
 * The event-pattern matchers for `stageArns` in `region`, or undefined when one of them covers every stage of the
 * region (the default `arn:aws:ivs:<region>:<account>:stage/*`). EventBridge wildcards know `*` only, so a `?` in a
 * stage ARN pattern widens to `*` here (the staff policies still hold it to one character).
 */
export function stageMatchers(region: string, stageArns: readonly string[]): string[] | undefined {
  const mine = stageArns.filter((a) => {
    const r = a.split(':')[3];
    return r === region || r === '*';
  });
  if (mine.length === 0) throw new Error(`stageArns: no stage ARN is in ${region}, a configured region; name its stages or leave ${region} out of regions`);
  if (mine.some((a) => /:stage\/\*$/.test(a))) return undefined;
  return mine.flatMap((a) => (/[*?]/.test(a) ? events.Match.wildcard(a.replace(/\?/g, '*')) : [a]));
}

export class StageEvents extends Construct {
  readonly api: appsync.EventApi;
  readonly namespace: appsync.ChannelNamespace;
  readonly forwarder: lambda.Function;
  /** One rule for every stage of the region, or two (by resources, by detail.stage_arn) for configured stages. */
  readonly rules: events.Rule[];
  /** https://<id>.appsync-api.<region>.amazonaws.com */
  readonly httpEndpoint: string;
  /** wss://<id>.appsync-realtime-api.<region>.amazonaws.com */
  readonly realtimeEndpoint: string;

  constructor(scope: Construct, id: string, props: StageEventsProps = {}) {
    super(scope, id);
    const iamAuth = appsync.AppSyncAuthorizationType.IAM;
    // IAM for connect, subscribe and publish: staff connect and subscribe with their Cognito role's credentials and
    // are denied publishing by their policies; only the forwarder's role may publish. No API key exists.
    this.api = new appsync.EventApi(this, 'Api', {
      apiName: 'greenroom-stage-events',
      authorizationConfig: {
        authProviders: [{ authorizationType: iamAuth }],
        connectionAuthModeTypes: [iamAuth],
        defaultPublishAuthModeTypes: [iamAuth],
        defaultSubscribeAuthModeTypes: [iamAuth],
      },
    });
    this.namespace = this.api.addChannelNamespace('Ivs', {
      channelNamespaceName: EVENTS_NAMESPACE,
      authorizationConfig: { publishAuthModeTypes: [iamAuth], subscribeAuthModeTypes: [iamAuth] },
    });
    this.httpEndpoint = `https://${this.api.httpDns}`;
    this.realtimeEndpoint = `wss://${this.api.realtimeDns}`;

    const logGroup = new logs.LogGroup(this, 'ForwarderLogs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // A role of its own rather than the managed basic-execution policy: it may write to its own log group and
    // publish to the ivs namespace of this API, nothing else.
    const role = new iam.Role(this, 'ForwarderRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Greenroom stage-events forwarder: publish IVS events to the ivs namespace of its AppSync Events API',
      inlinePolicies: {
        publish: new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({ sid: 'PublishStageEvents', actions: ['appsync:EventPublish'], resources: [this.namespace.channelNamespaceArn] }),
            new iam.PolicyStatement({ sid: 'WriteOwnLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }),
          ],
        }),
      },
    });
    this.forwarder = new lambda.Function(this, 'Forwarder', {
      description: 'Greenroom: forwards IVS Real-Time EventBridge events to the AppSync Events channel /ivs/stage/<stageId>',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(FORWARDER_DIR),
      memorySize: 128,
      timeout: Duration.seconds(10),
      role,
      logGroup,
      environment: { EVENTS_HTTP_ENDPOINT: this.httpEndpoint },
      // Two retries within five minutes: a late event only adds a refetch in the consoles, which reconcile by
      // polling anyway, and an older one is not worth delivering.
      retryAttempts: 2,
      maxEventAge: Duration.minutes(5),
    });

    const target = new targets.LambdaFunction(this.forwarder, { retryAttempts: 2, maxEventAge: Duration.minutes(5) });
    const stages = props.stageArns ? stageMatchers(Stack.of(this).region, props.stageArns) : undefined;
    this.rules = stages
      ? [
          // Stage Update and Participant Recording State Change name the stage in `resources`; Composition State
          // Change names the composition there and the stage in detail.stage_arn (field name from third-party
          // copies of AWS's examples, unconfirmed), so it needs a rule of its own.
          new events.Rule(this, 'IvsEvents', {
            description: 'Greenroom: IVS Real-Time stage and participant recording events of the configured stages to the stage-events forwarder',
            eventPattern: { source: ['aws.ivs'], detailType: [IVS_DETAIL_TYPES[0], IVS_DETAIL_TYPES[1]], resources: stages },
            targets: [target],
          }),
          new events.Rule(this, 'IvsCompositionEvents', {
            description: 'Greenroom: IVS Real-Time composition events of the configured stages to the stage-events forwarder',
            eventPattern: { source: ['aws.ivs'], detailType: [IVS_DETAIL_TYPES[2]], detail: { stage_arn: stages } },
            targets: [target],
          }),
        ]
      : [
          new events.Rule(this, 'IvsEvents', {
            description: 'Greenroom: IVS Real-Time stage, participant recording and composition events to the stage-events forwarder',
            eventPattern: { source: ['aws.ivs'], detailType: [...IVS_DETAIL_TYPES] },
            targets: [target],
          }),
        ];
  }
}
