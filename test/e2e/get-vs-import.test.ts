/**
 * Which of Pulumi's two ways to bring an existing object under a program works for dynamic
 * resources (docs/design.md, "Adoption"): reading by id (`Queue.get`, the `{ id }` option) works;
 * the `import` option does not, because the dynamic-provider plugin's read receives no serialized
 * provider, so the Resource classes refuse it at preview with the ways that work (adopt, get).
 */
import { describe, expect, it } from "vitest";
import { engineSuite } from "./harness";

describe("get vs import for an existing queue", () => {
  const { sim, stack } = engineSuite({}, (sim) =>
    sim.admin.insert("queue", { qno: "0077", name: "legacy", wrapupTime: 33 }),
  );

  it("Queue.get reads it without managing it", async () => {
    const h = await stack(
      ({ clink }) => {
        const q = clink.Queue.get("legacy", "0077");
        return { name: q.name, wrapupTime: q.wrapupTime };
      },
      { project: "clink-e2e-get" },
    );
    const up = await h.stack.up();
    expect(up.outputs.name?.value).toBe("legacy");
    expect(up.outputs.wrapupTime?.value).toBe(33);
    await h.stack.destroy();
    // Reading is not owning: destroy leaves the queue in place.
    expect(sim.admin.list("queue")).toContainEqual(expect.objectContaining({ qno: "0077" }));
  });

  it("the import option is refused before any call, saying to use adopt: true or get", async () => {
    const h = await stack(
      ({ clink }) =>
        void new clink.Queue("legacy", { qno: "0077", name: "legacy", wrapupTime: 33 }, { import: "0077" }),
      { project: "clink-e2e-import" },
    );
    // The engine's read during import would run without the serialized provider and fail with a
    // TypeError inside the SDK (3.230-3.248 in toJavaScript, 3.270 in require-from-string): the
    // Resource class takes the option out and the preview refuses the resource with what works.
    const before = sim.log().length;
    await expect(h.stack.preview()).rejects.toThrow(
      'clink.Queue "legacy": the `import` resource option does not work with pulumi-clink\'s resources (they are Pulumi dynamic resources). ' +
        "To take over the existing queue, drop `import` and set `adopt: true` on the resource; " +
        "to read it without managing it, use clink.Queue.get(name, id).",
    );
    await expect(h.stack.up()).rejects.toThrow("the `import` resource option does not work");
    expect(sim.log().length).toBe(before); // refused before any API call
    expect(sim.admin.list("queue")).toContainEqual(expect.objectContaining({ qno: "0077", name: "legacy" }));
  });
});
