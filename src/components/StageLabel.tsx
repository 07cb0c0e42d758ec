import type { ReactNode } from 'react';
import { useStageName } from '../query/stageNames';
import { stageIdOf } from './format';
import { UntrustedText } from './UntrustedText';

/**
 * A stage as people know it: its name, with the id as secondary text (two stages may share a name; the id tells
 * them apart). Until the name is known, or for a stage the list does not hold, the id alone.
 */
export function StageLabel({ arn }: { arn: string }): ReactNode {
  const name = useStageName(arn);
  const id = stageIdOf(arn) || arn;
  if (!name) return <code className="stage-id">{id}</code>;
  return (
    <span className="stage-label">
      <span className="stage-name">
        <UntrustedText value={name} />
      </span>{' '}
      <code className="stage-id muted">{id}</code>
    </span>
  );
}
