// The config.json deployed next to the app, typed with the app's own schema (src/config/schema.ts) so that a change
// to the schema breaks this file's type check rather than the deployed console.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AppConfig } from '../../src/config/schema.ts';
import { REPO_DIR } from './params.ts';

export type AppConfigInputs = {
  /** IVS regions the console manages. */
  regions: readonly string[];
  /** The stack's region: home of the user pool and the identity pool. */
  homeRegion: string;
  identityPoolId: string;
  userPoolId: string;
  clientId: string;
  domainPrefix: string;
  /** Each region's stage-events (AppSync Events) endpoints; a region without an entry gets none (polling only). */
  events?: Readonly<Record<string, RegionEvents>>;
};

/** Origins (no path) of one region's AppSync Events API: https://<id>.appsync-api… and wss://<id>.appsync-realtime-api…. */
export type RegionEvents = { httpEndpoint: string; realtimeEndpoint: string };

/** Poll intervals are the app's defaults (public/config.json), so production polls as development does. */
export function defaultPollIntervals(): AppConfig['pollIntervalsMs'] {
  const raw = JSON.parse(readFileSync(resolve(REPO_DIR, 'public/config.json'), 'utf8')) as Pick<AppConfig, 'pollIntervalsMs'>;
  return raw.pollIntervalsMs;
}

export const loginDomainUrl = (prefix: string, region: string): string => `https://${prefix}.auth.${region}.amazoncognito.com`;

/**
 * One identity pool serves every IVS region. Identity pools are regional and this is one stack in one region, so the
 * pool lives in the stack's region; its credentials are IAM credentials, which are valid in every region. A region
 * other than the stack's therefore carries the same `identityPoolId` and a `cognitoEndpoint` naming the pool's
 * region, so the app asks the right regional Cognito Identity endpoint for them (GetId and GetCredentialsForIdentity
 * are unsigned, so the client's own region does not matter to them).
 */
export function buildAppConfig(i: AppConfigInputs, pollIntervalsMs = defaultPollIntervals()): AppConfig {
  return {
    regions: i.regions.map((id) => ({
      id,
      identityPoolId: i.identityPoolId,
      ...(id === i.homeRegion ? {} : { cognitoEndpoint: `https://cognito-identity.${i.homeRegion}.amazonaws.com` }),
      ...(i.events?.[id] ? { eventsHttpEndpoint: i.events[id].httpEndpoint, eventsRealtimeEndpoint: i.events[id].realtimeEndpoint } : {}),
    })),
    pollIntervalsMs,
    auth: {
      region: i.homeRegion,
      userPoolId: i.userPoolId,
      clientId: i.clientId,
      // The AWS ("ORIGINAL") issuer: discovery is served by cognito-idp, and the ID token's iss matches the Logins key.
      authority: `https://cognito-idp.${i.homeRegion}.amazonaws.com/${i.userPoolId}`,
      loginDomain: loginDomainUrl(i.domainPrefix, i.homeRegion),
    },
  };
}
