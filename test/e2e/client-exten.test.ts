/**
 * Client (agent) and Exten (phone) under the real engine, against the simulator: up, a clean
 * preview, in-place updates (including a password change, plain-text passwords still stored as
 * secrets), a replacement on the agent type, drift and out-of-band deletion repaired, destroy.
 * (Adopting an agent: test/provider/client-exten.test.ts and adoption.test.ts; adoption and get
 * under the engine: queue.test.ts, get-vs-import.test.ts, undeclared-fields.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { changesOf, engineSuite, recorder, SIM_KEY_SECRET, upWithoutPreview } from "./harness";
import { checkExportedState } from "./state-checks";

describe("Client and Exten under the real engine", () => {
  const { sim, stack } = engineSuite();

  it("lives a full life: create, no-op preview, updates, replacement, drift, deletion out of band, destroy", async () => {
    let alice: Record<string, unknown> = {
      cno: "1001",
      name: "alice",
      areaCode: "010",
      password: "alice-first-pw",
      permission: { record: 2 },
      agcRx: 40,
      agcTx: 50,
    };
    let desk: Record<string, unknown> = {
      extenNumber: "8001",
      password: "desk-first-pw",
      areaCode: "010",
      type: 1,
      allow: 3,
    };
    const h = await stack(
      ({ clink }) => {
        const a = new clink.Client("alice", alice as never);
        const d = new clink.Exten("desk", desk as never);
        return { status: a.status, type: a.type, allow: d.allow, wrapupTime: a.wrapupTime, jittBuffer: d.jittBuffer };
      },
      { project: "clink-e2e-client" },
    );

    let rec = recorder();
    // The preview `pulumi up` runs first, then the update alone: its calls are the ones counted.
    await h.stack.preview();
    const previewed = sim.log().length;
    const first = await upWithoutPreview(h.stack, { onEvent: rec.onEvent });
    expect(changesOf(rec.ops).sort()).toEqual(["create alice", "create desk"]);
    // An up checks without looking new objects up (the engine runs checks one at a time; the
    // server refuses an existing cno or phone number itself): no describe call at all.
    expect(
      sim
        .log()
        .slice(previewed)
        .filter((e) => e.path.startsWith("/cc/describe_")),
    ).toEqual([]);
    // Undeclared fields show what the server answered (issue 23): here its defaults, stored as
    // outputs only, never as inputs (they are not managed).
    expect(first.outputs.wrapupTime?.value).toBe(30);
    expect(first.outputs.jittBuffer?.value).toBe(0);
    const stored = (await h.stack.exportStack()).deployment.resources as {
      type: string;
      inputs: object;
      outputs: object;
      sourcePosition?: string;
      stackTrace?: { sourcePosition?: string }[];
    }[];
    for (const r of stored.filter((r) => /clink:(Client|Exten)$/.test(r.type))) {
      // The engine records the user's `new` line, and only that (provider/program/recorded-stack.ts).
      expect(r.sourcePosition, r.type).toMatch(/client-exten\.test\.ts#\d+,\d+$/);
      expect(r.stackTrace, r.type).toEqual([{ sourcePosition: r.sourcePosition }]);
      expect(r.inputs).not.toHaveProperty("wrapupTime");
      expect(r.inputs).not.toHaveProperty("jittBuffer");
      if (r.type.endsWith("Client")) expect(r.outputs).toHaveProperty("wrapupTime", 30);
      else expect(r.outputs).toHaveProperty("jittBuffer", 0);
    }
    await h.stack.preview({ expectNoChanges: true });
    await checkExportedState(h.stack, {
      secrets: ["alice-first-pw", "desk-first-pw", SIM_KEY_SECRET],
      backendDir: h.backendDir,
    });

    // Updatable fields, one resource each, then a password change: updates in place.
    alice = { ...alice, wrapupTime: 60, password: "alice-second-pw" };
    desk = { ...desk, allow: 5 };
    rec = recorder();
    await h.stack.up({ onEvent: rec.onEvent });
    expect(changesOf(rec.ops).sort()).toEqual(["update alice", "update desk"]);
    await h.stack.preview({ expectNoChanges: true });
    const passwordSent = sim.log().filter((e) => e.path === "/cc/update_client" && e.params?.includes("password"));
    expect(passwordSent).toHaveLength(1);
    await checkExportedState(h.stack, { secrets: ["alice-second-pw"], backendDir: h.backendDir });

    // The agent type is not in update_client: a replacement, delete first (the cno stays).
    alice = { ...alice, type: 1 };
    rec = recorder();
    const up = await h.stack.up({ onEvent: rec.onEvent });
    expect(changesOf(rec.ops)).toEqual(["delete-replaced alice", "replace alice", "create-replacement alice"]);
    expect(up.outputs.type?.value).toBe(1);

    // Drift and deletion made out of band: refresh sees both, up repairs both.
    sim.admin.edit("client", "1001", { wrapupTime: 7 });
    sim.admin.remove("exten", "8001");
    await h.stack.refresh();
    rec = recorder();
    await h.stack.up({ onEvent: rec.onEvent });
    expect(changesOf(rec.ops).sort()).toEqual(["create desk", "update alice"]);
    expect(sim.admin.list("client")[0]).toMatchObject({ wrapupTime: 60 });
    await h.stack.preview({ expectNoChanges: true });

    await h.stack.destroy();
    expect(sim.admin.list("client")).toEqual([]);
    expect(sim.admin.list("exten")).toEqual([]);
  });
});
