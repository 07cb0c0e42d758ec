import { describe, expect, it } from 'vitest';
import { formatAge, formatClock, formatDuration, formatInZone, formatTime, isoTime } from './time';

const at = Date.UTC(2026, 2, 4, 20, 14, 5);

describe('one way to write a time', () => {
  it('shows date and time to the second in the reader\'s locale, the same for an ISO string, a number and a Date', () => {
    const shown = formatTime(new Date(at).toISOString());
    expect(shown).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' }).format(at));
    expect(shown).toMatch(/:14:05/);
    expect(formatTime(at)).toBe(shown);
    expect(formatTime(new Date(at))).toBe(shown);
    expect(formatTime(undefined)).toBe('—');
    expect(formatTime('not a time')).toBe('not a time');
    expect(formatClock(at)).toMatch(/:14:05/);
    expect(shown).toContain(formatClock(at));
  });

  it('writes files in ISO 8601 UTC with a Z, milliseconds only when there are some', () => {
    expect(isoTime(at)).toBe('2026-03-04T20:14:05Z');
    expect(isoTime('2026-03-04T21:14:05+01:00')).toBe('2026-03-04T20:14:05Z');
    expect(isoTime(at + 250)).toBe('2026-03-04T20:14:05.250Z');
    expect(isoTime('garbage')).toBe('garbage');
    expect(formatInZone(at, 'Europe/Berlin')).toBe('04/03/2026, 21:14:05 CET');
    expect(formatInZone(at, 'UTC')).toBe('04/03/2026, 20:14:05 UTC');
  });

  it('says ages and durations in seconds, then minutes, then hours', () => {
    expect(formatAge(at, at + 12_400)).toBe('12 s ago');
    expect(formatAge(at, at - 5_000)).toBe('0 s ago');
    expect(formatAge(at, at + 185_000)).toBe('3 min ago');
    expect(formatAge(at, at + 2 * 3600_000 + 60_000)).toBe('2 h ago');
    expect(formatDuration(12_900)).toBe('12 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
    expect(formatDuration(2 * 3600_000 + 5 * 60_000)).toBe('2 h 05 min');
    expect(formatDuration(-1)).toBe('0 s');
  });
});
