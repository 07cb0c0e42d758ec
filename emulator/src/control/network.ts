// The control API's handle on a participant's simulated link: a spell of poor network starts, or the current one
// ends. Metrics follow (quality.ts); the spell is kept on the participant record, so it persists with the state.
import { type Body, ControlError, requireString } from './input.ts';
import { parseArn } from '../state/arn.ts';
import type { World } from '../state/world.ts';

export function setNetwork(world: World, body: Body): Record<string, unknown> {
  const stageArn = requireString(body, 'stageArn');
  const participantId = requireString(body, 'participantId');
  const severity = body.severity;
  if (typeof severity !== 'number' || !Number.isFinite(severity) || severity < 0 || severity > 1) {
    throw new ControlError(400, 'severity must be a number from 0 (the link is fine again) to 1 (nothing gets through).');
  }
  const durationMs = body.durationMs;
  if (durationMs !== undefined && (typeof durationMs !== 'number' || !Number.isFinite(durationMs) || durationMs <= 0)) {
    throw new ControlError(400, 'durationMs must be a positive number of milliseconds, or left out for a spell that lasts until severity 0.');
  }
  const arn = parseArn(stageArn);
  if (!arn || arn.type !== 'stage') throw new ControlError(400, `stageArn "${stageArn}" is not a stage ARN.`);
  const backend = world.backend(arn.accountId, arn.region);
  const stage = backend?.stage(stageArn);
  if (!backend || !stage) throw new ControlError(404, `Stage ${stageArn} does not exist.`);
  const session = backend.activeSession(stage);
  const p = session?.index.get(participantId);
  if (!p) throw new ControlError(404, `Participant ${participantId} is not in the live session of ${stageArn}.`);
  const now = world.clock.now();
  const spells = (p.network ??= []);
  // A new spell (or severity 0) ends the one in progress: one link has one condition at a time.
  for (const s of spells) if (s.to === undefined || s.to > now) s.to = now;
  if (severity > 0) spells.push({ from: now, severity, ...(durationMs !== undefined ? { to: now + durationMs } : {}) });
  backend.changed();
  return { participantId, stageArn, network: spells.map((s) => ({ ...s })) };
}
