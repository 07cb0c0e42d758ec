import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { securityHeaders } from './src/config/csp.ts';
import { parseConfig } from './src/config/schema.ts';

/**
 * `vite preview` may serve another config.json than the built one (npm start turns pushed events on this way, while
 * the e2e suite keeps public/config.json): the file GREENROOM_PREVIEW_CONFIG names answers /config.json, and the
 * CSP is derived from it.
 */
const PREVIEW_CONFIG = process.env.GREENROOM_PREVIEW_CONFIG || undefined;

function previewConfigFile(): Plugin {
  return {
    name: 'greenroom-preview-config',
    configurePreviewServer(server) {
      if (!PREVIEW_CONFIG) return;
      server.middlewares.use((req, res, next) => {
        if ((req.url ?? '').split('?')[0] !== '/config.json') return next();
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(readFileSync(PREVIEW_CONFIG, 'utf8'));
      });
    },
  };
}

/**
 * The security headers of the built app, with connect-src derived from public/config.json (the same file the
 * app reads), so the policy names exactly the configured AWS, Cognito (or emulator) endpoints. A bad config.json
 * stops the build or preview here with every bad field named. The dev server (HMR, inline preamble) gets none.
 */
function previewHeaders(): Record<string, string> {
  const file = PREVIEW_CONFIG ?? new URL('./public/config.json', import.meta.url);
  const parsed = parseConfig(JSON.parse(readFileSync(file, 'utf8')) as unknown);
  if (!parsed.ok) {
    throw new Error(`${PREVIEW_CONFIG ?? 'public/config.json'} is invalid:\n${parsed.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
  }
  const { auth } = parsed.value;
  if (!auth.loginDomain && auth.authority.startsWith('https://cognito-idp.')) {
    console.warn('config.json: auth.loginDomain is not set, so the CSP does not allow the managed-login token endpoint.');
  }
  return securityHeaders(parsed.value);
}

/**
 * `vite preview` answers a missing file with 404, as the deployed console does (infra/lib/spa-fallback.ts): only a
 * path whose last segment has no dot falls back to index.html. Without this, Vite's own fallback would serve
 * index.html for `/assets/gone.js`, which a browser reports as a module MIME-type error rather than a 404.
 */
function previewMissingFiles(): Plugin {
  return {
    name: 'greenroom-preview-missing-files',
    configurePreviewServer(server) {
      const outDir = resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '/').split('?')[0];
        const last = path.slice(path.lastIndexOf('/') + 1);
        if (!last.includes('.')) return next();
        let file: string;
        try {
          file = resolve(outDir, `.${decodeURIComponent(path)}`);
        } catch {
          file = '';
        }
        if (file.startsWith(outDir + sep) && existsSync(file) && statSync(file).isFile()) return next();
        res.statusCode = 404;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.end('Not found\n');
      });
    },
  };
}

// One config for the app build and both Vitest projects:
// "unit" runs src/** in a DOM, "emulator" runs the emulator's contract tests in Node.
export default defineConfig({
  plugins: [react(), previewConfigFile(), previewMissingFiles()],
  resolve: {
    // Vite ignores the package's `browser` map; point at the browser entry so fromIni & co. stay out of the graph.
    alias: [
      {
        find: /^@aws-sdk\/credential-providers$/,
        replacement: '@aws-sdk/credential-providers/dist-es/index.browser.js',
      },
    ],
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The shell's own small modules that views share with it (routing, polling, connectivity, notices, the AWS
          // error words and request meter) travel as one chunk rather than a handful of tiny ones: each is already
          // on the first load, and one file compresses better and costs one request.
          groups: [{ name: 'shell', test: /\/src\/(routing\/|components\/(Loading|untrusted)\.|query\/(polling|connectivity|notices)\.|aws\/(errors|requestMeter)\.)/ }],
        },
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: previewHeaders() },
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
