// Lint rules, including the dependency direction from STYLE.md:
// packages never import apps; apps never import each other; kafka-protocol, partitioners and
// assignors import no other package of ours; events imports only zod.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const ourPackages = ['@lanes/*'];
const appsByRelativePath = ['**/apps/**'];

/**
 * Files in `dir` may import only the listed packages of ours. Tests may also import those in
 * `testsMayUse`: a parity test of a pure package runs real clients against the embedded broker,
 * which the package itself must never depend on.
 */
function layer(dir, allowed, message, testsMayUse = []) {
  return [rules(dir, [`${dir}/**/*.ts`, `${dir}/**/*.tsx`], allowed, message), ...(testsMayUse.length ? [rules(dir, [`${dir}/**/*.test.ts`], [...allowed, ...testsMayUse], message)] : [])];
}

function rules(dir, files, allowed, message) {
  const forbidden = ourPackages.map((group) => ({
    group: [group, ...allowed.map((name) => `!${name}`)],
    message,
  }));
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...forbidden,
            { group: appsByRelativePath, message: 'Packages and apps never import an app.' },
            { group: ['**/packages/*/src/**', '../../packages/**'], message: 'Import a package by its name, not by path.' },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/generated/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['apps/web/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  ...layer('packages/kafka-protocol', [], 'kafka-protocol is the bottom layer: it imports no other package of ours.'),
  ...layer('packages/partitioners', [], 'partitioners are pure: they import no other package of ours.', ['@lanes/broker']),
  ...layer('packages/assignors', [], 'assignors are pure: they import no other package of ours.', ['@lanes/broker']),
  ...layer('packages/events', [], 'events imports only zod.'),
  ...layer('packages/broker', ['@lanes/kafka-protocol'], 'The broker depends only on @lanes/kafka-protocol.'),
  ...layer('apps/gateway', ['@lanes/kafka-protocol', '@lanes/broker', '@lanes/partitioners', '@lanes/assignors', '@lanes/events'], 'The gateway never imports another app.'),
  ...layer('apps/web', ['@lanes/partitioners', '@lanes/events'], 'The web app talks to the gateway over socket.io only.'),
);
