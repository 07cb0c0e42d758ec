// Every table in the views is one of the table components, so they all share markup, captions and classes;
// every connection, on-air, replication and recording state is one of the state badges, so each reads the same
// everywhere. These scans fail when a view builds its own.
import { describe, expect, it } from 'vitest';

// Sources are read through Vite's glob; keys are relative to this folder ('../features/…').
const raw = import.meta.glob<string>(['../features/**/*.tsx', '!../features/**/*.test.tsx'], { query: '?raw', import: 'default', eager: true });
const files = Object.entries(raw).map(([k, text]) => ({ name: `src/${k.slice('../'.length)}`, text }));

/** The CSV export writes IVS's raw values on purpose: a spreadsheet wants ACTIVE, not a badge. */
const RAW_VALUES_ALLOWED = new Set(['src/features/participants/table/ParticipantExport.tsx']);

describe('views use the shared table and state components', () => {
  it('finds the views to scan', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.some((f) => f.text.includes('<SimpleTable'))).toBe(true);
  });

  it('no view builds its own <table>', () => {
    const offenders = files.filter((f) => /<table[\s>]/.test(f.text)).map((f) => f.name);
    expect(offenders).toEqual([]);
  });

  it('no view renders a replication or recording state itself', () => {
    const offenders: string[] = [];
    for (const f of files) {
      if (RAW_VALUES_ALLOWED.has(f.name)) continue;
      // Allowed: a comparison or a negation (deciding whether Stop is offered, whether recording is on), a
      // filter's key inside a string, or handing the state to a state badge.
      const re = /([\w?.]*)\b(replicationState|recordingState)\b(.{0,5})/g;
      for (const m of f.text.matchAll(re)) {
        const before = f.text.slice(Math.max(0, (m.index ?? 0) - 7), m.index);
        const after = m[3] ?? '';
        const compared = /^\s*[!=]==/.test(after);
        const handed = /state=\{$/.test(before);
        const negatedOrQuoted = /[!'"`]$/.test(before);
        if (!compared && !handed && !negatedOrQuoted) offenders.push(`${f.name}: ${m[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('no view makes a badge out of a domain state', () => {
    const offenders: string[] = [];
    for (const f of files) {
      for (const m of f.text.matchAll(/<StatusBadge\b[\s\S]*?<\/StatusBadge>/g)) {
        if (/replicationState|recordingState|\.state\b|ACTIVE|STOPPED|CONNECTED|Connected|On air|Recording/.test(m[0])) offenders.push(`${f.name}: ${m[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('catches a hand-built table and a raw state (the scans can fail)', () => {
    expect(/<table[\s>]/.test('<table className="table">')).toBe(true);
    const badge = '<StatusBadge tone="ok">{p.replicationState}</StatusBadge>';
    expect(/replicationState/.test(/<StatusBadge\b[\s\S]*?<\/StatusBadge>/.exec(badge)?.[0] ?? '')).toBe(true);
  });
});
