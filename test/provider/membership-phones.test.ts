/**
 * Issue 8 at the provider level, against the simulator: agent phone binding (bind, rebind,
 * refusals, verification explained, unbind), Client.qnos as a managed set, QueueMember refusals.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { configureProvider, providers } from "../../provider";
import { startSimulator } from "../../simulator";

type Sim = Awaited<ReturnType<typeof startSimulator>>;
let sim: Sim;
let verifying: Sim;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, accessKeyId: "k", accessKeySecret: "test-secret", rate: 0 });
  verifying = await startSimulator({
    port: 0,
    accessKeyId: "k",
    accessKeySecret: "test-secret",
    rate: 0,
    seed: { telVerification: true },
  });
});
afterAll(async () => {
  await sim.close();
  await verifying.close();
});
beforeEach(() => {
  sim.reset();
  configureProvider({ endpoint: sim.url, accessKeyId: "k", accessKeySecret: "test-secret", rate: 0 });
});

async function created(p: dynamic.ResourceProvider, raw: Record<string, unknown>) {
  const { inputs, failures } = await p.check!({}, raw);
  expect(failures).toEqual([]);
  return { ...(await p.create!(inputs!)), inputs: inputs! };
}

function agent(cno: string) {
  sim.admin.insert("client", { cno, name: `a${cno}`, areaCode: "010", type: 2, active: 1, permission: {} });
}
function phone(n: string) {
  sim.admin.insert("exten", { extenNumber: n, areaCode: "010", type: 1, allow: 3, isDirect: 0, jittBuffer: 0 });
}

describe("ClientPhone", () => {
  it("binds an exten, reads it back without a diff, rebinds in place, and unbinds on delete", async () => {
    agent("1001");
    phone("8001");
    phone("8002");
    const { id, outs } = await created(providers.clientPhone, { cno: "1001", tel: "8001" });
    expect(id).toBe("1001");
    const read = await providers.clientPhone.read!(id, outs);
    expect(read.props!.telType).toBe(3);
    const { inputs: same } = await providers.clientPhone.check!(read.props!, { cno: "1001", tel: "8001" });
    expect((await providers.clientPhone.diff!(id, read.props!, same!)).changes).toBe(false);
    const { inputs: moved } = await providers.clientPhone.check!(outs, { cno: "1001", tel: "8002" });
    expect(await providers.clientPhone.diff!(id, outs, moved!)).toMatchObject({ changes: true, replaces: [] });
    const { outs: after } = await providers.clientPhone.update!(id, outs, moved!);
    expect(after!.tel).toBe("8002");
    await providers.clientPhone.delete!(id, after!);
    expect((await providers.clientPhone.read!(id, after!)).props).toBeUndefined();
    // Unbound: the phone can go now (no ExtenOnUsing).
    await providers.exten.delete!("8002", {});
  });

  it("refuses to take over another binding without adopt, and rebinds with it", async () => {
    agent("1001");
    phone("8001");
    phone("8002");
    await created(providers.clientPhone, { cno: "1001", tel: "8001" });
    const { inputs } = await providers.clientPhone.check!({}, { cno: "1001", tel: "8002" });
    await expect(providers.clientPhone.create!(inputs!)).rejects.toThrow(
      /ClientPhone 1001 already exists.*adopt: true/s,
    );
    const adopted = await created(providers.clientPhone, { cno: "1001", tel: "8002", adopt: true });
    expect(adopted.outs.adopted).toBe(true);
    expect(adopted.outs.tel).toBe("8002");
  });

  it("turns ClientTelIsBind and ClientOnline into errors that say what to do", async () => {
    agent("1001");
    agent("1002");
    phone("8001");
    phone("8002");
    await created(providers.clientPhone, { cno: "1001", tel: "8001" });
    const { inputs } = await providers.clientPhone.check!({}, { cno: "1002", tel: "8001" });
    await expect(providers.clientPhone.create!(inputs!)).rejects.toThrow(/ClientTelIsBind.*unbind it there first/s);
    sim.admin.setAgentOnline("1001", true);
    const { inputs: moved } = await providers.clientPhone.check!({}, { cno: "1001", tel: "8002" });
    await expect(providers.clientPhone.update!("1001", { cno: "1001", tel: "8001" }, moved!)).rejects.toThrow(
      /ClientOnline.*logs out/s,
    );
  });

  it("explains, without waiting, a number that needs the interactive voice verification", async () => {
    configureProvider({ endpoint: verifying.url, accessKeyId: "k", accessKeySecret: "test-secret", rate: 0 });
    verifying.admin.insert("client", { cno: "1001", name: "a", areaCode: "010", type: 2, active: 1, permission: {} });
    const { inputs } = await providers.clientPhone.check!({}, { cno: "1001", tel: "13800000001" });
    await expect(providers.clientPhone.create!(inputs!)).rejects.toThrow(
      /ClientTelVerification.*cannot type in the code/s,
    );
    expect(verifying.log().filter((e) => e.path === "/cc/bind_client_tel")).toHaveLength(1);
  });
});

describe("Client.qnos", () => {
  it("manages the agent's queues as a set; members added elsewhere to other queues are not its business", async () => {
    for (const q of ["0001", "0002", "0003"]) sim.admin.insert("queue", { id: Number(q), qno: q, name: `q${q}` });
    const base = { cno: "1001", name: "alice", areaCode: "010", password: "alice-pass-1" };
    const { id, outs } = await created(providers.client, { ...base, qnos: ["0002", "0001"] });
    expect(outs.qnos).toEqual(["0001", "0002"]);
    const { inputs } = await providers.client.check!(outs, { ...base, qnos: ["0003"] });
    await providers.client.update!(id, outs, inputs!);
    expect(sim.admin.list("membership").map((m) => (m as { qno: string }).qno)).toEqual(["0003"]);
    // Without qnos declared, the memberships are left alone.
    const { inputs: undeclared } = await providers.client.check!(inputs!, base);
    expect((await providers.client.diff!(id, inputs!, undeclared!)).changes).toBe(false);
  });
});

describe("QueueMember refusals", () => {
  it("reports an unknown agent instead of swallowing the batch failure", async () => {
    sim.admin.insert("queue", { id: 1, qno: "0001", name: "q" });
    const { inputs } = await providers.queueMember.check!({}, { qno: "0001", cno: "7777", penalty: 1 });
    await expect(providers.queueMember.create!(inputs!)).rejects.toThrow(
      /QueueMember 0001:7777.*(ResourceNotFound|does not exist)/s,
    );
    expect(sim.admin.list("membership")).toEqual([]);
  });
});
