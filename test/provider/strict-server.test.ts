/**
 * Issue 24 items 1, 4 and 6 at the provider level, against the simulator answering the strict
 * way (ResourceNotFound wherever a request names an object that does not exist):
 * - every look-up of a dependent object reads "not found" as absence (preview of a new agent and
 *   its phone, refresh and delete of a binding whose agent was deleted in the console, ...);
 * - `forceOfflineOnDelete`: offline_client answering ResourceNotFound fails the delete, and only
 *   the agent's own not-found means gone;
 * - a NetworkError names the call, the host and the cause.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { ClinkClient, configureProvider, getClients, getDynamicTelGroups, providers } from "../../provider";
import { PREVIEW_INPUT } from "../../provider/schema/wire";
import { logOut } from "../../provider/plugin/log-out";
import { readAgentStates } from "../../provider/plugin/agent-state";
import { startSimulator } from "../../simulator";

type Sim = Awaited<ReturnType<typeof startSimulator>>;
const KEY = { accessKeyId: "k", accessKeySecret: "strict-secret" };
let sim: Sim;
let client: ClinkClient;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, rate: 0, strict: true, ...KEY });
  client = new ClinkClient({ endpoint: sim.url, rate: 0, ...KEY });
});
afterAll(async () => {
  await client.close();
  await sim.close();
});
beforeEach(() => {
  sim.reset();
  configureProvider({ endpoint: sim.url, rate: 0, ...KEY });
});

function agent(cno: string) {
  sim.admin.insert("client", { cno, name: `a${cno}`, areaCode: "010", type: 2, active: 1, permission: {} });
}
function phone(n: string) {
  sim.admin.insert("exten", { extenNumber: n, areaCode: "010", type: 1, allow: 3, isDirect: 0, jittBuffer: 0 });
}

/** check as the engine runs it in a preview of a new resource: the look-up before create included. */
async function previewCheck(p: dynamic.ResourceProvider, raw: Record<string, unknown>) {
  return p.check!({}, { ...raw, [PREVIEW_INPUT]: true });
}

async function created(p: dynamic.ResourceProvider, raw: Record<string, unknown>) {
  const { inputs, failures } = await p.check!({}, raw);
  expect(failures).toEqual([]);
  return { ...(await p.create!(inputs!)), inputs: inputs! };
}

describe("the strict simulator", () => {
  it("answers ResourceNotFound where the lenient one answers an empty result", async () => {
    expect(sim.strict).toBe(true);
    await expect(client.request("GET", "/cc/list_client_tels", { query: { cno: "1001" } })).rejects.toMatchObject({
      code: "ResourceNotFound",
      httpStatus: 404,
      vendorMessage: "座席不存在",
    });
    await expect(client.listAll("/cc/list_clients", "clients", { qno: "0099" })).rejects.toMatchObject({
      code: "ResourceNotFound",
    });
    await expect(
      client.listAll("/cc/list_restrict_tel", "restrictTels", { restrictType: 1, tel: "13800000000" }),
    ).rejects.toMatchObject({ code: "ResourceNotFound" });
    await expect(client.request("POST", "/cc/offline_client", { body: { cno: "1001" } })).rejects.toMatchObject({
      code: "ResourceNotFound",
    });
    // An agent that exists answers as before.
    agent("1001");
    expect(await client.request("GET", "/cc/list_client_tels", { query: { cno: "1001" } })).toMatchObject({
      clientTels: [],
    });

    const lenient = await startSimulator({ port: 0, rate: 0, strict: false, ...KEY });
    const plain = new ClinkClient({ endpoint: lenient.url, rate: 0, ...KEY });
    try {
      expect(lenient.strict).toBe(false);
      expect(await plain.request("GET", "/cc/list_client_tels", { query: { cno: "1001" } })).toMatchObject({
        clientTels: [],
      });
    } finally {
      await plain.close();
      await lenient.close();
    }
  });
});

