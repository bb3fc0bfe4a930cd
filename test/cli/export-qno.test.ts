/**
 * Issue 23, item 7: queue numbers of 3 and 5 digits ("默认四位数字支持3-5位", the vendor SDK's
 * QueueDetailModel) are accepted wherever a qno appears: a center holding them is exported with
 * its queues and members, the look-ups filter by them, and a program can adopt and refer to them.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportCenter } from "../../cli/export";
import { configureProvider, getClients, getQueues, providers } from "../../provider";
import { ClinkClient } from "../../provider/api";
import { startSimulator } from "../../simulator";
import { exportArgs } from "./export-args";

const KEY = { accessKeyId: "qno-key", accessKeySecret: "qno-secret" };
type Sim = Awaited<ReturnType<typeof startSimulator>>;
let sim: Sim;
let client: ClinkClient;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "clink-export-qno-"));

beforeAll(async () => {
  sim = await startSimulator({ port: 0, rate: 0, ...KEY });
  client = new ClinkClient({ endpoint: sim.url, ...KEY, rate: 0 });
  // Made through the API, as a console would: the simulator takes 3-5 digits (doc 3.2.1 + the SDK).
  for (const qno of ["801", "80001"])
    await client.request("POST", "/cc/create_queue", { body: { qno, name: `q${qno}` } });
  await client.request("POST", "/cc/create_client", {
    body: {
      cno: "1001",
      name: "alice",
      areaCode: "010",
      password: client.agentPassword("password-1"),
      qnos: ["801", "80001"],
      permission: {},
    },
  });
  configureProvider({ endpoint: sim.url, ...KEY, rate: 0 });
});
afterAll(async () => {
  await client.close();
  await sim.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe("3- and 5-digit queue numbers", () => {
  it("are exported with their members, without a warning", async () => {
    const o = exportArgs(path.join(scratch, "out"), sim.url, KEY);
    const r = await exportCenter(o);
    expect(r.model.warnings.filter((w) => /801/.test(w))).toEqual([]);
    const queues = r.files.get("queues.ts")!;
    expect(queues).toContain('qno: "801"');
    expect(queues).toContain('qno: "80001"');
    expect(queues.match(/members: \[/g)?.length).toBe(2);
  });

  it("filter the look-ups and are read, checked and referred to by the resources", async () => {
    const o = { client };
    expect((await getClients({ qno: "801" }, o)).map((c) => c.cno)).toEqual(["1001"]);
    expect((await getQueues({}, o)).map((q) => q.qno).sort()).toEqual(["80001", "801"]);
    const read = await providers.queue.read!("80001", {});
    expect(read.props).toMatchObject({ qno: "80001" });
    expect((await providers.queue.check!({}, { qno: "801", name: "q801", adopt: true })).failures).toEqual([]);
    expect((await providers.queueMember.check!({}, { qno: "80001", cno: "1001", penalty: 1 })).failures).toEqual([]);
    const agent = await providers.client.check!(
      {},
      { cno: "1001", name: "alice", areaCode: "010", password: "password-1", qnos: ["801", "80001"] },
    );
    expect(agent.failures).toEqual([]);
  });
});
