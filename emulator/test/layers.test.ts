// The emulator's layer order is enforced by lint: these fixtures are linted with the project's real
// eslint.config.js through ESLint's Node API, as if they were files in the named folders.
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const RULE = 'import-x/no-restricted-paths';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The layer-rule messages for `source` linted as the file at `filePath` (relative to the repository). */
async function layerMessages(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(ROOT, filePath) });
  return result.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe('emulator layer rule', () => {
  // Each fixture is a lower layer reaching up; every one must be reported.
  const violations: Array<[file: string, source: string]> = [
    ['emulator/src/state/layer-fixture.ts', "import { parseQuery } from '../http/router.ts';\nexport const x = parseQuery;\n"],
    ['emulator/src/state/layer-fixture.ts', "import type { OperationContext } from '../operations/types.ts';\nexport type X = OperationContext;\n"],
    ['emulator/src/model/layer-fixture.ts', "import { page } from '../operations/pagination.ts';\nexport const x = page;\n"],
    ['emulator/src/iam/layer-fixture.ts', "import type { FaultInjector } from '../http/faults.ts';\nexport type X = FaultInjector;\n"],
    ['emulator/src/errors.ts', "import type { Emulator } from './server.ts';\nexport type X = Emulator;\n"],
    ['emulator/src/operations/layer-fixture.ts', "import { corsHeaders } from '../http/cors.ts';\nexport const x = corsHeaders;\n"],
    ['emulator/src/cognito/layer-fixture.ts', "import type { FaultInjector } from '../http/faults.ts';\nexport type X = FaultInjector;\n"],
    ['emulator/src/http/layer-fixture.ts', "import { createControlClient } from '../control/client.ts';\nexport const x = createControlClient;\n"],
    ['emulator/src/control/layer-fixture.ts', "import { createEmulator } from '../server.ts';\nexport const x = createEmulator;\n"],
    ['emulator/src/events/layer-fixture.ts', "import { stageChannel } from '../appsync/channels.ts';\nexport const x = stageChannel;\n"],
    ['emulator/src/appsync/layer-fixture.ts', "import { createControlClient } from '../control/client.ts';\nexport const x = createControlClient;\n"],
    ['emulator/src/state/layer-fixture.ts', "import { eventBridgeEventFor } from '../events/eventbridge.ts';\nexport const x = eventBridgeEventFor;\n"],
  ];
  it.each(violations)('reports %s importing upwards', async (file, source) => {
    const messages = await layerMessages(file, source);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/In the emulator a lower layer never imports a higher one/);
  });

  // Imports that point down are left alone, so the rule is not simply "everything fails".
  const allowed: Array<[file: string, source: string]> = [
    ['emulator/src/state/layer-fixture.ts', "import { validation } from '../errors.ts';\nexport const x = validation;\n"],
    ['emulator/src/http/layer-fixture.ts', "import { page } from '../operations/pagination.ts';\nexport const x = page;\n"],
    ['emulator/src/operations/layer-fixture.ts', "import { parseArn } from '../state/arn.ts';\nexport const x = parseArn;\n"],
    ['emulator/src/scenarios/layer-fixture.ts', "import type { Emulator } from '../server.ts';\nexport type X = Emulator;\n"],
    ['emulator/src/appsync/layer-fixture.ts', "import { evaluate } from '../iam/policy.ts';\nexport const x = evaluate;\n"],
    ['emulator/src/appsync/layer-fixture.ts', "import { verifySigV4 } from '../http/sigv4.ts';\nexport const x = verifySigV4;\n"],
    ['emulator/src/events/layer-fixture.ts', "import type { StoreEvent } from '../state/store.ts';\nexport type X = StoreEvent;\n"],
    ['emulator/src/control/layer-fixture.ts', "import { PushFaults } from '../appsync/faults.ts';\nexport const x = PushFaults;\n"],
  ];
  it.each(allowed)('allows %s importing downwards', async (file, source) => {
    expect(await layerMessages(file, source)).toEqual([]);
  });

  it('places every folder and top-level file of emulator/src in a layer', async () => {
    const config = (await eslint.calculateConfigForFile(join(ROOT, 'emulator/src/state/world.ts'))) as {
      rules: Record<string, [unknown, { zones: Array<{ target: string[]; from: string[] }> }]>;
    };
    const zones = config.rules[RULE][1].zones;
    const placed = new Set(zones.flatMap((z) => [...z.target, ...z.from]));
    const src = join(ROOT, 'emulator/src');
    const entries = readdirSync(src).map((name) => relative(ROOT, join(src, name)));
    expect(entries.filter((entry) => !placed.has(entry))).toEqual([]);
  });
});
