// The layer rules of eslint.config.js, checked against deliberate violations: each fixture (in a folder the
// lint run ignores) is linted with the real config as if it sat at a path inside src/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function lintAs(fixture: string, asPath: string): Promise<{ ruleId: string | null; message: string }[]> {
  // Stored as .txt so that the type checker leaves them alone; the linter sees them at `asPath`.
  const text = readFileSync(join(root, 'scripts/fixtures/layers', `${fixture}.txt`), 'utf8');
  const [result] = await eslint.lintText(text, { filePath: join(root, asPath) });
  return (result?.messages ?? []).map(({ ruleId, message }) => ({ ruleId, message }));
}

describe('app layer rules', () => {
  it('reports shared UI importing a feature', async () => {
    const messages = await lintAs('component-imports-feature.tsx', 'src/components/LayerFixture.tsx');
    expect(messages).toContainEqual({ ruleId: 'import-x/no-restricted-paths', message: expect.stringMatching(/src\/components sits below .*features/) });
  });

  it('reports a feature importing a sibling feature', async () => {
    const messages = await lintAs('feature-imports-sibling.tsx', 'src/features/stages/LayerFixture.tsx');
    expect(messages).toContainEqual({ ruleId: 'no-restricted-imports', message: expect.stringMatching(/never imports a sibling feature/) });
  });

  it('reports auth importing shared UI (auth sits below components, with no exemption)', async () => {
    const messages = await lintAs('auth-imports-component.tsx', 'src/auth/LayerFixture.tsx');
    expect(messages).toContainEqual({ ruleId: 'import-x/no-restricted-paths', message: expect.stringMatching(/src\/auth sits below .*components/) });
  });

  it('accepts a feature importing every layer below it', async () => {
    expect(await lintAs('feature-imports-down.tsx', 'src/features/stages/LayerFixture.tsx')).toEqual([]);
  });
}, 60_000);
