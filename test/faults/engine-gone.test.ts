/**
 * The engine killed, its provider stops (issue 24, item 3). SIGKILL to the `pulumi` CLI alone (a
 * CI runner's cancel that reaches only the process it started; the plugins have their own process
 * group) in the middle of an `up` whose whole plan sits in the provider's pacer queue
 * (`--parallel 10000`, 60 agents at 3 creates per second). Then no request reaches the server
 * more than a second after the kill, and no process the engine started is left running.
 */
import * as fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "../../simulator";
import { createStack, programDir, SIM_KEY_ID, SIM_KEY_SECRET, type ProgramDir } from "../e2e/harness";
import { alive, descendantsOf, enginePids } from "../engine/kill";
import { present } from "../support/present";

type Sim = Awaited<ReturnType<typeof startSimulator>>;

const AGENTS = 60;

describe("the engine killed mid-up", () => {
  let sim: Sim;
  let where: ProgramDir;
  beforeAll(async () => {
    where = programDir();
    sim = await startSimulator({ port: 0, accessKeyId: SIM_KEY_ID, accessKeySecret: SIM_KEY_SECRET, rate: 3 });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it("leaves no request after a second and no provider process", async () => {
    const h = await createStack(
      where,
      ({ clink }) => {
        for (let i = 0; i < AGENTS; i++) {
          const cno = String(2000 + i);
          new clink.Client(`a${cno}`, { cno, name: `a${cno}`, areaCode: "010", password: `Pw-${cno}-secret` });
        }
      },
      { endpoint: sim.url, project: "clink-engine-gone", config: { "clink:rate": { value: "3" } } },
    );
    const running = h.stack.up({ parallel: 10000 }).then(
      () => "finished",
      () => "killed",
    );
    const creates = () => sim.log().filter((e) => e.path === "/cc/create_client").length;
    const started = Date.now();
    while (creates() < 6) {
      if (Date.now() - started > 120_000) throw new Error("the up never started creating");
      await new Promise((r) => setTimeout(r, 20));
    }
    const engines = enginePids(h.workDir);
    expect(engines).toHaveLength(1);
    const plugins = descendantsOf(engines);
    expect(plugins.length).toBeGreaterThan(0);
    const describe = (pid: number) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").slice(0, 160);
      } catch {
        return "(ended)";
      }
    };
    const killedAt = Date.now();
    process.kill(present(engines[0], "a running engine"), "SIGKILL");
    expect(await running).toBe("killed");
    await new Promise((r) => setTimeout(r, 5000));

    const late = sim.log().filter((e) => e.at > killedAt + 1000);
    expect(
      late.map((e) => `${e.path} +${e.at - killedAt} ms`),
      "requests more than a second after the kill",
    ).toEqual([]);
    expect(creates()).toBeLessThan(AGENTS); // killed in the middle
    const left = plugins.filter(alive);
    for (const pid of left) process.kill(pid, "SIGKILL"); // ours to end, whatever the verdict
    expect(left.map(describe), "processes the engine started, still running").toEqual([]);
  });
});