describe("look-ups of dependent objects read not found as absence", () => {
  it("ClientPhone: the preview of a new agent's binding, on a center without the agent", async () => {
    phone("8001");
    const { failures } = await previewCheck(providers.clientPhone, { cno: "1001", tel: "8001" });
    expect(failures).toEqual([]);
    expect(sim.log().some((e) => e.path === "/cc/list_client_tels" && e.code === "ResourceNotFound")).toBe(true);
  });

  it("ClientPhone: a binding whose agent was deleted in the console is gone on refresh, and its delete is done", async () => {
    agent("1001");
    phone("8001");
    const { id, outs } = await created(providers.clientPhone, { cno: "1001", tel: "8001" });
    sim.admin.remove("client", "1001");
    const read = await providers.clientPhone.read!(id, outs);
    expect(read.props).toBeUndefined();
    await expect(providers.clientPhone.delete!(id, outs)).resolves.toBeUndefined();
  });

  it("Client: the gains' endpoint answering not found (the agent went between the two reads) is gone", async () => {
    agent("1001");
    sim.addFault({ path: "/cc/list_other_setting", kind: "not-found" });
    const read = await providers.client.read!("1001", { cno: "1001" });
    expect(read.props).toBeUndefined();
  });

  it("RestrictTel: a number not on the list, at preview and on refresh", async () => {
    const raw = { restrictType: 1, type: [1], telType: 1, tel: "13800000000" };
    expect((await previewCheck(providers.restrictTel, raw)).failures).toEqual([]);
    expect((await providers.restrictTel.read!("1:13800000000", raw)).props).toBeUndefined();
    const { id, outs } = await created(providers.restrictTel, raw);
    expect((await providers.restrictTel.read!(id, outs)).props).toMatchObject({ tel: "13800000000" });
  });

  it("Pause and DynamicTelGroup: a list answered not found is an empty list", async () => {
    sim.addFault({ path: "/cc/list_enterprise_pauses", kind: "not-found" });
    expect((await previewCheck(providers.pause, { pauseStatus: "午休" })).failures).toEqual([]);
    sim.addFault({ path: "/cc/page_dynamic_tel_group_rule", kind: "not-found" });
    expect(
      (await previewCheck(providers.dynamicTelGroup, { name: "g", selectedTels: ["01089193540"] })).failures,
    ).toEqual([]);
  });

  it("QueueMember: the member check of a queue not made yet", async () => {
    expect((await previewCheck(providers.queueMember, { qno: "0001", cno: "1001", penalty: 1 })).failures).toEqual([]);
  });

  it("getClients and getDynamicTelGroups: a queue or group the center does not have yet has none", async () => {
    expect(await getClients({ qno: "0099" }, { client })).toEqual([]);
    sim.addFault({ path: "/cc/page_dynamic_tel_group_rule", kind: "not-found" });
    expect(await getDynamicTelGroups({ name: "sales-out" }, { client })).toEqual([]);
    // Not found without a queue named is still a failure.
    sim.addFault({ path: "/cc/list_clients", kind: "not-found" });
    await expect(getClients({}, { client })).rejects.toMatchObject({ code: "ResourceNotFound" });
  });
});

describe("forceOfflineOnDelete: offline_client answering not found", () => {
  it("fails the delete, with what to do, and leaves the agent on the server", async () => {
    agent("1001");
    sim.admin.setAgentOnline("1001", true);
    sim.addFault({ path: "/cc/offline_client", kind: "not-found" });
    const error = await providers.client.delete!("1001", { cno: "1001", forceOfflineOnDelete: true }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/^Client 1001: delete failed: logging agent 1001 out first/);
    expect(error?.message).toContain("ResourceNotFound");
    expect(error?.message).toContain("Log the agent out (or grant the key those rights");
    expect(sim.admin.list("client").map((c) => (c as { cno: string }).cno)).toEqual(["1001"]);
  });

  it("the phone's unbind fails the same way and keeps the binding", async () => {
    agent("1001");
    phone("8001");
    const { id, outs } = await created(providers.clientPhone, { cno: "1001", tel: "8001" });
    sim.admin.setAgentOnline("1001", true);
    sim.addFault({ path: "/cc/offline_client", kind: "not-found" });
    await expect(providers.clientPhone.delete!(id, { ...outs, forceOfflineOnDelete: true })).rejects.toThrow(
      /ClientPhone 1001: delete failed: logging agent 1001 out first/,
    );
    expect((await providers.clientPhone.read!(id, outs)).props).toMatchObject({ tel: "8001" });
  });

  it("an agent that is gone (its own describe says so) needs no logging out", async () => {
    await expect(logOut(client, "1999")).resolves.toBeUndefined();
    expect(sim.log().map((e) => `${e.path} ${e.code ?? e.status}`)).toEqual([
      // The live-agent guard looks first (doc 7.1): an agent the server does not know is offline.
      "/cc/agent_status ResourceNotFound",
      "/cc/offline_client ResourceNotFound",
      "/cc/describe_client ResourceNotFound",
    ]);
  });
});

describe("agent_status answering not found (doc 7.1 cnos naming a deleted agent)", () => {
  it("Client and ClientPhone: the delete of an agent already gone in the console is done", async () => {
    agent("1001");
    phone("8001");
    const { id, outs } = await created(providers.clientPhone, { cno: "1001", tel: "8001" });
    sim.admin.remove("client", "1001");
    await expect(providers.clientPhone.delete!(id, { ...outs, forceOfflineOnDelete: true })).resolves.toBeUndefined();
    await expect(
      providers.client.delete!("1001", { cno: "1001", forceOfflineOnDelete: true }),
    ).resolves.toBeUndefined();
  });

  it("an agent on a call asked in the same request as a deleted one is still seen on its call", async () => {
    agent("1001");
    sim.admin.setAgentState("1001", "BUSY");
    const states = await readAgentStates(client, ["1001", "1999"]);
    expect(states.get("1999")).toMatchObject({ activity: "offline" });
    expect(states.get("1001")).toMatchObject({ activity: "busy" });
  });
});

describe("NetworkError", () => {
  it("names the call, the host and the cause, and what to check", async () => {
    configureProvider({ endpoint: "http://127.0.0.1:1", rate: 0, ...KEY });
    const error = await providers.clientPhone.read!("1001", { cno: "1001", tel: "8001" }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toContain(
      "ClientPhone 1001: read failed with NetworkError (GET /cc/list_client_tels failed: connection refused (127.0.0.1:1), after 6 attempts)",
    );
    expect(error?.message).toContain("Check clink:endpoint");
  }, 30_000);
});
