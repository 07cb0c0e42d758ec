import {
  IVSRealTimeClient,
  type IVSRealTimeClientResolvedConfig,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-ivs-realtime';
import type { AwsCredentialIdentityProvider, Command } from '@smithy/types';
import type { AppConfig, Region, RegionConfig } from '../config/schema';
import { AppError, toAppError } from './errors';
import { createCredentials } from './credentials';

export type IvsCommand<I extends ServiceInputTypes, O extends ServiceOutputTypes> = Command<
  ServiceInputTypes,
  I,
  ServiceOutputTypes,
  O,
  IVSRealTimeClientResolvedConfig
>;

export type AwsLayer = {
  readonly regions: readonly Region[];
  /** Sends one IVS Real-Time command; every failure comes back as an AppError. */
  send<I extends ServiceInputTypes, O extends ServiceOutputTypes>(
    region: Region,
    command: IvsCommand<I, O>,
    signal?: AbortSignal,
  ): Promise<Omit<O, '$metadata'>>;
};

// Retry has one owner (P8): the SDK retries throttling, 5xx and network failures up to
// SDK_MAX_ATTEMPTS in total; react-query adds at most one more round (query/queryClient.ts).
// SDK maxAttempts 3 × 2 = at most 6 requests; change both together.
export const SDK_MAX_ATTEMPTS = 3;

export function createAwsLayer(
  config: AppConfig,
  credentialsFor: (region: RegionConfig) => AwsCredentialIdentityProvider = createCredentials,
): AwsLayer {
  const clients = new Map<Region, IVSRealTimeClient>();
  const byId = new Map(config.regions.map((r) => [r.id, r]));

  function client(region: Region): IVSRealTimeClient {
    const existing = clients.get(region);
    if (existing) return existing;
    const rc = byId.get(region);
    if (!rc) throw new AppError('validation', `Region ${region} is not configured in config.json.`, { retryable: false });
    const created = new IVSRealTimeClient({
      region: rc.id,
      credentials: credentialsFor(rc),
      maxAttempts: SDK_MAX_ATTEMPTS,
      ...(rc.ivsEndpoint ? { endpoint: rc.ivsEndpoint } : {}),
    });
    clients.set(region, created);
    return created;
  }

  return {
    regions: config.regions.map((r) => r.id),
    async send(region, command, signal) {
      try {
        const { $metadata: _m, ...out } = await client(region).send(command, { abortSignal: signal });
        return out;
      } catch (e) {
        throw toAppError(e);
      }
    },
  };
}
