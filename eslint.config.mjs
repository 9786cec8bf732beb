import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

const noElectron = {
  name: 'electron',
  message: 'Services and the shared contract stay Electron-free; use src/main glue.',
};
const noNode = NODE_BUILTINS.map((name) => ({ name, message: 'The renderer runs in a sandbox: no Node built-ins.' }));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', '.cache/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', { selector: 'CallExpression[callee.name="eval"]', message: 'No eval.' }],
    },
  },
  {
    files: ['src/main/ipc/core/**/*.ts', 'src/main/cli/**/*.ts', 'src/main/handlers/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: ['electron/*'] }],
    },
  },
  {
    // Services are the product's logic: no Electron, no transport, no handlers (they are called, they don't call up).
    files: ['src/main/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: ['electron/*'], message: noElectron.message },
            {
              group: ['**/ipc/**', '**/handlers/**', '**/cli/**'],
              message: 'Services never import the transport, handlers or the CLI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            noElectron,
            ...NODE_BUILTINS.map((name) => ({ name, message: 'src/shared is used by the renderer too.' })),
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through lib/api.ts.' }, ...noNode],
          patterns: [{ group: ['**/main/**', '**/preload/**'], message: 'The renderer imports only src/shared.' }],
        },
      ],
    },
  },
  {
    files: ['src/renderer/src/stores/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through lib/api.ts.' }, ...noNode],
          patterns: [
            { group: ['**/main/**', '**/preload/**'], message: 'The renderer imports only src/shared.' },
            {
              group: ['**/features/**', '**/components/**'],
              message: 'A store never imports a feature or a component.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['tests/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
