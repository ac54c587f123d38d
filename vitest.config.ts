import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src-main/**/*.test.ts', 'shared/**/*.test.ts', 'src-renderer/**/*.test.{ts,tsx}', 'src-preload/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // most files spend their time waiting on child processes (restic, Postgres, the CLI, servers), not
    // on a core: two at a time even on a 2-core machine (727 s → 414 s there, the same 1,245 tests passing)
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
