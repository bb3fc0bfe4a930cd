/**
 * Field values the server must receive and answer as declared, at the provider against the
 * simulator (moved from the e2e suite: the engine adds nothing to what is sent or read back).
 * A masked number (doc 2.7 examples) is refused at check, before any call; `crmId: "00123"`
 * reaches the server as "00123" and reads back with no change against the declaration.
 */
import { describe, expect, it } from "vitest";
import { providers } from "../../provider";
import { simulatedProviders } from "./simulated";

const { sim } = simulatedProviders();

describe("field values as declared, against the simulator", () => {
  it("refuses a masked phone number at check, naming the field and doc 2.7, before any call", async () => {
    sim.admin.insert("client", { cno: "3001", name: "masked", areaCode: "010", type: 2, active: 1, permission: {} });
    const { failures } = await providers.clientPhone.check!({}, { cno: "3001", tel: "152xxxx8888" });
    expect(failures).toEqual([
      { property: "tel", reason: expect.stringMatching(/ClientPhone field 'tel'.*masked.*doc 2\.7/s) },
    ]);
    expect(sim.log()).toEqual([]);
    expect(sim.admin.list("clientTel")).toEqual([]);
  });

  it('sends crmId "00123" as "00123", and reading it back shows no change', async () => {
    const declared = { cno: "3002", name: "crm", areaCode: "010", password: "crm-agent-pw-1", crmId: "00123" };
    const { inputs } = await providers.client.check!({}, declared);
    const { id, outs } = await providers.client.create!(inputs!);
    const agent = (sim.admin.list("client") as Array<Record<string, unknown>>).find((c) => c.cno === "3002");
    expect(agent?.crmId).toBe("00123");
    const read = await providers.client.read!(id, outs);
    expect(read.props!.crmId).toBe("00123");
    const again = await providers.client.check!(read.props!, declared);
    expect((await providers.client.diff!(id, read.props!, again.inputs!)).changes).toBe(false);
  });
});
