import { defineConfig } from "vitest/config";

// End-to-end tests under the real Pulumi engine (Automation API, local file backend) against the
// simulator. globalSetup packs this package and installs it, as a user would, into a scratch
// program directory; the suites then run programs from there.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    globalSetup: ["test/e2e/global-setup.ts"],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // Each suite drives the engine, which already uses both cores.
    fileParallelism: false,
    // Every simulator answers the strict way (simulator/README.md, Strict answers): ResourceNotFound
    // wherever a request names an object that does not exist, as a real server may.
    env: { CLINK_SIMULATOR_STRICT: "1" },
  },
});
