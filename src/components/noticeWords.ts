// The names a notice gives things, in producer words. Stage names are staff-set and user ids and display names
// are chosen by whoever minted a token: all are revealed and bounded for the plain-text notice.
import { stageIdOf } from './format';
import { untrustedPlain } from './untrusted';

/** "sports-desk", or the stage id when the name is not known (or the stage has none). */
export function stageWords(arn: string, name: string | undefined): string {
  return name ? untrustedPlain(name, 60) : stageIdOf(arn) || arn;
}

/** "host-maya.okafor (Maya Okafor)", "host-maya.okafor", "Maya Okafor", else the participant id. */
export function participantWords(participantId: string, who: { userId?: string; displayName?: string }): string {
  const user = who.userId ? untrustedPlain(who.userId, 60) : undefined;
  const display = who.displayName ? untrustedPlain(who.displayName, 60) : undefined;
  if (user && display && display !== user) return `${user} (${display})`;
  return user ?? display ?? participantId;
}
