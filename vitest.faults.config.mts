import { defineConfig } from "vitest/config";

// The fault soak (issue 9): a center applied under the real engine while the simulator injects
// faults. Same scratch program directory as the e2e suite.
export default defineConfig({
  test: {
    include: ["test/faults/**/*.test.ts"],
    globalSetup: ["test/e2e/global-setup.ts"],
    testTimeout: 900_000,
    hookTimeout: 600_000,
    fileParallelism: false,
    // Every simulator answers the strict way (simulator/README.md, Strict answers): ResourceNotFound
    // wherever a request names an object that does not exist, as a real server may.
    env: { CLINK_SIMULATOR_STRICT: "1" },
  },
});
