// The target of the contract suite: this emulator (the default, in `npm test`) or a real AWS account
// (`npm run test:aws`, which sets GREENROOM_CONTRACT_TARGET=aws). The contract tests are written once against this
// interface, so the list of checks run against AWS is the very code run against the emulator.
//
// Only safe calls go through it: stages named with this run's prefix (and deleted again, even when a test fails),
// tokens, tags, session listings, errors and pagination. Nothing here starts media, recordings or replications.
import { CreateStageCommand, type CreateStageCommandInput, DeleteStageCommand, IVSRealTimeClient, ListStagesCommand, type Stage } from '@aws-sdk/client-ivs-realtime';
import { paceClient, Pacer } from '../../src/control/pacer.ts';
import { startEmulator } from '../support.ts';

export const TARGET_ENV = 'GREENROOM_CONTRACT_TARGET';
export const PREFIX_ENV = 'GREENROOM_CONTRACT_PREFIX';

export type Target = {
  kind: 'emulator' | 'aws';
  region: string;
  /** A second region, for ARNs and stages of a region the call was not made in. */
  otherRegion: string;
  accountId: string;
  /** Paced under AWS's rate limits; one attempt, so every answer is the service's first. */
  ivs(region?: string): IVSRealTimeClient;
  /** A stage name unique to this run (AWS: the run's prefix, which the clean-up sweep looks for). */
  name(label: string): string;
  /** Creates a stage that close() deletes. */
  createStage(label: string, input?: Omit<CreateStageCommandInput, 'name'>, region?: string): Promise<Stage & { arn: string }>;
  /** An ARN of this account with the form of a stage that does not exist. */
  missingStageArn(region?: string): string;
  /** Deletes every stage this target created (the test:aws script sweeps the run's prefix once more at the end). */
  close(): Promise<void>;
};

export function targetKind(): 'emulator' | 'aws' {
  return process.env[TARGET_ENV] === 'aws' ? 'aws' : 'emulator';
}

/** Deletes every stage named with `prefix` in `region`; returns how many. Used by close() and by the test:aws script. */
export async function sweepStages(ivs: IVSRealTimeClient, prefix: string): Promise<number> {
  let nextToken: string | undefined;
  const doomed: string[] = [];
  do {
    const page = await ivs.send(new ListStagesCommand({ maxResults: 100, nextToken }));
    for (const s of page.stages ?? []) if (s.arn && s.name?.startsWith(prefix)) doomed.push(s.arn);
    nextToken = page.nextToken;
  } while (nextToken);
  for (const arn of doomed) await ivs.send(new DeleteStageCommand({ arn })).catch(() => undefined);
  return doomed.length;
}

export async function openTarget(): Promise<Target> {
  const kind = targetKind();
  const pacer = new Pacer();
  const created: { arn: string; region: string }[] = [];
  let region: string;
  let otherRegion: string;
  let prefix: string;
  let stopEmulator: () => Promise<void> = async () => {};
  let make: (r: string) => IVSRealTimeClient;

  if (kind === 'aws') {
    region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? '';
    if (!region) throw new Error('The AWS target needs AWS_REGION (the test:aws script checks this first).');
    otherRegion = process.env.GREENROOM_CONTRACT_OTHER_REGION ?? (region === 'us-west-2' ? 'us-east-1' : 'us-west-2');
    prefix = process.env[PREFIX_ENV] ?? `greenroom-contract-${Date.now().toString(36)}`;
    make = (r) => new IVSRealTimeClient({ region: r, maxAttempts: 1 });
  } else {
    const t = await startEmulator();
    region = 'us-east-1';
    otherRegion = 'us-west-2';
    prefix = 'contract';
    stopEmulator = () => t.stop();
    make = (r) => t.ivs(r, undefined, { unpaced: true });
  }
  const clients = new Map<string, IVSRealTimeClient>();
  const ivs = (r = region) => {
    let c = clients.get(r);
    if (!c) clients.set(r, (c = paceClient(make(r), pacer)));
    return c;
  };
  let n = 0;
  const name = (label: string) => `${prefix}-${label}-${(n++).toString(36)}`.slice(0, 128);
  const createStage: Target['createStage'] = async (label, input = {}, r = region) => {
    const out = await ivs(r).send(new CreateStageCommand({ ...input, name: name(label) }));
    const arn = out.stage?.arn;
    if (!arn) throw new Error('CreateStage returned no ARN');
    created.push({ arn, region: r });
    return { ...out.stage, arn };
  };
  // The account is read from the first stage's ARN (no STS client needed).
  const anchor = await createStage('anchor');
  const accountId = anchor.arn.split(':')[4];

  return {
    kind,
    region,
    otherRegion,
    accountId,
    ivs,
    name,
    createStage,
    missingStageArn: (r = region) => `arn:aws:ivs:${r}:${accountId}:stage/zzzzMissing1`,
    async close() {
      try {
        for (const { arn, region: r } of created) await ivs(r).send(new DeleteStageCommand({ arn })).catch(() => undefined);
      } finally {
        clients.forEach((c) => c.destroy());
        await stopEmulator();
      }
    },
  };
}
