// The greenroom/untrusted-text rule, run through the repository's own eslint.config.js: proves the rule is wired
// into the app's block and that it catches each way participant text can reach the page unrevealed.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  // Loading the config and its plugins takes seconds on a busy machine; do it once, outside the tests' timeouts.
  await eslint.calculateConfigForFile('src/main.tsx');
}, 120_000);

const HEADER = `import type { ReactNode } from 'react';
import { UntrustedText } from '../../components/UntrustedText';
import { revealHidden, untrustedPlain } from '../../components/untrusted';
type P = { participantId: string; userId?: string; attributes: Record<string, string>; osName?: string; osVersion?: string; ispName?: string };
`;

async function findings(body: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${HEADER}${body}\n`, { filePath: 'src/features/participants/RuleFixture.tsx' });
  const messages = result?.messages ?? [];
  // Any other problem (a parse error, another rule) would hide what this test is about.
  expect(messages.filter((m) => m.ruleId !== 'greenroom/untrusted-text' && m.ruleId !== '@typescript-eslint/no-unused-vars')).toEqual([]);
  return messages.filter((m) => m.ruleId === 'greenroom/untrusted-text').map((m) => m.message.split('`')[1] as string);
}

describe('greenroom/untrusted-text', () => {
  it.each([
    ['a field as a JSX child', `export const A = ({ p }: { p: P }): ReactNode => <td>{p.userId}</td>;`, ['p.userId']],
    ['a field with a fallback', `export const A = ({ p }: { p: P }): ReactNode => <td>{p.userId ?? '—'}</td>;`, ['p.userId']],
    ['a field in a template literal', `export const A = ({ p }: { p: P }): ReactNode => <span>{\` (\${p.userId})\`}</span>;`, ['p.userId']],
    ['client fields joined into one line', `export const A = ({ p }: { p: P }): ReactNode => <p>{[p.osName, p.osVersion, p.ispName].filter(Boolean).join(' · ')}</p>;`, ['p.osName', 'p.osVersion', 'p.ispName']],
    ['a conditional branch', `export const A = ({ p }: { p: P }): ReactNode => <p>{p.userId ? <b>x</b> : p.osName}</p>;`, ['p.osName']],
    ['an attribute entry through Object.entries().map', `export const A = ({ p }: { p: P }): ReactNode => <ul>{Object.entries(p.attributes).map(([k, v]) => <li key={k}>{k}={v}</li>)}</ul>;`, ['k', 'v']],
    ['an attribute read by name', `export const A = ({ p }: { p: P }): ReactNode => <i>{p.attributes.role}</i>;`, ['p.attributes.role']],
    ['a variable derived from a field', `export function A({ p }: { p: P }): ReactNode { const who = \`user \${p.userId}\`; return <p>{who}</p>; }`, ['who']],
    ['an aria-label', `export function A({ p }: { p: P }): ReactNode { const label = \`Watch for \${p.userId}\`; return <li aria-label={label} />; }`, ['label']],
    ['a title attribute', `export const A = ({ p }: { p: P }): ReactNode => <span title={p.userId} />;`, ['p.userId']],
    ['a text prop of a component', `export const A = ({ p }: { p: P }): ReactNode => <UntrustedText value="x" /> && <Section title={p.userId ?? ''} />;\nconst Section = ({ title }: { title: string }): ReactNode => <h2>{revealHidden(title)}</h2>;`, ['p.userId']],
    ['document.title', `export function setTitle(p: P): void { document.title = \`Participant \${p.userId}\`; }`, ['p.userId']],
    ['a tag value', `export const A = ({ tags }: { tags: Record<string, string> }): ReactNode => <em>{tags.team}</em>;`, ['tags.team']],
  ])('reports %s', async (_name, body, expected) => {
    expect(await findings(body)).toEqual(expected);
  });

  it.each([
    ['UntrustedText', `export const A = ({ p }: { p: P }): ReactNode => <td>{p.userId ? <UntrustedText value={p.userId} /> : '—'}</td>;`],
    ['entries through UntrustedText', `export const A = ({ p }: { p: P }): ReactNode => <ul>{Object.entries(p.attributes).map(([k, v]) => <li key={k}><UntrustedText value={\`\${k}=\${v}\`} detail /></li>)}</ul>;`],
    ['untrustedPlain in an attribute', `export const A = ({ p }: { p: P }): ReactNode => <li aria-label={\`Watch for \${untrustedPlain(p.userId ?? '')}\`} />;`],
    ['revealHidden in a child', `export const A = ({ p }: { p: P }): ReactNode => <option>{p.userId ? revealHidden(p.userId) : ''}</option>;`],
    ['tests and counts on a field', `export const A = ({ p }: { p: P }): ReactNode => <p>{p.userId !== undefined ? 'has a user id' : 'none'} {Object.keys(p.attributes).length}</p>;`],
    ['a field passed as data to a component', `export const A = ({ p }: { p: P }): ReactNode => <Tool target={{ id: p.participantId, userId: p.userId }} />;\nconst Tool = (_: { target: unknown }): ReactNode => null;`],
    ['a form input value', `export function A(): ReactNode { const userId = 'typed by staff'; return <input value={userId} readOnly />; }`],
    ['ids IVS makes', `export const A = ({ p }: { p: P }): ReactNode => <code>{p.participantId}</code>;`],
  ])('accepts %s', async (_name, body) => {
    expect(await findings(body)).toEqual([]);
  });

  it('is on for every source file of the app (npm run lint then checks the app itself)', async () => {
    for (const file of ['src/features/participants/FindUserPage.tsx', 'src/app/router.tsx', 'src/components/UntrustedText.tsx', 'src/auth/SignInPage.tsx']) {
      const config = (await eslint.calculateConfigForFile(file)) as { rules: Record<string, unknown> };
      expect(config.rules['greenroom/untrusted-text'], file).toEqual([2]);
    }
  });
});
