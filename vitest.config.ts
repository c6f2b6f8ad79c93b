import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/harness/global-setup.ts'],
    // CLI tests spawn the built binary; give slow CI machines room without asserting speed.
    testTimeout: 30_000,
  },
});
