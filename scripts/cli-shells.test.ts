// A contract test of src/aws/cli.ts; it lives with the Node tests because it starts shells.
// Runs the quoted words through real shells: what bash and POSIX sh (dash) hand to a command must be exactly the
// values the page meant, whatever a participant put in them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliCommand, cliJsonCommand, shellQuote } from '../src/aws/cli.ts';

// Values a shell would expand, split, glob, substitute or read as options if they were left bare.
const EXPANDABLE = [
  '=ls', // zsh's EQUALS expansion: a word starting with "=" becomes the command's path (=ls → /bin/ls)
  'a=b',
  '~',
  '~root/x',
  'x:~/y',
  '--opt=~/y',
  '*',
  'a*',
  '?',
  '[ab]',
  '{a,b}',
  'x{1..3}',
  '!!',
  '!$',
  '$HOME',
  '${HOME}',
  '$(echo pwned)',
  '`echo pwned`',
  '$((1+1))',
  '-n',
  '-e',
  '--help',
  '+x',
  "it's",
  '"double"',
  'back\\slash',
  'a b\tc',
  'line1\nline2',
  ';|&<>()#',
  '# comment',
  'admin\u{E0020}',
  'user\u202Egnp.exe',
  '😀',
  '%1',
  '',
];

const SHELLS = [
  { name: 'bash', argv: ['bash', '--noprofile', '--norc', '-c'] },
  { name: 'POSIX sh (dash on Debian)', argv: ['sh', '-c'] },
];

let dir: string;
beforeAll(() => {
  // Files a glob would match and a HOME a tilde would expand to, so an unquoted word would visibly change.
  dir = mkdtempSync(join(tmpdir(), 'greenroom-shell-'));
  for (const f of ['a', 'b', 'ab', 'x1']) writeFileSync(join(dir, f), '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the shell passes as arguments for `line` (a list of shell words): printed one per record separator. */
function argsAsShellSees(argv: string[], line: string): string[] {
  const out = execFileSync(argv[0] as string, [...argv.slice(1), `printf '%s\\036' ${line}`], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/home/shell-test', LC_ALL: 'C.UTF-8' },
    encoding: 'utf8',
  });
  const parts = out.split('\u001e');
  expect(parts.pop()).toBe('');
  return parts;
}

describe.each(SHELLS)('quoted CLI values in $name', ({ argv }) => {
  it('every expandable value comes back as exactly itself', () => {
    expect(argsAsShellSees(argv, EXPANDABLE.map(shellQuote).join(' '))).toEqual(EXPANDABLE);
  });

  it('a whole copied command reads back word for word, each hostile user id one argument', () => {
    for (const userId of EXPANDABLE) {
      const line = cliCommand({ operation: 'ListParticipants', region: 'us-east-1', input: { stageArn: 'arn:aws:ivs:us-east-1:123456789012:stage/abc', filterByUserId: userId }, endpoint: 'http://127.0.0.1:4599' });
      expect(line.startsWith('aws ')).toBe(true);
      const words = argsAsShellSees(argv, line.slice(4));
      const tail = userId.startsWith('-') ? [`--filter-by-user-id=${userId}`] : ['--filter-by-user-id', userId];
      expect(words).toEqual(['ivs-realtime', 'list-participants', '--region', 'us-east-1', '--endpoint-url', 'http://127.0.0.1:4599', '--stage-arn', 'arn:aws:ivs:us-east-1:123456789012:stage/abc', ...tail]);
    }
  });

  it('the --cli-input-json form carries hostile attributes through unchanged', () => {
    const attributes = Object.fromEntries(EXPANDABLE.map((v, i) => [`k${i}`, v]));
    const line = cliJsonCommand({ operation: 'StartParticipantReplication', region: 'us-east-1', input: { participantId: 'p-1', attributes } });
    const words = argsAsShellSees(argv, line.slice(4));
    expect(words.slice(0, 4)).toEqual(['ivs-realtime', 'start-participant-replication', '--region', 'us-east-1']);
    expect(JSON.parse(words[5] as string)).toEqual({ participantId: 'p-1', attributes });
  });
});

describe('which words stay bare', () => {
  it('quotes a leading "=" (zsh EQUALS), "-" and "+", and every expansion character anywhere', () => {
    for (const s of ['=ls', '-x', '+x', 'a~b', 'a*b', 'a?b', 'a[b', 'a!b', 'a$b', 'a`b', 'a{b', 'a}b', 'a#b', 'a b', 'é']) expect(shellQuote(s)).toBe(`'${s}'`);
  });

  it('leaves ARNs, regions, URLs and plain ids bare, as people would type them', () => {
    for (const s of ['arn:aws:ivs:us-east-1:123456789012:stage/abcdEFGH1234', 'us-east-1', 'http://127.0.0.1:4599', 'st-abc', 'p-1', 'a=b', 'user@example.com', '30']) {
      expect(shellQuote(s)).toBe(s);
    }
  });
});
