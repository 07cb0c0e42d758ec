// CSV for people who open it in a spreadsheet: every value a participant chose is made inert before it is written.
//
// The rule, in order, for each cell:
// 1. Characters that hide, reorder or break text (controls including NUL, tab, CR and LF, bidi controls, format and
//    default-ignorable characters, U+2028/U+2029) become visible ⟦U+XXXX⟧ markers, the same form the pages show.
//    No cell then holds a line break or a tab, so no importer can start a new row or cell inside it.
// 2. A formula is neutralised wherever a spreadsheet could start a cell: at the start of the value and after every
//    `,` and `;` (the separators importers split on, whatever the locale), optionally after spaces. A leading
//    `=`, `+`, `-`, `@` (or its full-width form, which some spreadsheets also accept) gets a `'` in front, so it
//    is read as text (OWASP's CSV-injection advice). "-5" therefore exports as "'-5": an export for reading, not
//    for arithmetic.
// 3. The cell is quoted as RFC 4180 says when it holds `"`, `,`, `;`, `'`, CR, LF or tab, or starts or ends with a
//    space (which some importers trim); quotes inside are doubled.
import { revealHidden } from './untrusted';

type Cell = string | number | boolean | undefined | null;

const FORMULA_START = /(^|[,;])( *)([=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/gu;
const NEEDS_QUOTES = /["',;\r\n\t]|^ | $/;

export function csvCell(v: Cell): string {
  const raw = v === undefined || v === null ? '' : String(v);
  const s = revealHidden(raw).replace(FORMULA_START, `$1$2'$3`);
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180: CRLF between records and after the last one. */
export function toCsv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
