import { StageLabel } from '../../components/StageLabel';
import type { SimpleColumn } from '../../components/SimpleTable';
import type { Region } from '../../aws/types';
import { href } from '../../routing/route';

/** The destination stage of a replication, by name, linked to its page (replica list and fan-out results). */
export function destinationStageColumn<R extends { destinationStageArn: string }>(region: Region): SimpleColumn<R> {
  return {
    key: 'stage',
    header: 'Destination stage',
    render: (r) => (
      <a href={href('/regions/:region/stages/:stageArn', { region, stageArn: r.destinationStageArn })}>
        <StageLabel arn={r.destinationStageArn} />
      </a>
    ),
  };
}
