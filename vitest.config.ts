import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    // Deadlines that only end a hang: a loaded machine loads the GPT model in a setup hook slowly.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
