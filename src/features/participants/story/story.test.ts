import { describe, expect, it } from 'vitest';
import type { Participant, ParticipantEvent } from '../../../aws/types';
import { eventLine, filterStory, kindOf, mergeStory, storyFileName, storyToJson, storyToText, type StoryConnection } from './story';

const SRC = 'arn:aws:ivs:us-east-1:123456789012:stage/srcStage0001';
const DST = 'arn:aws:ivs:us-east-1:123456789012:stage/dstStage0001';
const S1 = 'st-aaaaaaaaaaaaa';
const D1 = 'st-ddddddddddddd';
const t = (s: number): string => new Date(Date.UTC(2026, 2, 4, 20, 14, s)).toISOString();
const ev = (name: string, s: number, extra: Partial<ParticipantEvent> = {}): ParticipantEvent => ({ name, eventTime: t(s), replica: false, ...extra });
const person = (participantId: string, extra: Partial<Participant> = {}): Participant => ({
  participantId, userId: 'maria-42', published: true, replicationType: 'NONE', attributes: {}, osName: 'macOS', browserName: 'Chrome', ...extra,
});

function connections(): StoryConnection[] {
  return [
    // Given out of order, events newest first, as IVS may list them.
    { key: { stageArn: SRC, sessionId: S1, participantId: 'p-second' }, role: 'user', focus: false, participant: person('p-second'), events: [ev('PUBLISH_STARTED', 41), ev('JOINED', 40)] },
    { key: { stageArn: DST, sessionId: D1, participantId: 'p-first' }, role: 'replica', focus: false, participant: person('p-first', { replicationType: 'REPLICA', sourceSessionId: S1 }), events: [ev('LEFT', 20, { replica: true }), ev('JOINED', 5, { replica: true })] },
    {
      key: { stageArn: SRC, sessionId: S1, participantId: 'p-first' }, role: 'user', focus: true, participant: person('p-first', { replicationType: 'SOURCE' }),
      events: [ev('LEFT', 20), ev('PUBLISH_ERROR', 10, { errorCode: 'BITRATE_EXCEEDED' }), ev('REPLICATION_STARTED', 5, { destinationStageArn: DST, destinationSessionId: D1 }), ev('JOINED', 0)],
    },
  ];
}

