import type { ReactNode } from 'react';
import type { ParticipantKey, Region } from '../../aws/types';
import { paths } from '../../config/paths';
import { CliCommand } from '../../components/CliCommand';

/** Links and commands beside a participant's details (issue 8): its merged story, and the AWS CLI equivalents. */
export function ParticipantTools({ region, participantKey: key }: { region: Region; participantKey: ParticipantKey }): ReactNode {
  return (
    <div className="participant-tools">
      <p>
        <a className="button" href={paths.participantStory.getHref(region, key.stageArn, key.sessionId, key.participantId)}>
          Open the merged story
        </a>{' '}
        <span className="muted">(this connection, its replicas or source, and the user’s other connections, with export)</span>
      </p>
      <CliCommand call={{ operation: 'GetParticipant', region, input: { ...key } }} title="AWS CLI: get this participant" />
      <CliCommand call={{ operation: 'ListParticipantEvents', region, input: { ...key } }} title="AWS CLI: list its events" />
    </div>
  );
}
