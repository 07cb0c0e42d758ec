// ARNs of IVS Real-Time resources: arn:aws:ivs:<region>:<account>:<type>/<id>.

export const RESOURCE_TYPES = [
  'stage',
  'composition',
  'encoder-configuration',
  'storage-configuration',
  'public-key',
  'ingest-configuration',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export type ParsedArn = { region: string; accountId: string; type: ResourceType; id: string };

const ARN = /^arn:aws:ivs:([a-z0-9-]+):([0-9]+):([a-z-]+)\/([a-zA-Z0-9-]+)$/;

export function parseArn(arn: string): ParsedArn | undefined {
  const m = ARN.exec(arn);
  if (!m) return undefined;
  const type = m[3] as ResourceType;
  if (!RESOURCE_TYPES.includes(type)) return undefined;
  return { region: m[1], accountId: m[2], type, id: m[4] };
}

export function stageArn(region: string, accountId: string, id: string): string {
  return `arn:aws:ivs:${region}:${accountId}:stage/${id}`;
}
