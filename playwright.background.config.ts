// The tests tagged @own-emulator (OWN_EMULATOR in e2e/fixtures/childEmulator.ts): each starts an emulator of its own (a
// child process on a free port) and aims the app at it, so they need only an app server: a preview server of their
// own on 4174. They can therefore run while the other test layers do (scripts/test-all.ts starts them before the unit
// tests): the rate-limit soak's mostly idle minutes, the charts, the emulator restart. The emulator's user pool accepts
// sign-in callbacks on 4174 for this reason.
import { defineConfig, devices } from '@playwright/test';
import base from './playwright.config';

export const BACKGROUND_APP_URL = 'http://127.0.0.1:4174';

export default defineConfig({
  ...base,
  outputDir: 'test-results-background',
  reporter: [['list'], ['json', { outputFile: '.test-output/e2e-background.json' }]],
  use: { ...base.use, baseURL: BACKGROUND_APP_URL },
  projects: [
    {
      name: 'own-emulator',
      grep: /@own-emulator/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1360, height: 900 } },
    },
  ],
  webServer: [
    {
      command: 'node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port 4174 --strictPort',
      url: BACKGROUND_APP_URL,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
