import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drift, sharedDir } from './gen-model.ts';

const haveModels = existsSync(join(sharedDir, 'ivs-realtime', 'service-2.json'));
if (!haveModels) console.log(`gen-model drift check skipped: no service models at ${sharedDir} (the committed tables are used as they are).`);

describe('generated model tables', () => {
  it.skipIf(!haveModels)('the committed tables are exactly what scripts/gen-model.ts makes from the service models', () => {
    expect(drift()).toEqual([]);
  });
});
