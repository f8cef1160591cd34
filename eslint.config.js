// Type-checked, strict typescript-eslint over the whole repository, run once at the root
// (one program is far cheaper than per-package lint; see ../shared/toolchain.md).
import { defineConfig, globalIgnores } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default defineConfig(
  // Temporary files other tools write while a parallel task runs (tsup and vite bundle their config beside it,
  // then delete it): lint must not try to read one that vanishes under it (CI failed on exactly that, ENOENT).
  globalIgnores(['**/node_modules/', '**/dist/', '**/.turbo/', 'coverage/', 'test-artifacts/', 'bench/out/', '**/tsup.config.bundled_*', '**/*.timestamp-*.mjs', '.stryker-tmp/']),
  js.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // The core must bundle for a browser: no Node built-ins outside its explicit node entry.
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/node/**', 'packages/core/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(node:|fs$|path$|url$|os$|module$)', message: '@jixiao/core must not import Node built-ins (browser bundle); use src/node/.' }] }],
    },
  },
  {
    // The importer's main entry must bundle for a browser too: converters (child processes) live in src/node/.
    files: ['packages/import/src/**/*.ts'],
    ignores: ['packages/import/src/node/**', 'packages/import/src/**/*.test.ts'],
    rules: {
      // Type-only imports are erased (the .docx inflater types Node's zlib, which it finds at run time only).
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ regex: '^(node:|fs$|path$|url$|os$|module$|child_process$)', allowTypeImports: true, message: '@jixiao/import must not import Node built-ins (browser bundle); use src/node/.' }] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/bin/*.js', 'bench/**', 'scripts/**', 'examples/**/*.mjs'],
    rules: { 'no-console': 'off' },
  },
);
