/**
 * A refresh that finds the center as the state has it changes nothing in the state: each `read`
 * returns no inputs, so the engine keeps the checked inputs of the last up (docs/design.md, State
 * per resource). Inputs rebuilt by a read differ from what check gives for the same program (no
 * sealed password, its fingerprint instead), and the engine writes the state after every same step
 * whose inputs changed: on a self-managed backend the next up would rewrite the whole state once
 * per resource (bench/RESULTS.md, the 10%-changed up). A refresh that finds drift still hands back
 * the drifted object's inputs, so the preview shows the change back.
 */
import { describe, expect, it } from "vitest";
import { center, resourceCount, shapeFor } from "../../bench/center";
import { changesOf, engineSuite, recorder } from "./harness";

type Stored = { urn: string; type: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> };

describe("refresh", () => {
  const { sim, stack } = engineSuite({ seed: { extenLimit: 100 } });

  it("keeps every resource's inputs when it finds nothing changed, and only the drifted one's otherwise", async () => {
    const shape = shapeFor(10);
    const h = await stack((sdk) => center(shape, 0, sdk), { project: "clink-e2e-refresh" });
    await h.stack.up({ parallel: 100 });
    const inputsOf = async () => {
      const resources = (await h.stack.exportStack()).deployment.resources as Stored[];
      return new Map(resources.filter((r) => r.type.includes("clink:")).map((r) => [r.urn, r.inputs]));
    };
    const before = await inputsOf();
    expect(before.size).toBe(resourceCount(shape));
    // Agents and phones hold their passwords sealed, as check gave them.
    const agent = [...before.entries()].find(([urn]) => urn.endsWith("::agent-1003"))!;
    expect(JSON.stringify(agent[1])).toContain('"password"');

    const refreshed = await h.stack.refresh({ parallel: 100 });
    expect(refreshed.summary.resourceChanges).toEqual({ same: resourceCount(shape) + 1 });
    expect(await inputsOf()).toEqual(before);

    // Drift on one agent: only its inputs are read back, and the preview shows the change back.
    sim.admin.edit("client", "1003", { wrapupTime: 7 });
    await h.stack.refresh({ parallel: 100 });
    const drifted = await inputsOf();
    for (const [urn, inputs] of before) {
      if (urn === agent[0]) expect(inputs, urn).not.toEqual(drifted.get(urn));
      else expect(drifted.get(urn), urn).toEqual(inputs);
    }
    expect(drifted.get(agent[0])).toMatchObject({ wrapupTime: 7 });
    const rec = recorder();
    await h.stack.up({ parallel: 100, onEvent: rec.onEvent });
    expect(changesOf(rec.ops)).toEqual(["update agent-1003"]);
    expect(sim.admin.list("client").find((c) => (c as { cno?: string }).cno === "1003")).toMatchObject({
      wrapupTime: 30,
    });
    // The up stored the checked inputs again: the state is as after the first up (the agent's
    // password a new secret of the same sealed text: its ciphertext is fresh).
    const after = await inputsOf();
    for (const [urn, inputs] of before)
      if (urn === agent[0]) expect(withoutCiphertext(after.get(urn)), urn).toEqual(withoutCiphertext(inputs));
      else expect(after.get(urn), urn).toEqual(inputs);
    await h.stack.preview({ expectNoChanges: true });
    await h.stack.destroy({ parallel: 100 });
  });
});

/** A stored secret's ciphertext left out (encrypted afresh whenever the value is a new secret). */
function withoutCiphertext(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutCiphertext);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => k !== "ciphertext")
        .map(([k, v]) => [k, withoutCiphertext(v)]),
    );
  return value;
}
