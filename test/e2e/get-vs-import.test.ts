/**
 * Which of Pulumi's two ways to bring an existing object under a program works for dynamic
 * resources (DESIGN.md 3): reading by id (`Queue.get`, the `{ id }` option) works; the `import`
 * option does not, because the dynamic-provider plugin's read receives no serialized provider.
 * If a Pulumi release changes the second, this test fails and tells us to offer `import`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "../../simulator";
import { createStack, programDir, SIM_KEY_ID, SIM_KEY_SECRET, type ProgramDir } from "./harness";

type Sim = Awaited<ReturnType<typeof startSimulator>>;

describe("get vs import for an existing queue", () => {
  let sim: Sim;
  let where: ProgramDir;
  beforeAll(async () => {
    where = programDir();
    sim = await startSimulator({ port: 0, accessKeyId: SIM_KEY_ID, accessKeySecret: SIM_KEY_SECRET });
    sim.admin.insert("queue", { qno: "0077", name: "legacy", wrapupTime: 33 });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it("Queue.get reads it without managing it", async () => {
    const h = await createStack(
      where,
      ({ clink }) => {
        const q = clink.Queue.get("legacy", "0077");
        return { name: q.name, wrapupTime: q.wrapupTime };
      },
      { endpoint: sim.url, project: "clink-e2e-get" },
    );
    const up = await h.stack.up();
    expect(up.outputs.name.value).toBe("legacy");
    expect(up.outputs.wrapupTime.value).toBe(33);
    await h.stack.destroy();
    // Reading is not owning: destroy leaves the queue in place.
    expect(sim.admin.list("queue")).toContainEqual(expect.objectContaining({ qno: "0077" }));
  });

  it("the import option fails for dynamic resources (use adopt: true or get instead)", async () => {
    const h = await createStack(
      where,
      ({ clink }) =>
        void new clink.Queue("legacy", { qno: "0077", name: "legacy", wrapupTime: 33 }, { import: "0077" }),
      { endpoint: sim.url, project: "clink-e2e-import" },
    );
    // The engine's read during import runs without the serialized provider (no state yet). How that
    // surfaces depends on the SDK: 3.230-3.248 fail in toJavaScript/__provider, 3.270 in
    // require-from-string ("code must be a string, not undefined").
    await expect(h.stack.up()).rejects.toThrow(/toJavaScript|serialized provider|__provider|code must be a string/);
    expect(sim.admin.list("queue")).toContainEqual(expect.objectContaining({ qno: "0077", name: "legacy" }));
  });
});
