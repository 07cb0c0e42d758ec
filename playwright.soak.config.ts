// The rate-limit soak (e2e/specs/rate-limits.spec.ts): the console left open for minutes on 1,000 stages. It brings
// its own emulator (a child process on a free port) and needs only an app server, so it gets a preview server of its
// own on 4174 and can run while the other test layers do (scripts/test-all.ts starts it before the unit tests). The
// emulator's user pool accepts sign-in callbacks on 4174 for this reason.
import { defineConfig, devices } from '@playwright/test';
import base from './playwright.config';

export const SOAK_APP_URL = 'http://127.0.0.1:4174';

export default defineConfig({
  ...base,
  outputDir: 'test-results-soak',
  reporter: [['list'], ['json', { outputFile: '.test-output/e2e-soak.json' }]],
  use: { ...base.use, baseURL: SOAK_APP_URL },
  projects: [
    {
      name: 'soak',
      testMatch: /rate-limits\.spec\.ts$/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1360, height: 900 } },
    },
  ],
  webServer: [
    {
      command: 'node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port 4174 --strictPort',
      url: SOAK_APP_URL,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
