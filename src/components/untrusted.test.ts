import { describe, expect, it } from 'vitest';
import { csvCell, hasHiddenChars, plainTitle, revealHidden, safeFileName, toCsv } from './untrusted';

describe('untrusted text', () => {
  it('finds and reveals bidi overrides, isolates and zero-width characters', () => {
    expect(hasHiddenChars('user\u202Eexe.txt')).toBe(true);
    expect(hasHiddenChars('\u2066x\u2069')).toBe(true);
    expect(hasHiddenChars('ad\u200Bmin')).toBe(true);
    expect(hasHiddenChars('plain ünïcödé 😀')).toBe(false);
    expect(revealHidden('a\u202Eb\u200Bc')).toBe('a⟦U+202E⟧b⟦U+200B⟧c');
  });

  it('makes titles single-line plain text', () => {
    expect(plainTitle('a\u202E\nb\u0007c')).toBe('a b c');
    expect([...plainTitle('x'.repeat(500))].length).toBe(120);
  });

  it('defuses spreadsheet formulas and quotes CSV', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe(`"'+1"`);
    expect(csvCell('-1')).toBe(`"'-1"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('\tx')).toBe(`"'\tx"`);
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(toCsv(['h'], [['<script>']])).toBe('h\r\n<script>\r\n');
  });

  it('builds safe file names', () => {
    expect(safeFileName('../../etc/passwd')).toBe('etc_passwd');
    expect(safeFileName('participants-st-abc')).toBe('participants-st-abc');
  });
});
