/**
 * The providers against the simulator over HTTP, called the way the engine calls them, without
 * the engine: shared by test/provider. Registers the file's hooks: one simulator (no rate limit)
 * and the providers configured for it before the file, a reset before each test, a close after.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { configureProvider } from "../../provider";
import { startSimulator, type Simulator, type SimulatorOptions } from "../../simulator";
import { standIn } from "../support/stand-in";

export interface SimulatedProviders {
  /** The file's simulator (started by its beforeAll; usable from the tests on). */
  sim: Simulator;
  /** The access key the simulator takes and the providers sign with. */
  creds: { accessKeyId: string; accessKeySecret: string };
}

export function simulatedProviders(
  accessKeySecret = "test-secret",
  options: Omit<SimulatorOptions, "accessKeyId" | "accessKeySecret"> = {},
): SimulatedProviders {
  const creds = { accessKeyId: "k", accessKeySecret };
  let sim: Simulator | undefined;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, rate: 0, ...options, ...creds });
    configureProvider({ endpoint: sim.url, ...creds, rate: 0 });
  });
  afterAll(() => sim?.close());
  beforeEach(() => sim?.reset());
  return {
    sim: standIn(() => {
      if (!sim) throw new Error("simulatedProviders: the simulator starts in the file's beforeAll");
      return sim;
    }),
    creds,
  };
}
