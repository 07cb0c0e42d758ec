// What a replication change says in the notice region: the participant by user id (and display name) and the
// destination stage by name, with a link to the destination stage, where the replica now is (or is no longer).
import { useQueryClient } from '@tanstack/react-query';
import type { AppError } from '../../aws/errors';
import type { Region, ReplicationKey } from '../../aws/types';
import { participantWords, stageWords } from '../../components/noticeWords';
import { href } from '../../routing/route';
import { useNotify, type NoticeInput } from '../../query/notices';
import { cachedParticipant, cachedStageName } from '../../query/stageNames';
import type { StartOutcome } from './mutations';
import type { FanOutResults } from './fanOut';

type Words = { who: string; dest: string; link: NoticeInput['link'] };

export type ReplicationNotices = {
  started(v: ReplicationKey, outcome: StartOutcome): void;
  notStarted(v: ReplicationKey, error: AppError): void;
  stopped(v: ReplicationKey): void;
  fannedOut(v: Omit<ReplicationKey, 'destinationStageArn'>, results: FanOutResults): void;
};

/** `armed`: the start was fired by an armed replication, not by a click, so the notice says so first. */
export function useReplicationNotices(region: Region, armed = false): ReplicationNotices {
  const qc = useQueryClient();
  const notify = useNotify();
  const prefix = armed ? 'Armed replication fired: ' : '';
  const words = (v: ReplicationKey): Words => {
    const dest = stageWords(v.destinationStageArn, cachedStageName(qc, v.destinationStageArn));
    return {
      who: participantWords(v.participantId, cachedParticipant(qc, region, v.participantId)),
      dest,
      link: { href: href('/regions/:region/stages/:stageArn', { region, stageArn: v.destinationStageArn }), label: `Open stage ${dest}` },
    };
  };
  return {
    started(v, outcome) {
      const { who, dest, link } = words(v);
      if (outcome.status === 'started') notify({ text: `${prefix}Replication of ${who} into ${dest} started.`, link });
      else if (outcome.reason === 'confirmed') {
        notify({ text: `${prefix}Replication of ${who} into ${dest} is running: IVS did not confirm the request, but lists the replica as active.`, link });
      } else notify({ tone: 'unsure', text: `${prefix}${who} was already being replicated into ${dest}; nothing new was started.`, link });
    },
    notStarted(v, error) {
      const { who, dest, link } = words(v);
      if (error.detail.verified === 'unknown') {
        notify({ tone: 'unsure', text: `${prefix}Not known whether replication of ${who} into ${dest} started (${error.message}). Check its replicas before starting again.`, link });
      } else notify({ tone: 'failed', text: `${prefix}Replication of ${who} into ${dest} did not start: ${error.message}`, link });
    },
    stopped(v) {
      const { who, dest, link } = words(v);
      notify({ text: `Replication of ${who} into ${dest} stopped; the source participant keeps publishing.`, link });
    },
    fannedOut(v, results) {
      if (results.length === 0) return;
      const ok = results.filter((r) => r.status === 'started' || r.status === 'running').length;
      const failed = results.filter((r) => r.status === 'failed');
      const unknown = failed.filter((r) => r.error.detail.verified === 'unknown').length;
      const who = participantWords(v.participantId, cachedParticipant(qc, region, v.participantId));
      const names = results
        .filter((r) => r.status === 'started' || r.status === 'running')
        .map((r) => stageWords(r.destinationStageArn, cachedStageName(qc, r.destinationStageArn)));
      const into = names.length ? ` into ${names.join(', ')}` : '';
      const link = { href: href('/regions/:region/replications', { region }), label: `Replication map of ${region}` };
      if (failed.length === 0) notify({ text: `Fan-out of ${who}: replication${into} started (${ok} of ${results.length} stages).`, link });
      else {
        notify({
          tone: unknown ? 'unsure' : 'failed',
          text: `Fan-out of ${who}: ${ok} of ${results.length} started${into}; ${failed.length} did not${unknown ? ` or may not have (${unknown} unknown: check before starting again)` : ''}. The fan-out table lists each stage.`,
          link,
        });
      }
    },
  };
}
