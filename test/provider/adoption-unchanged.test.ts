/**
 * Adopting objects that already are as declared writes nothing (issue 13; what an exported
 * center's first `up` relies on): a binding to the declared phone, the list switch at the declared
 * value, and a field the server's answer left out while the declaration has its default.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ClinkClient, configureProvider, providers } from "../../provider";
import { toConverge } from "../../provider/plugin/converge";
import { clientSchema } from "../../provider/resources/client/schema";
import { checkFields } from "../../provider/schema/ops";
import { startSimulator } from "../../simulator";

type Sim = Awaited<ReturnType<typeof startSimulator>>;
let sim: Sim;
let client: ClinkClient;
const creds = { accessKeyId: "k", accessKeySecret: "adopt-unchanged-secret" };

beforeAll(async () => {
  sim = await startSimulator({ port: 0, rate: 0, ...creds });
  configureProvider({ endpoint: sim.url, ...creds, rate: 0 });
  client = new ClinkClient({ endpoint: sim.url, ...creds, rate: 0 });
});
afterAll(async () => {
  await client.close();
  await sim.close();
});
beforeEach(() => sim.reset());

const writes = () => sim.log().filter((e) => e.method === "POST");

async function agentOnPhone() {
  await client.request("POST", "/cc/create_client", {
    body: { cno: "1001", name: "alice", areaCode: "010", password: client.agentPassword("Alice-pw-1"), permission: {} },
  });
  await client.request("POST", "/cc/create_exten", {
    body: { extenNumber: "8001", password: "ph-pw-1", areaCode: "010", type: 1, allow: 3 },
  });
  await client.request("POST", "/cc/bind_client_tel", { body: { cno: "1001", tel: "8001", isBind: 1 } });
}

describe("adoption that changes nothing", () => {
  it("a binding to the declared phone: no bind_client_tel, with or without adopt", async () => {
    await agentOnPhone();
    for (const adopt of [true, false]) {
      const { inputs, failures } = await providers.clientPhone.check!({}, { cno: "1001", tel: "8001", adopt });
      expect(failures).toEqual([]);
      const before = writes().length;
      const { id } = await providers.clientPhone.create!(inputs!);
      expect(id).toBe("1001");
      expect(writes().length).toBe(before);
    }
    // Another phone is still a rebind, and refused without adopt.
    const { inputs } = await providers.clientPhone.check!({}, { cno: "1001", tel: "8002", adopt: true });
    await client.request("POST", "/cc/create_exten", {
      body: { extenNumber: "8002", password: "ph-pw-2", areaCode: "010", type: 1, allow: 3 },
    });
    const before = writes().length;
    await providers.clientPhone.create!(inputs!);
    expect(
      writes()
        .slice(before)
        .map((e) => e.path),
    ).toEqual(["/cc/bind_client_tel"]);
  });

  it("the list switch at the declared value is not set again; at another value it is", async () => {
    await client.request("POST", "/cc/update_restrict_tel_setting", { body: { settingValue: 3 } });
    const same = await providers.restrictTelSetting.check!({}, { settingValue: 3 });
    let before = writes().length;
    const { outs } = await providers.restrictTelSetting.create!(same.inputs!);
    expect(outs.settingValue).toBe(3);
    expect(writes().length).toBe(before);

    const other = await providers.restrictTelSetting.check!({}, { settingValue: 6 });
    before = writes().length;
    await providers.restrictTelSetting.create!(other.inputs!);
    expect(
      writes()
        .slice(before)
        .map((e) => e.path),
    ).toEqual(["/cc/update_restrict_tel_setting"]);
    expect(sim.admin.list("restrictTelSetting")).toContainEqual(expect.objectContaining({ settingValue: 6 }));
  });

  it("a declared field the answer leaves out (doc 3.1.5's example has no clidType) is written; an undeclared one never", () => {
    const answer = { cno: "0020", name: "0020", areaCode: "010", permission: {}, clidRule: 1 };
    const declared = (extra: Record<string, unknown>) =>
      checkFields(clientSchema, { cno: "0020", name: "0020", areaCode: "010", adopt: true, ...extra }).inputs;
    expect(toConverge(clientSchema, answer, declared({}))).toEqual([]);
    // Declared, even at its documented default: the server's value is unknown, so it is sent.
    expect(toConverge(clientSchema, answer, declared({ clidType: 0 }))).toEqual(["clidType"]);
    expect(toConverge(clientSchema, answer, declared({ clidType: 2, clid: ["01089193540"] }))).toEqual([
      "clidType",
      "clid",
    ]);
    // Answered off its default but not declared: not managed, nothing to write (issue 23).
    expect(toConverge(clientSchema, { ...answer, clidType: 3, clid: ["01089193540"] }, declared({}))).toEqual([]);
  });
});
