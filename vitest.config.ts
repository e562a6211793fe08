import { defineConfig } from 'vitest/config';

// One runner, three kinds of test: pure Node (shared, apps-script bundle, sandbox), extension code in
// happy-dom, and the built extension in real Chromium. `npm test` builds first, so the bundle and
// extension tests always see the current dist/.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/shared/**/*.test.ts', 'tests/apps-script/**/*.test.ts', 'tests/sandbox/**/*.test.ts', 'tests/cli/**/*.test.ts'],
          environment: 'node',
          // Some tests run the whole built bundle in dozens of sandbox executions; on two cores shared
          // with the other projects they can pass the default 5 s without anything being wrong.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'extension',
          include: ['tests/extension/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // A real browser on virtual time shares two cores with the other projects; one retry keeps a
          // scheduling hiccup from failing a run, while a real fault still fails twice.
          retry: 1,
        },
      },
    ],
  },
});
