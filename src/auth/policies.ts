// What each staff role may do, for the UI only. IAM (iam/*.json, enforced by the emulator and by AWS)
// is the real enforcement; this map only decides which controls to show.

export type Role = 'producer' | 'support';

/** The read actions both roles' IAM policies allow. */
const READ_ACTIONS = [
  'ListStages',
  'GetStage',
  'GetStageSession',
  'ListStageSessions',
  'GetParticipant',
  'ListParticipants',
  'ListParticipantEvents',
  'ListParticipantReplicas',
  'ListTagsForResource',
] as const;

/** IVS actions each role's IAM policy allows (iam/<role>-policy.json): support reads; producer also acts. */
export const ROLE_ACTIONS: Record<Role, readonly string[]> = {
  support: READ_ACTIONS,
  producer: [
    ...READ_ACTIONS,
    'CreateStage',
    'DeleteStage',
    'UpdateStage',
    'TagResource',
    'UntagResource',
    'CreateParticipantToken',
    'DisconnectParticipant',
    'StartParticipantReplication',
    'StopParticipantReplication',
  ],
};

/** Each mutating control of the console and the IVS actions it needs. */
const POLICY_ACTIONS = {
  'stage:create': ['CreateStage'],
  'stage:edit': ['UpdateStage', 'TagResource', 'UntagResource'],
  'stage:delete': ['DeleteStage'],
  'token:create': ['CreateParticipantToken'],
  'participant:disconnect': ['DisconnectParticipant'],
  'replication:start': ['StartParticipantReplication'],
  'replication:stop': ['StopParticipantReplication'],
} as const satisfies Record<string, readonly string[]>;

export type Policy = keyof typeof POLICY_ACTIONS;

export const POLICIES: Record<Policy, (role: Role | null) => boolean> = Object.fromEntries(
  (Object.entries(POLICY_ACTIONS) as [Policy, readonly string[]][]).map(([policy, actions]) => [
    policy,
    (role: Role | null) => role !== null && actions.every((a) => ROLE_ACTIONS[role].includes(a)),
  ]),
) as Record<Policy, (role: Role | null) => boolean>;

export function can(role: Role | null, policy: Policy): boolean {
  return POLICIES[policy](role);
}

/** Reads the role from the ID token's `cognito:groups`; producer wins when a user is in both groups. */
export function roleOf(groups: unknown): Role | null {
  const list = Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [];
  if (list.includes('producer')) return 'producer';
  if (list.includes('support')) return 'support';
  return null;
}

/** What an operation does, in words, for "your role may not …". */
const ACTION_TEXT: Record<string, string> = {
  CreateStage: 'create stages',
  DeleteStage: 'delete stages',
  UpdateStage: 'edit stages',
  TagResource: 'change tags',
  UntagResource: 'change tags',
  CreateParticipantToken: 'create participant tokens',
  DisconnectParticipant: 'disconnect participants',
  StartParticipantReplication: 'start participant replication',
  StopParticipantReplication: 'stop participant replication',
};

export function actionText(operation: string | undefined): string {
  if (!operation) return 'do this';
  return ACTION_TEXT[operation] ?? `call ${operation}`;
}

/** The message for an AccessDenied answer: who may not do what, and whom to ask. */
export function deniedMessage(role: Role | null, operation: string | undefined): string {
  const what = actionText(operation);
  if (role === 'support') return `Your role (support) may not ${what} — ask a producer.`;
  if (role === 'producer') return `Your role (producer) may not ${what} — ask an administrator to check the producer IAM policy.`;
  return `Your account has no staff role and may not ${what} — ask an administrator to add you to the producer or support group.`;
}
