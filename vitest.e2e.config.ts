import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// End-to-end tests drive a real Chromium with the built extension; one file at
// a time keeps the two cores of a CI machine from thrashing.
export default defineConfig({
  // The same `@/` alias as tsconfig.json: one import style everywhere.
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
