import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { constraints, pagedOperations } from './constraints.generated';
import { ATTRIBUTES_MAX_BYTES, bound, maxPageSize, PAGE_SIZE } from './limits';

describe('model limits', () => {
  it('reads bounds and page sizes from the generated table, and refuses names it does not hold', () => {
    expect(bound('StageName', 'max')).toBe(constraints.StageName?.max);
    expect(maxPageSize('ListParticipants')).toBe(pagedOperations.ListParticipants?.maxPageSize);
    expect(PAGE_SIZE.ListStageSessions).toBe(pagedOperations.ListStageSessions?.defaultPageSize);
    expect(() => bound('NoSuchShape', 'max')).toThrow(/NoSuchShape/);
    expect(() => maxPageSize('NoSuchOperation')).toThrow(/NoSuchOperation/);
  });
});

// A number the model states (a bound of at least 10, a page size, the attributes' byte limit) is read from
// the table; written again by hand in a feature, it would silently disagree after a model change. This scans
// the features' numbers in code, strings, templates and JSX text (not comments).
const MODEL_NUMBERS = new Set<number>(
  [
    ...Object.values(constraints).flatMap((c) => [c.min, c.max]),
    ...Object.values(pagedOperations).flatMap((o) => [o.defaultPageSize, o.maxPageSize]),
    ATTRIBUTES_MAX_BYTES,
  ].filter((n): n is number => n !== undefined && n >= 10),
);

/** Literals that are the same number by coincidence, with the reason. */
const ALLOWED: { file: string; value: number; why: string }[] = [
  { file: 'features/diagnostics/DiagnosticsPanel.tsx', value: 100, why: 'a share shown as a percentage' },
  { file: 'features/participants/story/story.ts', value: 64, why: 'the length of a download file name, not an id' },
];

const sources = import.meta.glob<string>(['../features/**/*.{ts,tsx}', '!../features/**/*.test.{ts,tsx}'], { query: '?raw', import: 'default', eager: true });

function literals(file: string, text: string): { value: number; where: string }[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: { value: number; where: string }[] = [];
  const at = (n: ts.Node): string => `${file}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  const visit = (n: ts.Node): void => {
    if (ts.isNumericLiteral(n)) found.push({ value: Number(n.text), where: at(n) });
    else if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateLiteralToken(n) || ts.isJsxText(n)) {
      for (const m of n.text.matchAll(/\b\d+\b/g)) found.push({ value: Number(m[0]), where: at(n) });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

describe('numbers the model states', () => {
  it('knows the model numbers it guards', () => {
    for (const n of [128, 256, 20160, 100, 1024, 300]) expect(MODEL_NUMBERS.has(n)).toBe(true);
  });

  it('finds literals in code, strings, templates and JSX text, and not in comments', () => {
    const text = [
      'const a = 128;',
      "const b = 'at most 256 characters';",
      'const c = `from ${a} to 20160`;',
      'const d = <p>up to 1024 bytes</p>;',
      '// a comment about 300 seconds',
    ].join('\n');
    expect(literals('x.tsx', text).map((l) => l.value)).toEqual(expect.arrayContaining([128, 256, 20160, 1024]));
    expect(literals('x.tsx', text).map((l) => l.value)).not.toContain(300);
  });

  it('does not appear as a literal in src/features', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    const offenders: string[] = [];
    const used = new Set<(typeof ALLOWED)[number]>();
    for (const [key, text] of Object.entries(sources)) {
      if (/\.test\.tsx?$/.test(key)) continue;
      const file = key.replace(/^\.\.\//, '');
      for (const l of literals(file, text)) {
        if (!MODEL_NUMBERS.has(l.value)) continue;
        const allowed = ALLOWED.find((a) => a.file === file && a.value === l.value);
        if (allowed) used.add(allowed);
        else offenders.push(`${l.where}: ${l.value}`);
      }
    }
    expect(offenders).toEqual([]);
    // An allowance nothing needs any more is removed, so the list stays a list of real exceptions.
    expect(ALLOWED.filter((a) => !used.has(a))).toEqual([]);
  });
});
