/**
 * The simulator serves the vendor's Java SDK (issue 12, point 4): its exact request shapes
 * (sdk-requests.ts: `/cc/x/?` paths, the signature over the host without the port while the Host
 * header has it, every unset bean property as JSON null, parameters in query and body, Date as
 * epoch ms, AES agent passwords) for create, describe, update and delete of agents, queues,
 * phones, pauses and list entries. No Java needed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "../../simulator";
import { aesUtilEncrypt, bean, PROPS, sdkSend, type SdkCall } from "./sdk-requests";

const creds = { accessKeyId: "sdk-key-id", accessKeySecret: "sdk-secret" };
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, rate: 0, ...creds });
});
afterAll(() => sim.close());

async function ok(call: SdkCall) {
  const answer = await sdkSend(sim.url, creds, call);
  expect(answer.status, `${call.method} ${call.path}: ${JSON.stringify(answer.json)}`).toBe(200);
  expect(answer.json.requestId).toBeTruthy();
  return answer.json as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const permission = (set: Record<string, unknown> = {}) => bean(PROPS.permission, set);

describe("the vendor SDK's requests against the simulator", () => {
  it("checks the SDK's check vector for AesUtil", () => {
    expect(aesUtilEncrypt("Aa123456", "mysecret")).toBe("c59e033c4eaa0f01c8a4c9f1d542d75a");
  });

  it("signs over the host without the port while sending Host with it, on a non-default port", async () => {
    expect(new URL(sim.url).port).not.toBe("");
    await ok({ method: "GET", path: "cc/list_clients", query: { offset: 0, limit: 10 } });
    const wrong = await sdkSend(
      sim.url,
      { ...creds, accessKeySecret: "not-the-secret" },
      { method: "GET", path: "cc/list_clients" },
    );
    expect(wrong.status).toBe(401);
  });

  it("agents: create (AES password, nulls), describe, partial update (nulls keep values), delete", async () => {
    const created = await ok({
      method: "POST",
      path: "cc/create_client",
      body: bean(PROPS.createClient, {
        cno: "2001",
        name: "sdk_agent",
        areaCode: "010",
        password: aesUtilEncrypt("Aa123456", creds.accessKeySecret),
        wrapupTime: 45,
        crmId: "0077", // the SDK sends a String: leading zeros are kept (issue 23)
        permission: permission({ call: 1, record: 3 }),
      }),
    });
    expect(created.client.cno).toBe("2001");
    const plain = await sdkSend(sim.url, creds, {
      method: "POST",
      path: "cc/create_client",
      body: bean(PROPS.createClient, {
        cno: "2002",
        name: "plain",
        areaCode: "010",
        password: "Aa123456",
        permission: permission(),
      }),
    });
    expect(plain.status).toBe(400);
    expect((plain.json.error as { code: string }).code).toBe("ClientPassword");

    const described = await ok({ method: "GET", path: "cc/describe_client", query: { cno: "2001" } });
    expect(described.client).toMatchObject({ cno: "2001", name: "sdk_agent", wrapupTime: 45, crmId: "0077" });
    expect(JSON.stringify(described)).not.toContain("Aa123456");

    // update_client requires permission (3.1.2); everything else unset goes as null and stays.
    await ok({
      method: "POST",
      path: "cc/update_client",
      body: bean(PROPS.updateClient, { cno: "2001", name: "renamed", permission: permission({ call: 1, record: 3 }) }),
    });
    const after = await ok({ method: "GET", path: "cc/describe_client", query: { cno: "2001" } });
    expect(after.client).toMatchObject({ name: "renamed", areaCode: "010", wrapupTime: 45, crmId: "0077" });

    await ok({ method: "POST", path: "cc/delete_client", body: { cno: "2001" } });
    const gone = await sdkSend(sim.url, creds, { method: "GET", path: "cc/describe_client", query: { cno: "2001" } });
    expect(gone.status).toBeGreaterThanOrEqual(400);
  });

  it("queues: create with members ({type: null}), describe under `queue`, update with queueMembers null keeps them, delete via query and body", async () => {
    await ok({
      method: "POST",
      path: "cc/create_client",
      body: bean(PROPS.createClient, {
        cno: "2101",
        name: "member",
        areaCode: "010",
        password: aesUtilEncrypt("Bb123456", creds.accessKeySecret),
        permission: permission(),
      }),
    });
    await ok({
      method: "POST",
      path: "cc/create_queue",
      body: bean(PROPS.queue, {
        qno: "0101",
        name: "sdk_queue",
        wrapupTime: 20,
        queueMembers: [bean(PROPS.queueMember, { cno: "2101", penalty: 2 })],
      }),
    });
    const described = await ok({ method: "GET", path: "cc/describe_queue", query: { qno: "0101" } });
    expect(described.queue).toMatchObject({ qno: "0101", name: "sdk_queue", wrapupTime: 20 });
    expect(described.queue.queueMembers).toEqual([expect.objectContaining({ cno: "2101", penalty: 2 })]);
    expect(described.result).toEqual(described.queue); // the document's key too

    await ok({ method: "POST", path: "cc/update_queue", body: bean(PROPS.queue, { qno: "0101", name: "renamed_q" }) });
    const after = await ok({ method: "GET", path: "cc/describe_queue", query: { qno: "0101" } });
    expect(after.queue).toMatchObject({ name: "renamed_q", wrapupTime: 20 });
    expect(after.queue.queueMembers).toEqual([expect.objectContaining({ cno: "2101", penalty: 2 })]);

    await ok({ method: "POST", path: "cc/delete_queue", query: { qno: "0101" }, body: { qno: "0101" } });
    const list = await ok({ method: "GET", path: "cc/list_queues", query: { offset: 0, limit: 100 } });
    expect(list.queues.map((q: { qno: string }) => q.qno)).not.toContain("0101");
  });

  it("phones: create and update with the fields in the query and every property in the body, describe, delete", async () => {
    const fields = { extenNumber: "8101", password: "Ph0ne-pass", areaCode: "010", type: 1, allow: 1 };
    await ok({ method: "POST", path: "cc/create_exten", query: fields, body: bean(PROPS.exten, fields) });
    const described = await ok({ method: "GET", path: "cc/describe_exten", query: { extenNumber: "8101" } });
    expect(described.exten).toMatchObject({ extenNumber: "8101", areaCode: "010", type: 1, allow: 1 });
    const change = { extenNumber: "8101", allow: 3 };
    await ok({ method: "POST", path: "cc/update_exten", query: change, body: bean(PROPS.exten, change) });
    const after = await ok({ method: "GET", path: "cc/describe_exten", query: { extenNumber: "8101" } });
    expect(after.exten).toMatchObject({ allow: 3, areaCode: "010", type: 1 });
    await ok({
      method: "POST",
      path: "cc/delete_exten",
      query: { extenNumber: "8101" },
      body: { extenNumber: "8101" },
    });
    const gone = await sdkSend(sim.url, creds, {
      method: "GET",
      path: "cc/describe_exten",
      query: { extenNumber: "8101" },
    });
    expect(gone.status).toBeGreaterThanOrEqual(400);
  });

  it("pauses: create, list, update by id, delete by pauseStatus in query and body", async () => {
    await ok({
      method: "POST",
      path: "cc/create_enterprise_pause",
      body: bean(PROPS.createPause, { pauseStatus: "培训", isRest: 0, isDefault: 0 }),
    });
    const listed = await ok({ method: "GET", path: "cc/list_enterprise_pauses" });
    const mine = listed.enterprisePauses.find((p: { pauseStatus: string }) => p.pauseStatus === "培训");
    expect(mine).toBeTruthy();
    await ok({
      method: "POST",
      path: "cc/update_enterprise_pause",
      body: bean(PROPS.updatePause, { id: mine.id, pauseStatus: "培训中", isRest: 1, isDefault: 0 }),
    });
    const after = await ok({ method: "GET", path: "cc/list_enterprise_pauses" });
    expect(after.enterprisePauses.find((p: { id: number }) => p.id === mine.id)).toMatchObject({
      pauseStatus: "培训中",
      isRest: 1,
    });
    await ok({
      method: "POST",
      path: "cc/delete_enterprise_pause",
      query: { pauseStatus: "培训中" },
      body: { pauseStatus: "培训中" },
    });
    const end = await ok({ method: "GET", path: "cc/list_enterprise_pauses" });
    expect(end.enterprisePauses.some((p: { id: number }) => p.id === mine.id)).toBe(false);
  });

  it("list entries: create with expirationTime as epoch ms and nulls, list under restrictTels, delete via query and body; the setting via query and body", async () => {
    const expiry = Date.parse("2030-05-11T00:00:00Z");
    await ok({
      method: "POST",
      path: "cc/create_restrict_tel",
      body: bean(PROPS.createRestrictTel, {
        restrictType: 1,
        type: 1,
        telType: 1,
        tel: "13800138000",
        expirationTime: expiry,
      }),
    });
    const listed = await ok({
      method: "GET",
      path: "cc/list_restrict_tel",
      query: { offset: 0, limit: 10, restrictType: 1 },
    });
    expect(listed.restrictTels).toEqual([
      expect.objectContaining({ tel: "13800138000", type: 1, expirationTime: expiry }),
    ]);
    await ok({
      method: "POST",
      path: "cc/delete_restrict_tel",
      query: { restrictType: 1, tel: "13800138000" },
      body: { restrictType: 1, tel: "13800138000" },
    });
    const after = await ok({
      method: "GET",
      path: "cc/list_restrict_tel",
      query: { offset: 0, limit: 10, restrictType: 1 },
    });
    expect(after.restrictTels).toEqual([]);

    await ok({
      method: "POST",
      path: "cc/update_restrict_tel_setting",
      query: { settingValue: 3 },
      body: { settingValue: 3 },
    });
    expect((await ok({ method: "GET", path: "cc/describe_restrict_tel_setting" })).setting.settingValue).toBe(3);
  });

  it("agent states: AgentStatusRequest (cnos[i], offset, limit in the query) and OfflineClientRequest (cno in the body)", async () => {
    sim.admin.insert("client", { cno: "2951", name: "sdk_live", active: 1, type: 2, createTime: 0, updateTime: 0 });
    sim.admin.setAgentState("2951", "IDLE");
    const states = await ok({
      method: "GET",
      path: "cc/agent_status",
      query: { "cnos[0]": "2951", "cnos[1]": "2952", offset: 0, limit: 10 },
    });
    expect(states.agentStatus).toMatchObject([{ cno: "2951", agentStatus: "空闲" }]);
    await ok({ method: "POST", path: "cc/offline_client", body: { cno: "2951" } });
    const after = await ok({ method: "GET", path: "cc/agent_status", query: { "cnos[0]": "2951" } });
    expect(after.agentStatus).toEqual([]);
    expect(sim.admin.callsCut()).toBe(0);
  });
});
