import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Starts a private Redis for the run and hands its URL to workers (see the file).
    globalSetup: ['test/support/global-setup.ts'],
    // Files run in parallel in separate processes; Redis isolation comes from each test's key prefix.
    pool: 'forks',
    fileParallelism: true,
    // Vitest's default (CPUs - 1) is a single worker on a 2-CPU machine, yet most of our tests wait on
    // timers and Redis rather than the CPU.
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 20_000,
    hookTimeout: 20_000,
    teardownTimeout: 10_000,
    // The JSON report lets .ci/run print a plain "N passed, N failed" line for CI.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-output/vitest.json' },
  },
})
