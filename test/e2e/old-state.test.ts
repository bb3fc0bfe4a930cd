/**
 * State written by release 0.1.0 keeps working with this one: the fixture
 * (test/fixtures/state-0.1.0: the stack's deployment and the simulator's state, written by 0.1.0
 * from center.ts) is imported into a stack that runs today's package. Its first preview shows no
 * changes (sets stored as lists, passwords stored in the outputs); refresh converts it (keyed
 * sets, fingerprints); an update of a field and of a password lands; destroy removes everything.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { center, PORT, PROJECT } from "../fixtures/state-0.1.0/center";
import { changesOf, engineSuite, recorder } from "./harness";

const FIXTURE = path.join(__dirname, "..", "fixtures", "state-0.1.0");

describe("state written by 0.1.0", () => {
  // The simulator's state as 0.1.0 left it, on the port that state's serialized providers name.
  const statePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "clink-old-state-")), "simulator.json");
  fs.copyFileSync(path.join(FIXTURE, "simulator-state.json"), statePath);
  const { sim, stack } = engineSuite({ port: PORT, rate: 0, statePath });

  it("previews clean, refreshes, updates and destroys with today's release", async () => {
    let edits = {};
    const h = await stack((sdk) => center(edits)(sdk), { project: PROJECT });
    await h.stack.importStack(JSON.parse(fs.readFileSync(path.join(FIXTURE, "deployment.json"), "utf8")));
    expect((await h.stack.exportStack()).deployment.resources.length).toBeGreaterThan(9);

    await h.stack.preview({ expectNoChanges: true });
    const refresh = await h.stack.refresh();
    expect(refresh.summary.result).toBe("succeeded");
    await h.stack.preview({ expectNoChanges: true });

    edits = { wrapupTime: 45, password: "Alice-new-pw-2" };
    const rec = recorder();
    await h.stack.up({ onEvent: rec.onEvent });
    expect(changesOf(rec.ops)).toEqual(["update alice"]);
    expect(sim.admin.list("client")).toContainEqual(expect.objectContaining({ cno: "1001", wrapupTime: 45 }));
    expect(sim.log().filter((e) => e.path === "/cc/update_client" && e.params?.includes("password"))).toHaveLength(1);
    await h.stack.preview({ expectNoChanges: true });

    await h.stack.destroy();
    for (const kind of ["client", "queue", "exten", "pause", "dynamicTelGroup", "restrictTel"])
      expect(sim.admin.list(kind), kind).toEqual([]);
  });
});
