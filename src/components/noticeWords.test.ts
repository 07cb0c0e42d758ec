import { describe, expect, it } from 'vitest';
import { participantWords, stageWords } from './noticeWords';

describe('names in notices', () => {
  it('words a participant by user id and display name, revealing hidden characters, else by participant id', () => {
    expect(participantWords('p1', { userId: 'host-maya.okafor', displayName: 'Maya Okafor' })).toBe('host-maya.okafor (Maya Okafor)');
    expect(participantWords('p1', { userId: 'host\u202Eevil' })).toBe('host⟦U+202E⟧evil');
    expect(participantWords('p1', {})).toBe('p1');
  });

  it('names a stage by its name, else by its id', () => {
    expect(stageWords('arn:aws:ivs:us-east-1:123456789012:stage/deskSTAGE001', 'sports-desk')).toBe('sports-desk');
    expect(stageWords('arn:aws:ivs:us-east-1:123456789012:stage/deskSTAGE001', undefined)).toBe('deskSTAGE001');
  });
});
