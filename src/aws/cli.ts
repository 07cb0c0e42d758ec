// The AWS CLI equivalent of what a view shows or a dialog does, so an operator can script it.
// Pure string building: nothing here runs a command. Every value is shell-quoted for POSIX shells (bash, zsh, sh),
// because ids, user ids and attributes come from untrusted clients and may hold quotes, `$(…)` or newlines.
import type { Region } from '../config/schema';

/** An `aws ivs-realtime` call: the API operation name and its input with API member names (camelCase). */
export type CliCall = {
  /** API operation name, e.g. "StartParticipantReplication". */
  operation: string;
  region: Region;
  input: Record<string, unknown>;
  /**
   * The region's endpoint override from config.json (e.g. the emulator). Named in the command as --endpoint-url so
   * that it runs as copied; without an override the CLI's own endpoint for the region is right and no flag is added.
   */
  endpoint?: string;
};

/**
 * Words left bare: letters, digits and `_ . / :` first, then also `@ % + = , -`. Nothing in that set is expanded by
 * bash, POSIX sh or zsh in an argument word. Everything else is quoted: `$`, backtick, `*`, `?`, `[`, `{`, `~`, `!`
 * (bash history), `#`, `&`, `;`, `|`, `<`, `>`, quotes, spaces, any non-ASCII. The first character is stricter:
 * zsh expands a word starting with `=` to a command's path (`=ls` becomes `/bin/ls`; its EQUALS option is on by
 * default), and a word starting with `-` or `+` looks like an option, so it is quoted to read as a value (quotes
 * do not stop a program's option parser; optionWords below keeps such values out of its way with `--flag=value`).
 */
const SAFE_WORD = /^[A-Za-z0-9_./:][A-Za-z0-9_@%+=:,./-]*$/;

/** One shell word that the shell reads back as exactly `s`: bare when safe, else single-quoted ('\'' for a quote). */
export function shellQuote(s: string): string {
  if (SAFE_WORD.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** StartParticipantReplication → start-participant-replication; destinationStageArn → destination-stage-arn. */
export function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function defined(input: Record<string, unknown>): [string, unknown][] {
  return Object.entries(input).filter(([, v]) => v !== undefined && v !== null);
}

function optionWords(name: string, value: unknown): string[] {
  const flag = `--${kebab(name)}`;
  if (typeof value === 'boolean') return [value ? flag : `--no-${kebab(name)}`];
  if (Array.isArray(value)) return [flag, ...value.map((v) => shellQuote(String(v)))];
  if (typeof value === 'object') return [flag, shellQuote(JSON.stringify(value))];
  const text = String(value);
  // The CLI's argument parser would read a value that starts with "-" as another option; "--flag=value" cannot be misread.
  return text.startsWith('-') ? [shellQuote(`${flag}=${text}`)] : [flag, shellQuote(text)];
}

/** `aws ivs-realtime <op> --region <r> [--endpoint-url <url>]`: the words every form of the command starts with. */
function head(call: CliCall): string[] {
  const words = ['aws', 'ivs-realtime', kebab(call.operation), '--region', shellQuote(call.region)];
  if (call.endpoint) words.push('--endpoint-url', shellQuote(call.endpoint));
  return words;
}

/** `aws ivs-realtime <op> --region <r> [--endpoint-url <url>] --<member> <value> …` */
export function cliCommand(call: CliCall): string {
  const words = head(call);
  for (const [k, v] of defined(call.input)) words.push(...optionWords(k, v));
  return words.join(' ');
}

/** The same call as JSON input, the form `--cli-input-json` reads. */
export function cliInputJson(call: CliCall): string {
  return JSON.stringify(Object.fromEntries(defined(call.input)), null, 2);
}

/** `aws ivs-realtime <op> --region <r> [--endpoint-url <url>] --cli-input-json '<json>'` */
export function cliJsonCommand(call: CliCall): string {
  return [...head(call), '--cli-input-json', shellQuote(JSON.stringify(Object.fromEntries(defined(call.input))))].join(' ');
}

/**
 * Reads a command built by cliCommand back into words, as a POSIX shell would (bare words, '…' and the '\'' join).
 * Used by tests, and where no AWS CLI is installed, to check a copied command means what the page says.
 */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let cur: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error('Unterminated single quote');
      cur = (cur ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '\\' && i + 1 < line.length) {
      cur = (cur ?? '') + line[i + 1];
      i++;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      if (cur !== null) words.push(cur);
      cur = null;
    } else cur = (cur ?? '') + c;
  }
  if (cur !== null) words.push(cur);
  return words;
}
