// Participant-chosen text (user ids, attributes, client info) and staff-set tags are hostile until shown otherwise:
// they are only ever rendered as React text, and every character that hides, reorders or breaks text
// is made visible, so two ids that differ only in such characters never look the same.

/**
 * Characters a reader cannot see or that change how the text around them reads, found by Unicode property rather
 * than by a hand-kept list (a list always misses some: tag characters, variation selectors, U+034F, Mongolian
 * selectors, U+1D173…): controls (Cc), format characters (Cf), lone surrogates (Cs), default-ignorable code points
 * (which render as nothing), line and paragraph separators (Zl, Zp), bidi controls, spaces other than U+0020
 * (U+00A0 and the like pass for a plain space) and U+2800, a blank that is not a space.
 */
const HIDDEN_CLASS = String.raw`\p{Cc}\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}\p{Bidi_Control}\u2800\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000`;
const HIDDEN = new RegExp(`[${HIDDEN_CLASS}]`, 'u');
const HIDDEN_ALL = new RegExp(`[${HIDDEN_CLASS}]`, 'gu');

export function hasHiddenChars(s: string): boolean {
  return HIDDEN.test(s);
}

/** "U+202E", "U+E0020": the code point, at least four hex digits. */
export function codePointLabel(c: string): string {
  return `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Every hidden, control or line-break character as a visible ⟦U+XXXX⟧ marker. The result is one line with no
 * character that can reorder the page around it, so it is right for lists, details, titles and labels alike.
 */
export function revealHidden(s: string): string {
  return s.replace(HIDDEN_ALL, (c) => `⟦${codePointLabel(c)}⟧`);
}

/** Cut to `max` code points (never inside a surrogate pair), marking the cut with "…". */
function bounded(s: string, max: number): string {
  const chars = [...s];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : s;
}

/**
 * Untrusted text for a plain-string sink (document.title, aria-label, an <option>): the same revealed form the
 * page shows, bounded in length. A look-alike id keeps its ⟦U+…⟧ markers here too, so it never reads as the id
 * it imitates.
 */
export function untrustedPlain(s: string, max = 120): string {
  return bounded(revealHidden(s), max);
}

/** Safe for document.title and other single-line plain-text sinks: revealed, runs of spaces collapsed, bounded. */
export function plainTitle(s: string, max = 120): string {
  return bounded(revealHidden(s).replace(/ {2,}/g, ' ').trim(), max);
}

/** A download file name made only of safe characters. */
export function safeFileName(s: string): string {
  return s.replace(/[^a-zA-Z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 100) || 'download';
}



/**
 * JSON whose every hidden character is written as a \u escape. JSON.stringify already escapes controls, but it
 * leaves bidi controls, U+2028/U+2029 and invisible format characters raw, and those reorder or hide text in the
 * editor a ticket is read in. The data parses back unchanged; raw line feeds and spaces left in the output are
 * the indentation's, since JSON.stringify never leaves a raw control inside a string.
 */
export function safeJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(HIDDEN_ALL, (c) =>
    c === '\n' ? c : Array.from({ length: c.length }, (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''),
  );
}
