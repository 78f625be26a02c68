import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'node_modules',
      'test-results',
      'test-results-*',
      '.e2e-fixtures',
      '.e2e-fixtures-*',
      'playwright-report',
    ],
  },
  {
    extends: [js.configs.recommended, ...tseslint.configs.strictTypeChecked],
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.worker },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // DOM and runtime typings claim APIs and fields exist that some browsers and versions lack.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Only the adapters may import the runtimes; only the controller talks to the engine client.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@mlc-ai/web-llm', message: 'Only src/engine/webllm may import web-llm.' },
            { name: '@wllama/wllama', message: 'Only src/engine/llamacpp may import wllama.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/engine/webllm/**', 'build/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/engine/llamacpp/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/features/**', 'src/app/**', 'src/ui/**', 'src/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/engine/client', '**/engine/worker'],
              message: 'Only src/controller talks to the engine client.',
            },
          ],
          paths: [
            { name: '@mlc-ai/web-llm', message: 'Only src/engine/webllm may import web-llm.' },
            { name: '@wllama/wllama', message: 'Only src/engine/llamacpp may import wllama.' },
          ],
        },
      ],
    },
  },
  {
    // Lower layers never reach up into features/, nor into the engine client (only src/controller talks
    // to it).
    files: [
      'src/engine/**',
      'src/downloads/**',
      'src/store/**',
      'src/metrics/**',
      'src/webllm-cache/**',
      'src/catalog/**',
      'src/quality/**',
      'src/security/**',
      'src/device/**',
    ],
    ignores: ['src/engine/webllm/**', 'src/engine/llamacpp/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/features/**'], message: 'Lower layers never import features/.' },
            {
              group: ['**/engine/client', '**/engine/worker'],
              message: 'Only src/controller talks to the engine client.',
            },
          ],
          paths: [
            { name: '@mlc-ai/web-llm', message: 'Only src/engine/webllm may import web-llm.' },
            { name: '@wllama/wllama', message: 'Only src/engine/llamacpp may import wllama.' },
          ],
        },
      ],
    },
  },
  {
    // The controller talks to the engine client, so only features/ is out of bounds for it.
    files: ['src/controller/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/features/**'], message: 'Lower layers never import features/.' }],
          paths: [
            { name: '@mlc-ai/web-llm', message: 'Only src/engine/webllm may import web-llm.' },
            { name: '@wllama/wllama', message: 'Only src/engine/llamacpp may import wllama.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/engine/webllm/**', 'src/engine/llamacpp/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/features/**'], message: 'Lower layers never import features/.' }] },
      ],
    },
  },
  {
    files: ['e2e/**', 'scripts/**', 'build/**', '*.config.ts', '**/*.test.ts', '**/*.test.tsx'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
);
