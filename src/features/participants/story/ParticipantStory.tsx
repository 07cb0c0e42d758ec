import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useAws } from '../../../aws/AwsProvider';
import type { ParticipantKey, Region } from '../../../aws/types';
import { href } from '../../../routing/route';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { Loading } from '../../../components/Loading';
import { StaleBanner } from '../../../components/StaleBanner';
import { ConnectionBadge } from '../../../components/StateBadge';
import { explainErrorCode, explainEvent, nextStepFor } from '../eventCodes';
import { UntrustedText } from '../../../components/UntrustedText';
import { StageLabel } from '../../../components/StageLabel';
import { EVENT_KINDS, eventText, filterStory, gapLine, spanLine, storyFileName, storyToJson, storyToText, type EventKind, type StoryGroup } from './story';
import { RelativeTime } from '../../../components/RelativeTime';
import { formatTime, isoTime } from '../../../query/time';
import { storyQueries } from './storyLoad';

function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

function Group({ g, region, asOf }: { g: StoryGroup; region: Region; asOf: string }): ReactNode {
  const c = g.connection;
  const p = c.participant;
  const id = `story-group-${g.number}`;
  return (
    <section aria-labelledby={id} className={`story-group${c.role === 'replica' ? ' story-replica' : ''}`}>
      <h2 id={id}>
        {/* A replica's heading names its stage as people know it; the export keeps the id-only label. */}
        {c.role === 'replica' ? (
          <>
            {g.number}. Replica in stage <StageLabel arn={c.key.stageArn} />
          </>
        ) : (
          <>
            {g.number}. {g.label}
          </>
        )}
        {c.focus ? ' (this participant)' : ''}
      </h2>
      <p>
        <a href={href('/regions/:region/stages/:stageArn/sessions/:sessionId/participants/:participantId', { region, stageArn: c.key.stageArn, sessionId: c.key.sessionId, participantId: c.key.participantId })}>
          <code>{c.key.participantId}</code>
        </a>{' '}
        in stage <StageLabel arn={c.key.stageArn} />, session <code>{c.key.sessionId}</code>
        {p?.state ? (
          <>
            {' '}
            · <ConnectionBadge state={p.state} replication={p} />
          </>
        ) : null}
      </p>
      {/* On screen in the reader's own format, as every time in the story; the exports write ISO 8601. */}
      <p>{spanLine(g, asOf, (iso) => (iso ? formatTime(iso) : 'time unknown'))}</p>
      <p className="muted">
        Client: <UntrustedText value={[p?.osName, p?.osVersion, p?.browserName, p?.browserVersion, p?.sdkVersion && `SDK ${p.sdkVersion}`, p?.ispName, p?.protocol].filter(Boolean).join(' · ') || 'not reported'} detail />
      </p>
      {g.events.length === 0 ? (
        <p className="empty">No events of the chosen kinds.</p>
      ) : (
        <ol className="timeline" aria-label={`Events of ${g.label}, oldest first`}>
          {g.events.map((e, i) => (
            <li key={`${e.eventTime}-${e.name}-${i}`} className={e.errorCode ? 'timeline-error' : undefined}>
              <div className="timeline-head">
                <strong className="story-line">
                  <time dateTime={e.eventTime}>{formatTime(e.eventTime)}</time> <span className="story-event">{eventText(e)}</span>
                </strong>
              </div>
              <p>{explainEvent(e.name)}</p>
              {e.errorCode ? (
                <p className="error-explained">
                  <strong>Error code {e.errorCode}:</strong> {explainErrorCode(e.errorCode)} <strong>Next step:</strong> {nextStepFor(e.errorCode)}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** One merged story per participant: connections of the user, source and replicas, gaps, errors explained. */
export function ParticipantStory({ region, participantKey: key }: { region: Region; participantKey: ParticipantKey }): ReactNode {
  const aws = useAws();
  const q = useQuery(storyQueries.story(aws, region, key));
  const [kinds, setKinds] = useState<ReadonlySet<EventKind>>(() => new Set(EVENT_KINDS.map((k) => k.kind)));
  const story = q.data ? filterStory(q.data, kinds) : undefined;

  const exportAs = (ext: 'txt' | 'json'): void => {
    if (!story) return;
    const generatedAt = isoTime(new Date());
    const name = storyFileName(key, generatedAt, ext);
    if (ext === 'txt') download(storyToText(story, { generatedAt, kinds }), name, 'text/plain;charset=utf-8');
    else download(storyToJson(story, { generatedAt, kinds }), name, 'application/json');
  };

  let body: ReactNode;
  if (story) {
    body = (
      <>
        <StaleBanner queries={q} section="story" />
        <p>
          User id <code>{story.userId !== undefined ? <UntrustedText value={story.userId} detail /> : '(none)'}</code> · story loaded <RelativeTime at={q.dataUpdatedAt} />
        </p>
        {story.items.map((it) =>
          it.type === 'gap' ? (
            <p key={`gap-${it.gap.nextParticipantId}`} className="banner banner-info story-gap" role="note">
              {gapLine(it.gap)} (from {formatTime(it.gap.from)} to {formatTime(it.gap.to)})
            </p>
          ) : (
            <Group key={`g-${it.group.number}`} g={it.group} region={region} asOf={isoTime(q.dataUpdatedAt)} />
          ),
        )}
      </>
    );
  } else if (q.isError) body = <ErrorPanel error={q.error} onRetry={() => void q.refetch()} title="The story could not be loaded" />;
  else body = <Loading label="Loading the story (paced to stay within the rate limits)" />;

  return (
    <section aria-labelledby="story-title">
      <nav aria-label="Breadcrumb" className="crumbs">
        <a href={href('/regions/:region/stages', { region })}>Stages in {region}</a> / <a href={href('/regions/:region/stages/:stageArn', { region, stageArn: key.stageArn })}><StageLabel arn={key.stageArn} /></a> /{' '}
        <a href={href('/regions/:region/stages/:stageArn/sessions/:sessionId', { region, stageArn: key.stageArn, sessionId: key.sessionId })}>{key.sessionId}</a> /{' '}
        <a href={href('/regions/:region/stages/:stageArn/sessions/:sessionId/participants/:participantId', { region, stageArn: key.stageArn, sessionId: key.sessionId, participantId: key.participantId })}>{key.participantId}</a> / <span>Story</span>
      </nav>
      <div className="page-head">
        <h1 id="story-title">
          Story of participant <code>{key.participantId}</code>
        </h1>
        <button type="button" className="small" onClick={() => void q.refetch()} disabled={q.isFetching}>
          {q.isFetching ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <fieldset className="story-kinds">
        <legend>Event kinds</legend>
        {EVENT_KINDS.map((k) => (
          <label key={k.kind}>
            <input
              type="checkbox"
              checked={kinds.has(k.kind)}
              onChange={(e) =>
                setKinds((s) => {
                  const next = new Set(s);
                  if (e.target.checked) next.add(k.kind);
                  else next.delete(k.kind);
                  return next;
                })
              }
            />{' '}
            {k.label}
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button type="button" onClick={() => exportAs('txt')} disabled={!story}>
          Export text summary
        </button>
        <button type="button" onClick={() => exportAs('json')} disabled={!story}>
          Export JSON
        </button>
      </div>
      {body}
    </section>
  );
}
