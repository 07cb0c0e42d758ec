import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Each case synthesizes the whole stack (about 2–4 s on two cores).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
