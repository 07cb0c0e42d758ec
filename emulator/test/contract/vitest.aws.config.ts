// `npm run test:aws` only (scripts/test-aws.ts selects this config): the contract files of emulator/test/contract,
// aimed at a real account. Files run one after another so the run stays under AWS's rate limits with one pacer each.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'aws',
    root: new URL('../../..', import.meta.url).pathname,
    environment: 'node',
    include: ['emulator/test/contract/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { GREENROOM_CONTRACT_TARGET: 'aws', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
