import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import greenroom from './scripts/eslint/untrusted-text.js';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', '.pw-home', '.test-output', 'infra/cdk.out', 'infra/.test-output'] },
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
  // A feature never imports a sibling feature. A path is a sibling when it climbs exactly to
  // src/features/ and goes down again, which depends on how deep the importing file sits.
  // The one exception is auth: every feature gates its controls with auth's <Can> and keeps drafts with it (P11).
  ...[
    { files: ['src/features/*/*.{ts,tsx}'], sibling: '^\\.\\./(?!\\.\\.|auth/)[^/]+/' },
    { files: ['src/features/*/*/**/*.{ts,tsx}'], sibling: '^\\.\\./\\.\\./(?!\\.\\.|auth/)[^/]+/' },
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
            { regex: '(^|/)features/(?!auth/)', message: 'A feature never imports a sibling feature.' },
          ],
        },
      ],
    },
  })),
  {
    files: ['emulator/**/*.ts', 'scripts/**/*.ts', 'e2e/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
  },
);
