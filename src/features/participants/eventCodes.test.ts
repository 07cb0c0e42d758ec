import { describe, expect, it } from 'vitest';
import { ERROR_CODES, EVENT_NAMES, explainErrorCode } from './eventCodes';
import { formatFilter, parseFilter } from './table/filters';

describe('event texts', () => {
  it('explains every error code IVS defines in a sentence', () => {
    const codes = [
      'INSUFFICIENT_CAPABILITIES', 'QUOTA_EXCEEDED', 'PUBLISHER_NOT_FOUND', 'BITRATE_EXCEEDED', 'RESOLUTION_EXCEEDED',
      'STREAM_DURATION_EXCEEDED', 'INVALID_AUDIO_CODEC', 'INVALID_VIDEO_CODEC', 'INVALID_PROTOCOL', 'INVALID_STREAM_KEY',
      'REUSE_OF_STREAM_KEY', 'B_FRAME_PRESENT', 'INVALID_INPUT', 'INTERNAL_SERVER_EXCEPTION',
    ];
    expect(Object.keys(ERROR_CODES).sort()).toEqual([...codes].sort());
    for (const c of codes) expect(explainErrorCode(c)).toMatch(/^[A-Z].+\.$/);
    expect(Object.keys(EVENT_NAMES)).toHaveLength(12);
  });

  it('still says something for a code it does not know', () => {
    expect(explainErrorCode('NEW_CODE')).toMatch(/NEW_CODE/);
  });
});

describe('participant filters in the URL', () => {
  it('round-trips each filter kind and ignores junk', () => {
    for (const raw of ['state:CONNECTED', 'published', 'userId:alice', 'recordingState:ACTIVE']) {
      expect(formatFilter(parseFilter(raw))).toBe(raw);
    }
    expect(parseFilter('state:SLEEPING')).toEqual({ kind: 'none' });
    expect(parseFilter('recordingState:DISABLED')).toEqual({ kind: 'none' });
  });
});
