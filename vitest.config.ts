import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src-main/**/*.test.ts', 'shared/**/*.test.ts', 'src-renderer/**/*.test.{ts,tsx}', 'src-preload/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'site/src/**/*.test.ts'],
    environment: 'node',
    // a bound for a hung test, not a speed check: CLI and restic tests run dozens of child processes,
    // and beside another file on a busy 2-core machine each starts several times slower than alone
    // (single CLI tests took 60-130 s there; they pass within 30 s on an idle one)
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // most files spend their time waiting on child processes (restic, Postgres, the CLI, servers),
    // not on a core: two files at a time even on a 2-core machine (vitest's default there is one)
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
