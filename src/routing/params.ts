// The kinds of path parameter a route may declare, each parsed and checked here once. A route pattern names
// its parameters (`:region`, `:stageArn` …); the route table's types only accept names listed in ParamTypes,
// and a link whose parameters fail these checks opens the bad-link page with every problem in words.
import type { Region } from '../config/schema';

/** What each path parameter is once parsed. */
export type ParamTypes = {
  region: Region;
  stageArn: string;
  sessionId: string;
  participantId: string;
};

export type ParamName = keyof ParamTypes;

// Identifier shapes from the IVS model, anchored here once.
export const STAGE_ARN = /^arn:aws:ivs:([a-z0-9-]+):(\d{12}):stage\/([a-zA-Z0-9-]+)$/;
export const SESSION_ID = /^st-[a-zA-Z0-9]{13}$/;
export const PARTICIPANT_ID = /^[a-zA-Z0-9-]{1,64}$/;

export const PARAM_NAMES: readonly ParamName[] = ['region', 'stageArn', 'sessionId', 'participantId'];

/** Problems with a link's parameters, in words; empty when the link is usable. */
export function checkParams(p: Partial<Record<ParamName, string>>, regions: readonly Region[]): string[] {
  const problems: string[] = [];
  if (p.region !== undefined && !regions.includes(p.region)) {
    problems.push(`Region "${p.region}" is not one of the configured regions (${regions.join(', ')}).`);
  }
  if (p.stageArn !== undefined) {
    const m = STAGE_ARN.exec(p.stageArn);
    if (!m) problems.push(`"${p.stageArn}" is not a stage ARN (arn:aws:ivs:<region>:<account>:stage/<id>).`);
    else if (p.region !== undefined && m[1] !== p.region) {
      problems.push(`The stage ARN belongs to region ${m[1]}, but the link says ${p.region}.`);
    }
  }
  if (p.sessionId !== undefined && !SESSION_ID.test(p.sessionId)) {
    problems.push(`"${p.sessionId}" is not a session id (st- followed by 13 letters or digits).`);
  }
  if (p.participantId !== undefined && !PARTICIPANT_ID.test(p.participantId)) {
    problems.push(`"${p.participantId}" is not a participant id (1 to 64 letters, digits or hyphens).`);
  }
  return problems;
}
