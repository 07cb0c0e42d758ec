import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import greenroom from './scripts/eslint/untrusted-text.js';

// The app's layers, top to bottom (docs/architecture.md). A file imports only from its own layer or a lower
// one; src/test holds test helpers and sits outside the order.
const APP_LAYERS = ['app', 'features', 'components', 'auth', 'routing', 'query', 'aws', 'config'];

export default tseslint.config(
  { ignores: ['scripts/fixtures', 'dist', 'node_modules', 'test-results', 'test-results-background', 'playwright-report', '.pw-home', '.test-output', 'infra/cdk.out', 'infra/.test-output'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })],
      // no-cycle must parse the TypeScript files it follows.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': pluginQuery, greenroom },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Participant text is rendered only through UntrustedText / revealHidden (scripts/eslint/untrusted-text.js).
      'greenroom/untrusted-text': 'error',
      '@tanstack/query/exhaustive-deps': ['error', { allowlist: { types: ['AwsLayer'] } }],
      '@tanstack/query/no-rest-destructuring': 'error',
      '@tanstack/query/stable-query-client': 'error',
      '@tanstack/query/prefer-query-options': 'error',
      // The AWS layer is the only importer of the SDK; features never import each other;
      // product code never reaches into the emulator.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@aws-sdk/*', '@smithy/*'], message: 'Only src/aws/ may import the AWS SDK.' },
            { group: ['**/emulator/**'], message: 'The app never imports the emulator.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/aws/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': 'off' },
  },
  // Times are written in one module, src/query/time.ts, so they read the same on every view and in every file.
  // Anything else that formats a date itself (locale strings, ISO strings, its own hh:mm:ss, its own Intl
  // date formatter) is refused. src/aws turns the wire's dates into ISO strings and is left out; so are tests,
  // which build their fixtures' times.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/query/time.ts', 'src/aws/**', 'src/**/*.test.{ts,tsx}', 'src/test/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name=/^(toLocaleString|toLocaleDateString|toLocaleTimeString|toISOString|toUTCString|toGMTString|toDateString|toTimeString|toJSON|getHours|getMinutes|getSeconds|getUTCHours|getUTCMinutes|getUTCSeconds|getDate|getMonth|getFullYear|getUTCDate|getUTCMonth|getUTCFullYear)$/]",
          message: 'Format times with src/query/time.ts (formatTime, formatClock, formatAge, isoTime …), not by hand: one format across views.',
        },
        {
          selector: "MemberExpression[object.name='Intl'][property.name=/^(DateTimeFormat|RelativeTimeFormat)$/]",
          message: 'Format times with src/query/time.ts, not with an Intl date formatter of your own: one format across views.',
        },
      ],
    },
  },
  // Imports point down the app's layers only.
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: APP_LAYERS.slice(1).map((layer, i) => ({
            target: `./src/${layer}`,
            from: APP_LAYERS.slice(0, i + 1).map((above) => `./src/${above}`),
            message: `src/${layer} sits below ${APP_LAYERS.slice(0, i + 1).join(', ')}: imports point down the layers only.`,
          })),
        },
      ],
    },
  },
  // A feature never imports a sibling feature. A path is a sibling when it climbs exactly to
  // src/features/ and goes down again, which depends on how deep the importing file sits.
  ...[
    { files: ['src/features/*/*.{ts,tsx}'], sibling: '^\\.\\./(?!\\.\\.)[^/]+/' },
    { files: ['src/features/*/*/**/*.{ts,tsx}'], sibling: '^\\.\\./\\.\\./(?!\\.\\.)[^/]+/' },
  ].map(({ files, sibling }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@aws-sdk/*', '@smithy/*'], message: 'Only src/aws/ may import the AWS SDK.' },
            { group: ['**/emulator/**'], message: 'The app never imports the emulator.' },
            { regex: sibling, message: 'A feature never imports a sibling feature.' },
            { regex: '(^|/)features/', message: 'A feature never imports a sibling feature.' },
          ],
        },
      ],
    },
  })),
  // The emulator's layers, top to bottom. A layer imports only from layers below it (or within itself), so the
  // pieces that model AWS never depend on how requests arrive:
  //   cli.ts                     the command line
  //   scenarios/                 seeded demo worlds, played against a running emulator
  //   server.ts                  wiring: one emulator from its parts
  //   control/                   the /_greenroom/* control API and its typed client
  //   http/ cloudwatch/ appsync/ the wire: routing, SigV4, CORS, faults, the IVS pipeline, the request log;
  //                              CloudWatch's two protocols and its operations, answered whole; the AppSync Events
  //                              API (WebSocket and HTTP publish) and its push faults
  //   operations/ cognito/ userpool/ metrics/ events/   the AWS services' behaviour (metrics: derived from
  //                              participants; events: the EventBridge events IVS sends for each change)
  //   iam/                       the policy check
  //   auth/                      the credential store
  //   state/ model/              the world's records and the service models
  //   errors.ts                  the error type every layer throws
  ...(() => {
    const layers = [
      ['cli.ts'],
      ['scenarios'],
      ['server.ts'],
      ['control'],
      ['http', 'cloudwatch', 'appsync'],
      ['operations', 'cognito', 'userpool', 'metrics', 'events'],
      ['iam'],
      ['auth'],
      ['state', 'model'],
      ['errors.ts'],
    ].map((entries) => entries.map((entry) => `emulator/src/${entry}`));
    return [
      {
        files: ['emulator/src/**/*.ts'],
        rules: {
          'import-x/no-restricted-paths': [
            'error',
            {
              basePath: import.meta.dirname,
              zones: layers.slice(1).map((target, i) => ({
                target,
                from: layers.slice(0, i + 1).flat(),
                message: `In the emulator a lower layer never imports a higher one: ${target.join(', ')} sits below ${layers
                  .slice(0, i + 1)
                  .flat()
                  .join(', ')} (the order is in eslint.config.js).`,
              })),
            },
          ],
        },
      },
    ];
  })(),
  {
    files: ['emulator/**/*.ts', 'scripts/**/*.ts', 'e2e/**/*.ts', '*.config.{ts,js}', 'infra/lambda/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
);
