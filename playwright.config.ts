import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Debian's chromium where it exists (or where CHROMIUM_PATH names one); otherwise Playwright's own
// browser, so `npx playwright install chromium` keeps working on a laptop.
const chromium = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

// The SDK's Node-20 notice (printed by the specs' admin client) is not news in every test run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export const EMULATOR_URL = 'http://127.0.0.1:4599';
export const APP_URL = 'http://127.0.0.1:4173';

// The suite's emulator requires a control key; one per run, unless the caller brings one. Set here, in the runner's
// environment, it reaches the webServer emulator and every worker (e2e/fixtures/emulatorControl.ts reads it).
// The name is CONTROL_KEY_ENV of emulator/src/control/client.ts.
process.env.GREENROOM_EMULATOR_CONTROL_KEY ||= randomBytes(32).toString('base64url');

export default defineConfig({
  testDir: 'e2e/specs',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 8_000 },
  reporter: [['list'], ['json', { outputFile: '.test-output/e2e.json' }]],
  use: {
    baseURL: APP_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: ['--disable-gpu'],
      env: {
        ...process.env,
        XDG_CONFIG_HOME: `${process.cwd()}/.pw-home/config`,
        XDG_CACHE_HOME: `${process.cwd()}/.pw-home/cache`,
      },
    },
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /chaos\.spec\.ts$/,
      // Tests that bring their own emulator (the rate-limit soak, the charts, the restart) run from
      // playwright.background.config.ts, on a preview server of their own, beside the other test layers.
      grepInvert: /@own-emulator/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1360, height: 900 } },
    },
    {
      // The main journeys while the emulator throttles 30 %, fails 10 % with 5xx and adds 2 s to every call
      // (seeded). Few tests, generous but bounded timeouts; part of every `npx playwright test`.
      name: 'chaos',
      testMatch: /chaos\.spec\.ts$/,
      timeout: 240_000,
      expect: { timeout: 45_000 },
      use: { ...devices['Desktop Chrome'], viewport: { width: 1360, height: 900 }, actionTimeout: 30_000, navigationTimeout: 60_000 },
    },
  ],
  webServer: [
    {
      command: 'node node_modules/tsx/dist/cli.mjs emulator/src/cli.ts --port 4599 --scenario quiet',
      // /health answers without the key (and then says only that the emulator is up).
      url: `${EMULATOR_URL}/_greenroom/health`,
      env: { GREENROOM_EMULATOR_CONTROL_KEY: process.env.GREENROOM_EMULATOR_CONTROL_KEY },
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // Serves the output of a prior `vite build` (npm run test:e2e builds first).
      command: 'node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port 4173 --strictPort',
      url: APP_URL,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
