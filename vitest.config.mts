import * as os from "node:os";
import { defineConfig } from "vitest/config";

// Unit and simulator-backed integration tests. The engine-level suite has its own config
// (vitest.e2e.config.ts) because it needs the Pulumi CLI and runs for minutes; so does the fault
// soak (vitest.faults.config.mts), and the shared budget in Redis (vitest.redis.config.mts: it needs
// redis-server, which .ci/run installs).
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**", "test/faults/**", "test/redis/**", "node_modules/**", "examples/**"],
    // Most files wait on timers, sockets and child processes rather than compute: three at once on
    // a 2-core machine take the suite from 166 s to 76 s (vitest's default is one worker per core
    // less one, so a single worker there).
    maxWorkers: Math.max(3, os.availableParallelism()),
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
