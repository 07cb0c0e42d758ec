// Participant-chosen text (user ids, attributes, tags) is hostile until shown otherwise:
// it is only ever rendered as React text, and characters that hide or reorder text are made visible.

/** Bidi embeddings/overrides/isolates, zero-width and other invisible format characters. */
const HIDDEN = /[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u3164\uFEFF\uFFA0]/gu;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/gu;

export function hasHiddenChars(s: string): boolean {
  return new RegExp(HIDDEN.source, 'u').test(s) || new RegExp(CONTROL.source, 'u').test(s);
}

const hex = (c: string): string => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Shows every hidden or control character as a visible ⟦U+XXXX⟧ marker. */
export function revealHidden(s: string): string {
  return s.replace(HIDDEN, (c) => `⟦${hex(c)}⟧`).replace(CONTROL, (c) => `⟦${hex(c)}⟧`);
}

/** Safe for document.title and other single-line plain-text sinks: no controls, no bidi tricks, bounded length. */
export function plainTitle(s: string, max = 120): string {
  const clean = s.replace(CONTROL, ' ').replace(HIDDEN, '').replace(/\s+/g, ' ').trim();
  return [...clean].length > max ? `${[...clean].slice(0, max - 1).join('')}…` : clean;
}

/** A CSV cell that a spreadsheet will not run as a formula (OWASP CSV injection), quoted as RFC 4180 wants. */
export function csvCell(v: string | number | boolean | undefined | null): string {
  let s = v === undefined || v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n']/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: (string | number | boolean | undefined | null)[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A download file name made only of safe characters. */
export function safeFileName(s: string): string {
  return s.replace(/[^a-zA-Z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 100) || 'download';
}
