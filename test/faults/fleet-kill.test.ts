/**
 * Many stacks on one key (issue 26): four department stacks applied at once on one machine share
 * each endpoint's budget; one engine is SIGKILLed mid-up, with slots of its provider in flight.
 * The other three finish, no call is refused with 429, and the dead process's slots free up (a
 * slot left held for ever would stall the three at that endpoint).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { department } from "../../bench/fleet";
import { startSimulator } from "../../simulator";
import { createStack, programDir, SIM_KEY_ID, SIM_KEY_SECRET } from "../e2e/harness";
import { killEngine } from "../engine/kill";
import { present } from "../support/present";

const AGENTS = 12;

const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of closers) await c();
});

describe("four stacks at once on one key", () => {
  it("one engine killed mid-up: the other three finish with no 429", async () => {
    const sim = await startSimulator({
      port: 0,
      accessKeyId: SIM_KEY_ID,
      accessKeySecret: SIM_KEY_SECRET,
      rate: 3,
      seed: { extenLimit: 4 * AGENTS + 10 },
    });
    closers.push(() => sim.close());
    const budgetDir = fs.mkdtempSync(path.join(os.tmpdir(), "clink-fleet-budget-"));
    const where = programDir();
    const stacks = await Promise.all(
      [1, 2, 3, 4].map((k) =>
        createStack(where, (sdk) => department(k, AGENTS, sdk), {
          endpoint: sim.url,
          project: `clink-fleet-${k}`,
          env: { CLINK_RATE_BUDGET: "machine", CLINK_RATE_BUDGET_DIR: budgetDir },
        }),
      ),
    );
    const ups = stacks.map((h) => h.stack.preview({ parallel: 10000 }).then(() => h.stack.up({ parallel: 10000 })));
    // Kill the first stack's engine once its agents are being created.
    const doomed = present(stacks[0], "the first stack");
    for (let i = 0; i < 600; i++) {
      const made = sim.log().filter((e) => e.path === "/cc/create_client" && e.status === 200).length;
      if (made >= 6 && fs.existsSync(doomed.workDir)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(killEngine(doomed.workDir)).toBeGreaterThan(0);
    const outcomes = await Promise.allSettled(ups);
    expect(outcomes[0]?.status).toBe("rejected");
    // A failed stack shows the engine's own error lines: its first 300 characters were only the
    // command line and the preview's progress.
    const failure = (reason: unknown) =>
      String(reason)
        .split("\n")
        .filter((l) => /error|failed|refused/i.test(l))
        .join("\n")
        .slice(0, 2000);
    expect(outcomes.slice(1).map((o) => (o.status === "rejected" ? failure(o.reason) : "ok"))).toEqual([
      "ok",
      "ok",
      "ok",
    ]);
    expect(sim.log().filter((e) => e.status === 429)).toEqual([]);
    // Every agent of the three is there.
    const cnos = new Set(sim.admin.list("client").map((c) => (c as { cno: string }).cno));
    for (const k of [2, 3, 4])
      for (let i = 0; i < AGENTS; i++) expect(cnos.has(`${k}${String(i).padStart(3, "0")}`)).toBe(true);
  });
});
