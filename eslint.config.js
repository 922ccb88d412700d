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
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
