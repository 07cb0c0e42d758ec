import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';
import { codePointLabel, hasHiddenChars, plainTitle, revealHidden, safeFileName, safeJson, untrustedPlain } from './untrusted';

// Each reads as (or around) "admin" in most fonts; each must be found and shown.
const LOOK_ALIKES: [string, string][] = [
  ['admin\u{E0020}', 'admin⟦U+E0020⟧'], // tag space
  ['admin\u034F', 'admin⟦U+034F⟧'], // combining grapheme joiner
  ['admin\uFE0F', 'admin⟦U+FE0F⟧'], // variation selector 16
  ['adm\u180Bin', 'adm⟦U+180B⟧in'], // Mongolian free variation selector
  ['ad\u17B4min', 'ad⟦U+17B4⟧min'], // Khmer inherent vowel
  ['admin\u2028', 'admin⟦U+2028⟧'], // line separator
  ['admin\u2029', 'admin⟦U+2029⟧'], // paragraph separator
  ['\uFFF9admin', '⟦U+FFF9⟧admin'], // interlinear annotation anchor
  ['admin\u{1D173}', 'admin⟦U+1D173⟧'], // musical symbol begin beam
  ['admin\u202E', 'admin⟦U+202E⟧'], // right-to-left override, never closed
  ['admin\n', 'admin⟦U+000A⟧'],
  ['admin\r\n', 'admin⟦U+000D⟧⟦U+000A⟧'],
  ['adm\u0000in', 'adm⟦U+0000⟧in'],
  ['admin\u0085', 'admin⟦U+0085⟧'], // next line (C1)
  ['ad\u200Bmin', 'ad⟦U+200B⟧min'],
  ['\u2066admin\u2069', '⟦U+2066⟧admin⟦U+2069⟧'],
  ['ad\u00ADmin', 'ad⟦U+00AD⟧min'], // soft hyphen
  ['admin\u3164', 'admin⟦U+3164⟧'], // Hangul filler
  ['admin\u00A0', 'admin⟦U+00A0⟧'], // no-break space passes for a space
  ['admin\u2800', 'admin⟦U+2800⟧'], // braille blank
  ['admin\uD800', 'admin⟦U+D800⟧'], // lone surrogate
];

describe('untrusted text', () => {
  it.each(LOOK_ALIKES)('finds and reveals %j', (input, revealed) => {
    expect(hasHiddenChars(input)).toBe(true);
    expect(revealHidden(input)).toBe(revealed);
    expect(untrustedPlain(input)).toBe(revealed);
    // Revealed text has nothing hidden left: it is one line and cannot reorder what follows it.
    expect(hasHiddenChars(revealHidden(input))).toBe(false);
  });

  it('leaves ordinary text alone, including letters, accents, emoji and plain spaces', () => {
    for (const s of ['admin', 'plain ünïcödé 😀', 'Łódź user-42', 'مرحبا', '日本語 ユーザー', 'a_b.c@d+e=f']) {
      expect(hasHiddenChars(s)).toBe(false);
      expect(revealHidden(s)).toBe(s);
    }
  });

  it('names code points with at least four hex digits', () => {
    expect(codePointLabel('\n')).toBe('U+000A');
    expect(codePointLabel('\u{E007F}')).toBe('U+E007F');
  });

  it('an unterminated override cannot reach past the value in any plain-text sink', () => {
    const title = `${plainTitle('user\u202Egnp.exe')} · Greenroom`;
    expect(title).toBe('user⟦U+202E⟧gnp.exe · Greenroom');
    expect(hasHiddenChars(title)).toBe(false);
  });

  it('makes titles single-line plain text of bounded length', () => {
    expect(plainTitle('a\u202E\nb\u0007c')).toBe('a⟦U+202E⟧⟦U+000A⟧b⟦U+0007⟧c');
    expect(plainTitle('  a   b  ')).toBe('a b');
    expect([...plainTitle('x'.repeat(500))].length).toBe(120);
    expect([...untrustedPlain('😀'.repeat(50), 40)].length).toBe(40);
  });

  it('writes JSON with hidden characters escaped, and it parses back to the same data', () => {
    const data = { userId: 'admin\u{E0020}\u202E\u2028', note: 'line\nbreak', plain: 'ok' };
    const json = safeJson(data);
    expect(hasHiddenChars(json.replace(/\n/g, ''))).toBe(false);
    expect(json).toContain('"admin\\udb40\\udc20\\u202e\\u2028"');
    expect(JSON.parse(json)).toEqual(data);
    expect(json.split('\n')).toHaveLength(5);
  });

  it('builds safe file names', () => {
    expect(safeFileName('../../etc/passwd')).toBe('etc_passwd');
    expect(safeFileName('participants-st-abc')).toBe('participants-st-abc');
  });
});

