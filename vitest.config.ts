import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          // Vitest's default is one worker fewer than the cores: on a 2-core machine one worker, and
          // a core idle for the whole unit run (docs/testing.md "How long npm test takes").
          maxWorkers: '100%',
          include: ['server/**/*.test.ts', 'src/**/*.test.ts', 'test/unit/**/*.test.ts'],
          setupFiles: ['test/setup-node.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          maxWorkers: '100%',
          include: ['src/**/*.test.tsx', 'test/component/**/*.test.{ts,tsx}'],
          // One jsdom and one module graph per worker, not per file: each file no longer builds a
          // window and evaluates React and the app again (the dom project's CPU time halved,
          // docs/testing.md "Fast, honest tests"). What a fresh file would have had, test/setup-dom.ts
          // restores after every test, and stubbed globals are restored (unstubGlobals). The setup
          // files run again for every file; their imports would not, so both are listed here.
          isolate: false,
          unstubGlobals: true,
          setupFiles: ['test/setup-node.ts', 'test/setup-dom.ts'],
        },
      },
      {
        // Real Chromium against the production build; see test/e2e/harness and README "Testing".
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/harness/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two test files at a time: Chromium, vite preview and the API share two cores.
          maxWorkers: 2,
          // One module graph and one Chromium per worker, not per file (fixtures.ts: the browser is
          // worker-scoped; every test still gets its own browser context): playwright-core was
          // imported and Chromium launched 19 times.
          isolate: false,
        },
      },
    ],
  },
})
