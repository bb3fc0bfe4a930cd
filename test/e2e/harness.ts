/**
 * The engine harness for the e2e suite: the program directory comes from global-setup.ts, and
 * every `stack.up()` previews first, as `pulumi up` does (engine.ts, previewBeforeUp).
 *
 * `engineSuite()` is the prologue every e2e file shares: one simulator for the file (strict
 * answers: vitest.e2e.config.mts sets CLINK_SIMULATOR_STRICT), the program directory, stacks
 * against that simulator, a console client, and everything closed after the file.
 */
import { afterAll, beforeAll, inject } from "vitest";
import { ClinkClient } from "../../provider";
import { startSimulator, type Simulator, type SimulatorOptions } from "../../simulator";
import { standIn } from "../support/stand-in";
import {
  createStack as createEngineStack,
  programDirAt,
  SIM_KEY_ID,
  SIM_KEY_SECRET,
  type Program,
  type ProgramDir,
  type StackHandle,
} from "../engine/engine";

export * from "../engine/engine";
export type { Simulator };

/** A desk phone (doc 3.4.1 create_exten): what the agent-and-phone e2e programs bind. */
export const DESK_PHONE = { extenNumber: "8001", password: "desk-pw-1", areaCode: "010", type: 1, allow: 1 } as const;

export function programDir(dir: string = inject("e2eProgramDir")): ProgramDir {
  return programDirAt(dir);
}

/** engine.ts createStack, with `previewBeforeUp` on unless the test turns it off. */
export const createStack: typeof createEngineStack = (where, program, options) =>
  createEngineStack(where, program, { previewBeforeUp: true, ...options });

type StackOptions = Omit<Parameters<typeof createEngineStack>[2], "endpoint"> & { endpoint?: string };

export interface EngineSuite {
  /** This file's simulator (started by the file's beforeAll; usable from the tests on). */
  sim: Simulator;
  where: ProgramDir;
  /**
   * A signed API client for the simulator, with no rate of its own: what a person does in the
   * Clink console, or what a test reads back through the API. Closed after the file.
   */
  console: ClinkClient;
  /**
   * A fresh stack (own backend) running `program` against the simulator; `up` previews first. On
   * a simulator with no rate limit (`rate: 0`) the provider does not pace either (`clink:rate` 0):
   * pacing against doc 2.6's limit is proven where the limit is on (the files that keep the
   * default rate, live-agents, the fault soak, the fleet and the bench's --check).
   */
  stack(program: Program, options?: StackOptions): Promise<StackHandle>;
}

/**
 * Registers the file's beforeAll/afterAll: starts the simulator with the e2e access key and
 * `options` (seed, rate, state file...), runs `seed` on it (rows every test of the file starts
 * from), and closes it and the console client after the file. What it returns can be
 * destructured at the top of the file: each member stands for the object the beforeAll makes.
 */
export function engineSuite(
  options: Omit<SimulatorOptions, "accessKeyId" | "accessKeySecret"> = {},
  seed?: (sim: Simulator) => void,
): EngineSuite {
  let sim: Simulator | undefined;
  let where: ProgramDir | undefined;
  let api: ClinkClient | undefined;
  beforeAll(async () => {
    where = programDir();
    sim = await startSimulator({ port: 0, ...options, accessKeyId: SIM_KEY_ID, accessKeySecret: SIM_KEY_SECRET });
    seed?.(sim);
  });
  afterAll(async () => {
    await api?.close();
    await sim?.close();
  });
  const simulator = () => {
    if (!sim) throw new Error("engineSuite: the simulator starts in the file's beforeAll; use it from a test or hook");
    return sim;
  };
  return {
    sim: standIn(simulator, { bind: true }),
    where: standIn(() => where ?? programDir()),
    console: standIn(
      () => {
        api ??= new ClinkClient({
          endpoint: simulator().url,
          accessKeyId: SIM_KEY_ID,
          accessKeySecret: SIM_KEY_SECRET,
          rate: 0,
        });
        return api;
      },
      { bind: true },
    ),
    stack: (program, stackOptions = {}) =>
      createStack(where ?? programDir(), program, {
        endpoint: simulator().url,
        ...stackOptions,
        config: { ...(options.rate === 0 ? { "clink:rate": { value: "0" } } : {}), ...stackOptions.config },
      }),
  };
}
