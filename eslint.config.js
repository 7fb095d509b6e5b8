import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    // Plain JavaScript runs on Node.js (TypeScript files get their globals from the types).
    files: ['**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // Command-line tools print to the terminal by design.
    files: ['scripts/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Platform SDKs stay inside the channel adapters.
    files: ['src/**'],
    ignores: ['src/channels/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['twilio', '@line/bot-sdk'] }],
    },
  },
  {
    // Dialogs decide what to say without knowing any transport.
    files: ['src/dialogs/**', 'src/knowledge/**', 'src/suspension/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['twilio', '@line/bot-sdk', 'express'] }],
    },
  },
);
