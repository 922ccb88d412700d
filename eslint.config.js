// ESLint flat config: typescript-eslint's type-aware recommended rules over every TS file.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.tools/', 'test-results/', 'playwright-report/', 'blob-report/', 'allure-results/', 'reports/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-empty-pattern': 'off', // Playwright fixtures take `{}` when they need no other fixture
    },
  },
  // The boundaries of docs/ARCHITECTURE.md: the emulator's model knows no HTTP; the suite never imports the
  // emulator (it is the emulator's judge, so the two share no code and no constant).
  {
    files: ['emulator/model/**/*.ts', 'emulator/services/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['node:http', 'node:net', '../rest/*', '../graphql/*', '../storefront/*', '../control/*'], message: 'the model and its services know no way in: keep HTTP in the fronts' }] }] },
  },
  {
    files: ['tests/**/*.ts', 'fixtures/**/*.ts', 'selftest/contract/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/emulator/**'], message: 'the suite judges the emulator: it shares no code with it' }] }] },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
