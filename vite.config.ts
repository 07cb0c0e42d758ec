import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One config for the app build and both Vitest projects:
// "unit" runs src/** in a DOM, "emulator" runs the emulator's contract tests in Node.
export default defineConfig({
  plugins: [react()],
  resolve: {
    // Vite ignores the package's `browser` map; point at the browser entry so fromIni & co. stay out of the graph.
    alias: [
      {
        find: /^@aws-sdk\/credential-providers$/,
        replacement: '@aws-sdk/credential-providers/dist-es/index.browser.js',
      },
    ],
  },
  build: { target: 'es2022', sourcemap: false },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'happy-dom', include: ['src/**/*.test.{ts,tsx}'] },
      },
      {
        test: {
          name: 'emulator',
          environment: 'node',
          include: ['emulator/test/**/*.test.ts', 'scripts/**/*.test.ts'],
          testTimeout: 20_000,
          // The SDK warns that releases after January 2027 need Node 22; the project pins its SDK versions.
          env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
