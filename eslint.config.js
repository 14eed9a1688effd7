import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { layerRules } from './eslint.layers.js';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'test-results/**', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      ecmaVersion: 2023,
      sourceType: 'module',
      // Each workspace's tsconfig types its files; the root's two Vitest configs belong to none.
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts', 'vitest.load.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Numbers in messages and URLs are what they look like; `${count}` needs no String().
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `onClick={() => setOpen(true)}` and, in middleware that returns nothing, `return next()`
      // are how React and Express code read; a void value used anywhere else is still an error.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true }],
      'no-console': 'error',
    },
  },
  {
    // SQLite answers at once, yet the Store interface is async for PostgreSQL; so are the fakes in
    // tests, and PostgreSQL's pipelined writes, which are sent without waiting for the answer.
    // `async` is what keeps a thrown error a rejection there, with nothing to await.
    files: [
      'server/src/store/sqlite/*.ts',
      'server/src/store/postgres/pg-tx.ts',
      'server/src/store/postgres/pg-webhooks.ts',
      '**/*.test.ts',
      'test/**/*.ts',
    ],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['server/src/http/docs/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...layerRules,
);