describe('merged participant story', () => {
  it('orders connections by time, puts each replica after its source and shows the reconnect gap', () => {
    const story = mergeStory('us-east-1', { stageArn: SRC, sessionId: S1, participantId: 'p-first' }, connections());
    expect(story.items.map((i) => (i.type === 'gap' ? `gap ${i.gap.seconds}s → ${i.gap.nextParticipantId}` : `${i.group.number} ${i.group.label} ${i.group.connection.key.participantId}`))).toEqual([
      '1 Connection 1 of 2, source p-first',
      '2 Replica in stage dstStage0001 p-first',
      'gap 20s → p-second',
      '3 Connection 2 of 2 p-second',
    ]);
    const first = story.items[0];
    expect(first?.type === 'group' && first.group.events.map((e) => e.name)).toEqual(['JOINED', 'REPLICATION_STARTED', 'PUBLISH_ERROR', 'LEFT']);
    expect(story.userId).toBe('maria-42');
  });

  it('filters by event kind but keeps every connection and gap', () => {
    const story = mergeStory('us-east-1', { stageArn: SRC, sessionId: S1, participantId: 'p-first' }, connections());
    const errorsOnly = filterStory(story, new Set(['error']));
    expect(errorsOnly.items).toHaveLength(4);
    expect(errorsOnly.items.flatMap((i) => (i.type === 'group' ? i.group.events.map((e) => e.name) : []))).toEqual(['PUBLISH_ERROR']);
    expect(kindOf({ name: 'SUBSCRIBE_STOPPED' })).toBe('subscribe');
    expect(kindOf({ name: 'JOIN_ERROR', errorCode: 'QUOTA_EXCEEDED' })).toBe('error');
  });

  it('the text export holds ids, UTC and local times, client info, each line the page shows and next steps for errors', () => {
    const story = mergeStory('us-east-1', { stageArn: SRC, sessionId: S1, participantId: 'p-first' }, connections());
    const text = storyToText(story, { generatedAt: t(59), timeZone: 'Europe/Berlin' });
    expect(text).toContain(`Stage: ${SRC}`);
    expect(text).toContain('User id: maria-42');
    expect(text).toContain('client: OS macOS, browser Chrome');
    expect(text).toContain('2026-03-04T20:14:10Z PUBLISH_ERROR (error BITRATE_EXCEEDED)  [local 04/03/2026, 21:14:10 CET]');
    expect(text).toMatch(/Next step: .*bitrate/);
    expect(text).toContain('--- Reconnected after 20 s as participant p-second ---');
    // Every event line appears, in story order.
    const lines = story.items.flatMap((i) => (i.type === 'group' ? i.group.events.map((e) => eventLine(e)) : []));
    let at = 0;
    for (const l of lines) {
      const found = text.indexOf(l, at);
      expect(found, l).toBeGreaterThanOrEqual(at);
      at = found;
    }
    const json = JSON.parse(storyToJson(story, { generatedAt: t(59) })) as { items: { type: string; events?: { line: string; nextStep?: string }[] }[] };
    expect(json.items.map((i) => i.type)).toEqual(['connection', 'connection', 'gap', 'connection']);
    expect(json.items[0]?.events?.[2]?.nextStep).toMatch(/bitrate/);
  });

  it('export file names are safe whatever the ids hold', () => {
    expect(storyFileName({ stageArn: SRC, sessionId: S1, participantId: '../../etc/passwd;rm' }, '2026-03-04T20:14:59.000Z', 'txt')).toBe(
      'greenroom-story-etc-passwd-rm-srcStage0001-20260304201459.txt',
    );
  });

  it('the text export escapes control, bidi and line-break characters, so a hostile user id cannot forge a line', () => {
    const forged = 'maria-42\nUser id: admin\r\n== 9. Connection 9 of 9 ==\u2028\u0000\u202E';
    const hostile = person('p-first', { userId: forged, osName: 'mac\u202EOS\nISP evil', browserName: 'Chrome\u{E0020}', ispName: 'isp\u2029x', sdkVersion: '1.0\u0085' });
    const conns = connections().map((c) => ({ ...c, participant: { ...hostile, participantId: c.key.participantId } }));
    const story = mergeStory('us-east-1', { stageArn: SRC, sessionId: S1, participantId: 'p-first' }, conns);
    const text = storyToText(story, { generatedAt: t(59), timeZone: 'UTC' });
    // The only line breaks are the export's own "\n"; nothing else that moves, hides or reorders text is left.
    for (const c of ['\r', '\u2028', '\u2029', '\u0085', '\u0000', '\u202E', '\u{E0020}']) expect(text).not.toContain(c);
    const lines = text.split('\n');
    const shownId = 'maria-42⟦U+000A⟧User id: admin⟦U+000D⟧⟦U+000A⟧== 9. Connection 9 of 9 ==⟦U+2028⟧⟦U+0000⟧⟦U+202E⟧';
    // One header line and one line per connection; none of them made by the user id.
    expect(lines.filter((l) => l.startsWith('User id:'))).toEqual([`User id: ${shownId}`, ...Array(3).fill(expect.stringMatching(/^User id: maria-42⟦U\+000A⟧.*; client: /))]);
    expect(lines.filter((l) => l.startsWith('=='))).toHaveLength(3);
    expect(text).toContain('client: OS mac⟦U+202E⟧OS⟦U+000A⟧ISP evil, browser Chrome⟦U+E0020⟧, SDK 1.0⟦U+0085⟧, ISP isp⟦U+2029⟧x');
    // The JSON export keeps the exact values, with the hidden characters \u-escaped rather than raw.
    const json = storyToJson(story, { generatedAt: t(59) });
    expect(json).not.toMatch(/[\u2028\u2029\u0085\u202E\u{E0020}]/u);
    expect((JSON.parse(json) as { userId: string }).userId).toBe(forged);
  });

  describe('causal order of events with the same timestamp', () => {
    // IVS gives times to the second: a quick publisher can join, publish, stop and leave within one second,
    // and the list may come newest first or shuffled.
    const sameSecond = (): StoryConnection[] => [
      {
        key: { stageArn: SRC, sessionId: S1, participantId: 'p-quick' },
        role: 'user',
        focus: true,
        participant: person('p-quick', { state: 'DISCONNECTED', replicationType: 'SOURCE' }),
        events: [
          ev('PUBLISH_STOPPED', 7),
          ev('LEFT', 7),
          ev('SUBSCRIBE_STARTED', 3, { remoteParticipantId: 'p-other' }),
          ev('REPLICATION_STOPPED', 7, { destinationStageArn: DST, destinationSessionId: D1 }),
          ev('PUBLISH_STARTED', 3),
          ev('REPLICATION_STARTED', 3, { destinationStageArn: DST, destinationSessionId: D1 }),
          ev('JOINED', 3),
          ev('SUBSCRIBE_STOPPED', 7, { remoteParticipantId: 'p-other' }),
        ],
      },
      {
        key: { stageArn: DST, sessionId: D1, participantId: 'p-quick' },
        role: 'replica',
        focus: false,
        participant: person('p-quick', { state: 'DISCONNECTED', replicationType: 'REPLICA', replicationState: 'STOPPED', sourceStageArn: SRC, sourceSessionId: S1 }),
        events: [ev('LEFT', 7, { replica: true }), ev('PUBLISH_STARTED', 3, { replica: true }), ev('PUBLISH_STOPPED', 7, { replica: true }), ev('JOINED', 3, { replica: true })],
      },
    ];
    const natural = ['JOINED', 'PUBLISH_STARTED', 'SUBSCRIBE_STARTED', 'REPLICATION_STARTED', 'REPLICATION_STOPPED', 'SUBSCRIBE_STOPPED', 'PUBLISH_STOPPED', 'LEFT'];

    it('the merged story puts JOINED first and LEFT last within one second, whatever order IVS lists them in', () => {
      const story = mergeStory('us-east-1', { stageArn: SRC, sessionId: S1, participantId: 'p-quick' }, sameSecond());
      const groups = story.items.flatMap((i) => (i.type === 'group' ? [i.group] : []));
      expect(groups.map((g) => g.events.map((e) => e.name))).toEqual([natural, ['JOINED', 'PUBLISH_STARTED', 'PUBLISH_STOPPED', 'LEFT']]);
      // Reversed input gives the same story: the order comes from the events, not from the list.
      const reversed = sameSecond().map((c) => ({ ...c, events: [...c.events].reverse() }));
      const again = mergeStory('us-east-1', { stageArn: SRC, sessionId: S1, participantId: 'p-quick' }, reversed);
      expect(again.items.flatMap((i) => (i.type === 'group' ? [i.group.events.map((e) => e.name)] : []))).toEqual(groups.map((g) => g.events.map((e) => e.name)));
      expect(groups[0]?.end).toBe(t(7));
    });

    it('the text and JSON exports keep that order', () => {
      const story = mergeStory('us-east-1', { stageArn: SRC, sessionId: S1, participantId: 'p-quick' }, sameSecond());
      const text = storyToText(story, { generatedAt: t(59), timeZone: 'UTC' });
      const first = text.split('== 2.')[0] ?? '';
      const names = first.split('\n').flatMap((l) => /^ {2}\S+Z (\w+)/.exec(l)?.slice(1) ?? []);
      expect(names).toEqual(natural);
      const json = JSON.parse(storyToJson(story, { generatedAt: t(59) })) as { items: { events: { name: string }[] }[] };
      expect(json.items.map((i) => i.events.map((e) => e.name))).toEqual([natural, ['JOINED', 'PUBLISH_STARTED', 'PUBLISH_STOPPED', 'LEFT']]);
    });

    it('events across seconds given out of order are sorted by time first, then by their natural order', () => {
      const conns: StoryConnection[] = [
        {
          key: { stageArn: SRC, sessionId: S1, participantId: 'p-x' },
          role: 'user',
          focus: true,
          participant: person('p-x'),
          events: [ev('LEFT', 9), ev('SUBSCRIBE_STARTED', 2, { remoteParticipantId: 'p-y' }), ev('JOINED', 1), ev('PUBLISH_STOPPED', 6), ev('PUBLISH_STARTED', 2)],
        },
      ];
      const story = mergeStory('us-east-1', { stageArn: SRC, sessionId: S1, participantId: 'p-x' }, conns);
      const g = story.items[0];
      expect(g?.type === 'group' && g.group.events.map((e) => `${e.name}@${new Date(e.eventTime ?? '').getUTCSeconds()}`)).toEqual([
        'JOINED@1',
        'PUBLISH_STARTED@2',
        'SUBSCRIBE_STARTED@2',
        'PUBLISH_STOPPED@6',
        'LEFT@9',
      ]);
    });
  });

  describe('a participant still connected', () => {
    const live = (): StoryConnection[] => [
      {
        key: { stageArn: SRC, sessionId: S1, participantId: 'p-live' },
        role: 'user',
        focus: true,
        participant: person('p-live', { state: 'CONNECTED' }),
        events: [ev('PUBLISH_STARTED', 4), ev('JOINED', 2)],
      },
      {
        key: { stageArn: SRC, sessionId: S1, participantId: 'p-gone' },
        role: 'user',
        focus: false,
        participant: person('p-gone', { state: 'DISCONNECTED' }),
        events: [ev('LEFT', 1), ev('JOINED', 0)],
      },
    ];

    it('has no end in the story, and its exports say it is still connected at the export time', () => {
      const story = mergeStory('us-east-1', { stageArn: SRC, sessionId: S1, participantId: 'p-live' }, live());
      const groups = story.items.flatMap((i) => (i.type === 'group' ? [i.group] : []));
      expect(groups.map((g) => [g.connection.key.participantId, g.connected, g.end])).toEqual([
        ['p-gone', false, t(1)],
        ['p-live', true, undefined],
      ]);
      const text = storyToText(story, { generatedAt: t(59), timeZone: 'UTC' });
      expect(text).toContain('From 2026-03-04T20:14:02Z, still connected at 2026-03-04T20:14:59Z');
      expect(text).toContain('From 2026-03-04T20:14:00Z to 2026-03-04T20:14:01Z');
      // The last event of a connected participant is never given as its end.
      expect(text).not.toContain('to 2026-03-04T20:14:04Z');
      const json = JSON.parse(storyToJson(story, { generatedAt: t(59) })) as { items: { participantId?: string; end: string | null; stillConnectedAt: string | null }[] };
      const byId = Object.fromEntries(json.items.filter((i) => i.participantId).map((i) => [i.participantId, { end: i.end, stillConnectedAt: i.stillConnectedAt }]));
      expect(byId).toEqual({ 'p-gone': { end: t(1), stillConnectedAt: null }, 'p-live': { end: null, stillConnectedAt: t(59) } });
    });
  });
});
