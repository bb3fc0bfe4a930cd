/**
 * Issue 23, items 7-8, under the real engine against the simulator: a masked number is refused
 * at preview with no call that writes, and `crmId: "00123"` reaches the server as "00123" and
 * previews clean afterwards.
 */
import { describe, expect, it } from "vitest";
import { engineSuite } from "./harness";

describe("field fidelity under the real engine", () => {
  const { sim, stack } = engineSuite();

  it("refuses a masked phone number at preview and at up, naming doc 2.7, and writes nothing", async () => {
    sim.admin.insert("client", { cno: "3001", name: "masked", areaCode: "010", type: 2, active: 1, permission: {} });
    const h = await stack(
      ({ clink }) => {
        new clink.ClientPhone("masked-phone", { cno: "3001", tel: "152xxxx8888" });
      },
      { project: "clink-e2e-masked" },
    );
    await expect(h.stack.preview()).rejects.toThrow(/ClientPhone field 'tel'.*masked.*doc 2\.7/s);
    await expect(h.stack.up()).rejects.toThrow(/masked/);
    expect(sim.log().filter((e) => e.method === "POST")).toEqual([]);
    expect(sim.admin.list("clientTel")).toEqual([]);
  });

  it('sends crmId "00123" as "00123", and the next preview shows no change', async () => {
    const h = await stack(
      ({ clink }) => {
        new clink.Client("crm-agent", {
          cno: "3002",
          name: "crm",
          areaCode: "010",
          password: "crm-agent-pw-1",
          crmId: "00123",
        });
      },
      { project: "clink-e2e-crmid" },
    );
    await h.stack.up();
    const agent = (sim.admin.list("client") as Array<Record<string, unknown>>).find((c) => c.cno === "3002");
    expect(agent?.crmId).toBe("00123");
    await h.stack.refresh();
    await h.stack.preview({ expectNoChanges: true });
    await h.stack.destroy();
  });
});
