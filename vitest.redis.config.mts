import { defineConfig } from "vitest/config";

// The rate budget shared through Redis (issue 26): needs `redis-server` on PATH (Debian's package;
// .ci/run installs it). Kept out of `npm test` so that the README's test command needs nothing
// beyond Node, npm and Go.
export default defineConfig({
  test: {
    include: ["test/redis/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
