import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/harness/global-setup.ts'],
    // CLI tests spawn the built binary; give slow CI machines room without asserting speed.
    testTimeout: 30_000,
    // Set-up hooks migrate a fresh PostgreSQL schema and seed teams; on a busy machine that
    // can take more than the default 10 s. A limit, not a speed assertion.
    hookTimeout: 60_000,
    // expect.poll (the browser tests' wait for the page) gives up after 1 s by default; a page
    // whose code is loaded on demand, on a machine running three browsers, can need longer.
    // A limit, not a speed assertion: a poll that succeeds returns at once.
    expect: { poll: { timeout: 10_000 } },
  },
});
