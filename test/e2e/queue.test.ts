/**
 * The full life of a Queue under the real engine, against the simulator: up from empty, a
 * no-change preview, an update, a replacement, drift found by refresh and repaired by up,
 * adoption, the exported state, refresh/destroy from a copied program directory, destroy. (An
 * existing queue refused without adopt: test/provider/adoption.test.ts.)
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { changesOf, engineSuite, programDir, recorder, SIM_KEY_SECRET } from "./harness";
import { checkExportedState } from "./state-checks";

describe("Queue under the real engine", () => {
  const { sim, where, stack } = engineSuite();

  it("creates, previews clean, updates, replaces, repairs drift, adopts, survives a move and destroys", async () => {
    let support: Record<string, unknown> = { qno: "0001", name: "support", wrapupTime: 20 };
    let adoptExisting = false;
    const h = await stack(({ clink }) => {
      const q = new clink.Queue("support", support as never);
      if (adoptExisting) new clink.Queue("existing", { qno: "0009", name: "renamed", adopt: true });
      return { qno: q.qno, wrapupTime: q.wrapupTime };
    });

    // Up from empty: one create, and the server holds the declaration with the documented defaults.
    let rec = recorder();
    const up = await h.stack.up({ onEvent: rec.onEvent });
    expect(changesOf(rec.ops)).toEqual(["create support"]);
    expect(up.outputs.wrapupTime?.value).toBe(20);
    expect(sim.admin.list("queue")).toEqual([expect.objectContaining({ qno: "0001", wrapupTime: 20, maxWait: 5 })]);

    // The same program again: no changes (throws otherwise).
    await h.stack.preview({ expectNoChanges: true });

    // An updatable field: an in-place update.
    support = { ...support, wrapupTime: 45 };
    rec = recorder();
    await h.stack.up({ onEvent: rec.onEvent });
    expect(changesOf(rec.ops)).toEqual(["update support"]);
    await h.stack.preview({ expectNoChanges: true });

    // The identity (qno): a replacement; the new key differs, so create first, then delete the old.
    support = { ...support, qno: "0002" };
    rec = recorder();
    await h.stack.up({ onEvent: rec.onEvent });
    expect(changesOf(rec.ops)).toEqual(["create-replacement support", "replace support", "delete-replaced support"]);
    expect(sim.admin.list("queue").map((q) => (q as { qno: string }).qno)).toEqual(["0002"]);

    // Drift made out of band: refresh sees it, up repairs it, then nothing is left to do.
    sim.admin.edit("queue", "0002", { wrapupTime: 99 });
    const refreshed = await h.stack.refresh();
    expect(refreshed.summary.resourceChanges?.update).toBe(1);
    rec = recorder();
    await h.stack.preview({ onEvent: rec.onEvent });
    expect(changesOf(rec.ops)).toEqual(["update support"]);
    await h.stack.up();
    expect(sim.admin.list("queue")).toEqual([expect.objectContaining({ qno: "0002", wrapupTime: 45 })]);
    await h.stack.preview({ expectNoChanges: true });

    // Adoption: a queue that already exists is taken over (and converged) only with the opt-in.
    sim.admin.insert("queue", { qno: "0009", name: "legacy" });
    adoptExisting = true;
    rec = recorder();
    await h.stack.up({ onEvent: rec.onEvent });
    expect(changesOf(rec.ops)).toEqual(["create existing"]);
    expect(sim.admin.list("queue")).toContainEqual(expect.objectContaining({ qno: "0009", name: "renamed" }));
    await h.stack.preview({ expectNoChanges: true });

    await checkExportedState(h.stack, { secrets: [SIM_KEY_SECRET], backendDir: h.backendDir });

    // Another runner: the program directory copied elsewhere, the original gone. Refresh and destroy still work.
    const moved = fs.mkdtempSync(path.join(os.tmpdir(), "clink-moved-"));
    fs.cpSync(where.dir, moved, { recursive: true });
    const elsewhere = programDir(moved);
    const movedStack = await h.reopenFrom(elsewhere);
    const hidden = `${where.dir}.hidden`;
    fs.renameSync(where.dir, hidden);
    try {
      await movedStack.refresh();
      rec = recorder();
      await movedStack.destroy({ onEvent: rec.onEvent });
      expect(rec.of("delete").sort()).toEqual(["existing", "support"]);
    } finally {
      fs.renameSync(hidden, where.dir);
    }
    expect(sim.admin.list("queue")).toEqual([]);
  });
});
