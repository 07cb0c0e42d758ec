import { describe, expect, it } from 'vitest';
import producerPolicy from '../../iam/producer-policy.json?raw';
import supportPolicy from '../../iam/support-policy.json?raw';
import { can, deniedMessage, POLICIES, ROLE_ACTIONS, roleOf, type Role } from './policies';

type Statement = { Effect: 'Allow' | 'Deny'; Action: string | string[] };

/** The ivs: actions a policy document allows (Allow statements minus exact-name Deny). */
function allowed(doc: string): string[] {
  const statements = (JSON.parse(doc) as { Statement: Statement[] }).Statement;
  const list = (s: Statement): string[] => (Array.isArray(s.Action) ? s.Action : [s.Action]);
  const allow = statements.filter((s) => s.Effect === 'Allow').flatMap(list);
  const deny = new Set(statements.filter((s) => s.Effect === 'Deny').flatMap(list));
  return allow.filter((a) => a.startsWith('ivs:') && !deny.has(a)).map((a) => a.slice(4)).sort();
}

describe('role policies', () => {
  it.each<[Role, string]>([
    ['producer', producerPolicy],
    ['support', supportPolicy],
  ])('the UI offers %s exactly what iam/%s-policy.json allows', (role, doc) => {
    expect([...ROLE_ACTIONS[role]].sort()).toEqual(allowed(doc));
  });

  it('gives support no mutating control and producer all of them', () => {
    for (const policy of Object.keys(POLICIES) as (keyof typeof POLICIES)[]) {
      expect(can('support', policy)).toBe(false);
      expect(can('producer', policy)).toBe(true);
      expect(can(null, policy)).toBe(false);
    }
  });

  it('reads the role from cognito:groups', () => {
    expect(roleOf(['support', 'producer'])).toBe('producer');
    expect(roleOf(['support'])).toBe('support');
    expect(roleOf(['admins'])).toBeNull();
    // Exact group names only, as the identity pool's token-based mapping: look-alikes are not producers.
    expect(roleOf(['producer-trainee'])).toBeNull();
    expect(roleOf(['notproducer'])).toBeNull();
    expect(roleOf(['support', 'notproducer'])).toBe('support');
    expect(roleOf(['Producer'])).toBeNull();
    expect(roleOf('producer')).toBeNull();
    expect(roleOf(undefined)).toBeNull();
  });

  it('says who may not do what, and whom to ask', () => {
    expect(deniedMessage('support', 'StartParticipantReplication')).toBe('Your role (support) may not start participant replication — ask a producer.');
    expect(deniedMessage('support', undefined)).toBe('Your role (support) may not do this — ask a producer.');
    expect(deniedMessage('producer', 'DeleteStage')).toMatch(/^Your role \(producer\) may not delete stages/);
  });
});
