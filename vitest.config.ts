import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**'],
    environment: 'node',
    globalSetup: ['tests/helpers/build.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
