/** The read-only lookups against seeded simulator data, including results that span several pages. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as clink from "../../provider";
import { startSimulator } from "../../simulator";
import { present } from "../support/present";

type Sim = Awaited<ReturnType<typeof startSimulator>>;
let sim: Sim;
let client: clink.ClinkClient;

const voiceMails = Array.from({ length: 130 }, (_, i) => ({
  id: i + 1,
  name: `box${i + 1}`,
  ownerType: 1,
  owner: null,
}));

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    accessKeyId: "k",
    accessKeySecret: "lookup-secret",
    rate: 0,
    seed: { voiceMails },
  });
  client = new clink.ClinkClient({ endpoint: sim.url, accessKeyId: "k", accessKeySecret: "lookup-secret", rate: 0 });
  for (let i = 1; i <= 230; i++) sim.admin.insert("queue", { qno: String(i).padStart(4, "0"), name: `q${i}` });
  for (let i = 1; i <= 120; i++)
    sim.admin.insert("exten", {
      extenNumber: String(8000 + i),
      areaCode: i % 2 ? "010" : "021",
      type: 1,
      allow: 3,
      isDirect: 0,
      jittBuffer: 0,
    });
  for (let i = 1; i <= 105; i++)
    sim.admin.insert("client", {
      cno: String(1000 + i),
      name: `a${i}`,
      active: i % 3 ? 1 : 0,
      type: 2,
      createTime: 0,
      updateTime: 0,
    });
  for (let i = 1; i <= 3; i++)
    sim.admin.insert("dynamicTelGroup", { id: i, name: `g${i}`, selectedTels: ["01089193540"], status: i % 2 });
});
afterAll(async () => {
  await client.close();
  await sim.close();
});

const opts = () => ({ client });

describe("lookups", () => {
  it("getClients filters by last change (3.1.4 list_clients updateStartTime / updateEndTime)", async () => {
    sim.admin.edit("client", "1001", { updateTime: 5000 });
    sim.admin.edit("client", "1002", { updateTime: 9000 });
    const changed = await clink.getClients({ updateStartTime: 4000, updateEndTime: 6000 }, opts());
    expect(changed.map((c) => c.cno)).toEqual(["1001"]);
    expect((await clink.getClients({ updateStartTime: 4000 }, opts())).map((c) => c.cno).sort()).toEqual([
      "1001",
      "1002",
    ]);
    sim.admin.edit("client", "1001", { updateTime: 0 });
    sim.admin.edit("client", "1002", { updateTime: 0 });
  });

  it("list every page of queues, phones, agents and voice mails, with filters", async () => {
    const queues = await clink.getQueues({}, opts());
    expect(queues).toHaveLength(230);
    expect(new Set(queues.map((q) => q.qno)).size).toBe(230);
    expect(await clink.getExtens({}, opts())).toHaveLength(120);
    expect(await clink.getExtens({ areaCode: "021" }, opts())).toHaveLength(60);
    expect(await clink.getClients({}, opts())).toHaveLength(105);
    expect(await clink.getClients({ active: 0 }, opts())).toHaveLength(35);
    expect(await clink.getVoiceMails({}, opts())).toHaveLength(130);
    const pages = sim.log().filter((e) => e.path === "/cc/list_queues");
    expect(pages).toHaveLength(3);
  });

  it("read the seed's numbers, IVRs, satisfaction, concurrency and groups", async () => {
    expect(await clink.getClidNumbers({}, opts())).toContain("01089193540");
    expect(await clink.getHotlineNumbers({}, opts())).toEqual(["4008001234"]);
    const ivrs = await clink.getIvrs({}, opts());
    expect(ivrs.map((i) => i.name)).toEqual(["语音导航A", "语音导航B"]);
    expect((await clink.getIvrNodes({ ivrName: "语音导航A" }, opts())).map((n) => n.name)).toEqual(["欢迎", "转队列"]);
    expect(await clink.getSatisfactionSetting({}, opts())).toEqual({ auto: 0, autoIb: 1, autoOb: 1 });
    expect(await clink.getSatisfactionTemplates({ ivrName: ["语音导航A"] }, opts())).toHaveLength(1);
    expect(await clink.getSatisfactionTemplates({ ivrName: ["nope"] }, opts())).toHaveLength(0);
    expect((await clink.getConcurrency({}, opts())).agentLicence).toBe(8020);
    expect((await clink.getDynamicTelGroups({ status: 1 }, opts())).map((g) => g.name)).toEqual(["g1", "g3"]);
  });

  it("batch number areas 500 at a time", async () => {
    const numbers = Array.from({ length: 1203 }, (_, i) => `0101234${String(i).padStart(4, "0")}`);
    const before = sim.log().filter((e) => e.path === "/cc/batch_get_areacode").length;
    const areas = await clink.getNumberAreas({ numbers }, opts());
    expect(Object.keys(areas)).toHaveLength(1203);
    expect(areas[present(numbers[0], "a number")]).toMatchObject({ areaCode: "010", valid: true });
    expect(sim.log().filter((e) => e.path === "/cc/batch_get_areacode").length - before).toBe(3);
  });
});