/** Splits CSV as RFC 4180 says (quotes group, "" is a quote), to check what an importer would see. */
function parseCsv(text: string, sep = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

/** What a spreadsheet would take for a formula: a cell (after trimming spaces) starting with one of these. */
const formulaLike = (cell: string): boolean => /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r]/u.test(cell.trimStart());

describe('CSV export', () => {
  it('defuses a formula at the start of a cell', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe(`"'+1"`);
    expect(csvCell('-1')).toBe(`"'-1"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('  =1+1')).toBe(`"  '=1+1"`);
    expect(csvCell('\uFF1D1+1')).toBe(`"'\uFF1D1+1"`);
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a-b=c')).toBe('a-b=c');
  });

  it('defuses a formula wherever a spreadsheet splitting on "," or ";" would start a cell', () => {
    expect(csvCell('x;=2+5')).toBe(`"x;'=2+5"`);
    expect(csvCell('x, =2+5')).toBe(`"x, '=2+5"`);
    expect(csvCell('a;b;@cmd;-1')).toBe(`"a;b;'@cmd;'-1"`);
  });

  it('turns tab, CR, LF, NUL and bidi controls into visible markers, so no cell holds a row or cell break', () => {
    expect(csvCell('\tx')).toBe('⟦U+0009⟧x');
    expect(csvCell('\r=1')).toBe('⟦U+000D⟧=1');
    expect(csvCell('a\n=2+5')).toBe('a⟦U+000A⟧=2+5');
    expect(csvCell('a\u0000b')).toBe('a⟦U+0000⟧b');
    expect(csvCell('user\u202Egnp.exe')).toBe('user⟦U+202E⟧gnp.exe');
    expect(csvCell('admin\u{E0020}')).toBe('admin⟦U+E0020⟧');
  });

  it('quotes every cell RFC 4180 (and a ";" importer) needs quoted', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(' lead')).toBe('" lead"');
    expect(csvCell('trail ')).toBe('"trail "');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(toCsv(['h'], [['<script>']])).toBe('h\r\n<script>\r\n');
  });

  it('a hostile table reads back with the same shape and no live formula, split on "," or on ";"', () => {
    const hostile = [
      '=2+5',
      'x;=2+5',
      'x;+cmd|" /C calc"!A0',
      '-2+3',
      '@SUM(1+1)',
      '\t=1',
      '\r=1',
      'a\n=2+5',
      'a\r\n@x',
      'nul\u0000here',
      'user\u202Egnp.exe',
      'admin\u{E0020}',
      'ad\u034Fmin',
      ' =1',
      'x,=1',
      'say "hi", then ;-1',
      '',
    ];
    const csv = toCsv(['participantId', 'userId'], hostile.map((u, i) => [`p${i}`, u]));
    for (const c of ['\u0000', '\u202E', '\u{E0020}', '\u034F', '\t']) expect(csv).not.toContain(c);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(hostile.length + 1);
    for (const [i, r] of rows.slice(1).entries()) {
      expect(r).toHaveLength(2);
      expect(r[0]).toBe(`p${i}`);
      expect(formulaLike(r[1] as string)).toBe(false);
    }
    // A spreadsheet that splits on ";" and honours quotes: still two cells per row. One that ignored quotes
    // entirely would start cells after ";" and ",": none of those pieces is a formula either.
    for (const r of parseCsv(csv, ';').slice(1)) expect(r).toHaveLength(1);
    for (const line of csv.split('\r\n')) for (const piece of line.split(/[;,]/)) expect(formulaLike(piece.replace(/^"/, ''))).toBe(false);
  });
});
