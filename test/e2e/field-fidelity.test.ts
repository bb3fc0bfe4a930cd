/**
 * Issue 23, items 7-8, under the real engine against the simulator: a masked number is refused
 * at preview with no call that writes, and `crmId: "00123"` reaches the server as "00123" and
 * previews clean afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "../../simulator";
import { createStack, programDir, SIM_KEY_ID, SIM_KEY_SECRET, type ProgramDir } from "./harness";

type Sim = Awaited<ReturnType<typeof startSimulator>>;

describe("field fidelity under the real engine", () => {
  let sim: Sim;
  let where: ProgramDir;

  beforeAll(async () => {
    where = programDir();
    sim = await startSimulator({ port: 0, accessKeyId: SIM_KEY_ID, accessKeySecret: SIM_KEY_SECRET });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it("refuses a masked phone number at preview and at up, naming doc 2.7, and writes nothing", async () => {
    sim.admin.insert("client", { cno: "3001", name: "masked", areaCode: "010", type: 2, active: 1, permission: {} });
    const h = await createStack(
      where,
      ({ clink }) => {
        new clink.ClientPhone("masked-phone", { cno: "3001", tel: "152xxxx8888" });
      },
      { endpoint: sim.url, project: "clink-e2e-masked" },
    );
    await expect(h.stack.preview()).rejects.toThrow(/ClientPhone field 'tel'.*masked.*doc 2\.7/s);
    await expect(h.stack.up()).rejects.toThrow(/masked/);
    expect(sim.log().filter((e) => e.method === "POST")).toEqual([]);
    expect(sim.admin.list("clientTel")).toEqual([]);
  });

  it('sends crmId "00123" as "00123", and the next preview shows no change', async () => {
    const h = await createStack(
      where,
      ({ clink }) => {
        new clink.Client("crm-agent", {
          cno: "3002",
          name: "crm",
          areaCode: "010",
          password: "crm-agent-pw-1",
          crmId: "00123",
        });
      },
      { endpoint: sim.url, project: "clink-e2e-crmid" },
    );
    await h.stack.up();
    const agent = (sim.admin.list("client") as Array<Record<string, unknown>>).find((c) => c.cno === "3002");
    expect(agent?.crmId).toBe("00123");
    await h.stack.refresh();
    await h.stack.preview({ expectNoChanges: true });
    await h.stack.destroy();
  });
});
