/**
 * Client and Exten providers against the simulator over HTTP: check, create, read, diff, update,
 * delete, adoption and refusals, the way the engine calls them (issue 6's proof list).
 */
import { describe, expect, it } from "vitest";
import { configureProvider, providers } from "../../provider";
import { simulatedProviders } from "./simulated";

const { sim } = simulatedProviders();

const requests = () => sim.log().filter((e) => !e.path.startsWith("/__sim")).length;

/** check, then create, the way the engine does; returns the id, outputs and normalized inputs. */
async function createChecked(p: typeof providers.client, raw: Record<string, unknown>) {
  const { inputs, failures } = await p.check!({}, raw);
  expect(failures).toEqual([]);
  const { id, outs } = await p.create!(inputs!);
  return { id, outs, inputs: inputs! };
}

async function noChanges(
  p: typeof providers.client,
  id: string,
  olds: Record<string, unknown>,
  raw: Record<string, unknown>,
) {
  const { inputs } = await p.check!(olds, raw);
  const d = await p.diff!(id, olds, inputs!);
  return d.changes === false;
}

const alice = { cno: "1001", name: "alice", areaCode: "010", password: "alice-pass-1" };

describe("Client", () => {
  it("creates with minimal inputs, never stores or returns the password, and reads back without a diff", async () => {
    const { id, outs, inputs } = await createChecked(providers.client, alice);
    expect(id).toBe("1001");
    // permission was not declared: create_client requires the object, so `{}` is sent and the
    // server applies its own defaults; the output is what the server answered (issue 23).
    const created = sim.log().find((e) => e.path === "/cc/create_client");
    expect(created?.params).toContain("permission");
    expect(outs.permission).toEqual((sim.admin.list("client")[0] as { permission?: unknown }).permission);
    expect((sim.admin.list("client")[0] as { permission?: unknown }).permission).toEqual({
      asr: 0,
      call: 1,
      cdr: 1,
      recordDownload: 1,
      sms: 0,
      record: 3,
      chat: 0,
      transfer: 1,
      otherData: 2,
      taskInventory: 1,
    });
    const read = await providers.client.read!(id, outs);
    expect(read.props!.status).toBe(0);
    // The password is in no output, only its salted fingerprint (a secret): no RPC answer, event
    // or debug log that carries outputs can carry it.
    expect(JSON.stringify(outs)).not.toContain("alice-pass-1");
    expect(JSON.stringify(read.props)).not.toContain("alice-pass-1");
    // Nothing changed on the server: no inputs, the engine keeps the checked ones (sealed password).
    expect(read.inputs).toBeUndefined();
    expect((read.props!.__fingerprints as Record<string, string>).password).toMatch(/^[\w-]{11}:[\w-]{22}$/);
    expect(JSON.stringify(sim.admin.list("client"))).not.toContain("alice-pass-1");
    expect(await noChanges(providers.client, id, read.props!, alice)).toBe(true);
    expect(await noChanges(providers.client, id, read.props!, alice)).toBe(true);
    expect(await noChanges(providers.client, id, outs, { ...alice, password: "alice-pass-2" })).toBe(false);
    // The checked inputs (what previews and event logs show) hold the password sealed, never plain.
    expect(inputs.password).toMatch(/^clink-sealed:v1:/);
    expect(JSON.stringify(inputs)).not.toContain("alice-pass-1");
    const again = await providers.client.check!({}, alice);
    expect(again.inputs!.password).toBe(inputs.password); // the same password seals the same way
  });

  it("state from 0.1.0 (the password itself in the outputs) refreshes into a fingerprint, with no diff", async () => {
    const { id, outs } = await createChecked(providers.client, alice);
    const { __fingerprints: _prints, ...rest } = outs as Record<string, unknown>;
    const old = { ...rest, password: "alice-pass-1" }; // what 0.1.0 wrote
    expect(await noChanges(providers.client, id, old, alice)).toBe(true);
    const read = await providers.client.read!(id, old);
    expect(JSON.stringify(read.props)).not.toContain("alice-pass-1");
    expect(await noChanges(providers.client, id, read.props!, alice)).toBe(true);
    expect(await noChanges(providers.client, id, read.props!, { ...alice, password: "other-pass-9" })).toBe(false);
  });

  it("creates with full inputs, sends update-only fields and gains in follow-up calls, and shows no diff", async () => {
    sim.admin.insert("queue", { qno: "0001", name: "q1" });
    sim.admin.insert("queue", { qno: "0002", name: "q2" });
    const full = {
      ...alice,
      role: 1,
      active: 1,
      qnos: ["0002", "0001"],
      hiddenTel: 1,
      wrapupTime: 45,
      ibWrapupType: 2,
      ibWrapupTime: 120,
      crmId: 77,
      clidType: 3,
      clidRule: 2,
      clid: ["01089193541", "01089193540"],
      clidArea: [{ areaGroupName: "北京地区", obClids: ["01089193540"], assignType: 0 }],
      recurrentselectionType: 1,
      recurrentselectionValue: 3,
      permission: { sms: 1, record: 2 },
      type: 1,
      wechatMiniProgramRtc: 1,
      serveArea: ["021", "010"],
      obHangupSms: 1,
      pauseLogin: 0,
      agcRx: 30,
      agcTx: 60,
    };
    const { id, outs } = await createChecked(providers.client, full);
    expect(outs.qnos).toEqual(["0001", "0002"]);
    const read = await providers.client.read!(id, outs);
    expect(read.props).toMatchObject({ ibWrapupType: 2, ibWrapupTime: 120, agcRx: 30, agcTx: 60, crmId: 77, type: 1 });
    expect(read.props!.clidArea).toEqual([{ areaGroupName: "北京地区", obClids: ["01089193540"], assignType: 0 }]);
    expect(await noChanges(providers.client, id, read.props!, full)).toBe(true);
    const paths = sim.log().map((e) => e.path);
    expect(paths).toContain("/cc/update_client");
    expect(paths).toContain("/cc/other_setting");
  });

  it("updates a changed field in place, replaces on a type change, and updates the password only when it changes", async () => {
    const { id, outs } = await createChecked(providers.client, alice);
    const { inputs: renamed } = await providers.client.check!(outs, { ...alice, name: "alice2" });
    expect(await providers.client.diff!(id, outs, renamed!)).toMatchObject({ changes: true, replaces: [] });
    const before = sim.log().length;
    await providers.client.update!(id, outs, renamed!);
    const update = sim
      .log()
      .slice(before)
      .find((e) => e.path === "/cc/update_client");
    expect(update?.params).not.toContain("password");
    expect(update?.params).toContain("permission");
    expect(sim.admin.list("client")[0]).toMatchObject({ name: "alice2" });

    const { inputs: retyped } = await providers.client.check!(outs, { ...alice, type: 3 });
    const d = await providers.client.diff!(id, outs, retyped!);
    expect(d).toMatchObject({ changes: true, replaces: ["type"], deleteBeforeReplace: true });

    const { inputs: repassed } = await providers.client.check!(outs, { ...alice, password: "new-pass-22" });
    expect((await providers.client.diff!(id, outs, repassed!)).changes).toBe(true);
    const mark = sim.log().length;
    await providers.client.update!(id, outs, repassed!);
    expect(
      sim
        .log()
        .slice(mark)
        .find((e) => e.path === "/cc/update_client")?.params,
    ).toContain("password");
  });

  it("makes drift visible on refresh and reads a deleted agent as gone", async () => {
    const { id, outs } = await createChecked(providers.client, alice);
    sim.admin.edit("client", "1001", { wrapupTime: 99, name: "alice_2" });
    const read = await providers.client.read!(id, outs);
    expect(read.props!.wrapupTime).toBe(99);
    // The declared name drifted: a change; wrapupTime is not declared: not managed, no change.
    expect(await noChanges(providers.client, id, read.props!, alice)).toBe(false);
    expect(await noChanges(providers.client, id, read.props!, { ...alice, name: "alice_2" })).toBe(true);
    sim.admin.remove("client", "1001");
    expect(await providers.client.read!(id, outs)).toEqual({});
  });

  it("refuses an existing agent without adopt, and adopts and converges it with adopt", async () => {
    await createChecked(providers.client, alice);
    const { inputs } = await providers.client.check!({}, { ...alice, name: "taken" });
    await expect(providers.client.create!(inputs!)).rejects.toThrow(/Client 1001 already exists.*adopt: true/s);
    // The plugin prints `${error}: ${error.stack}`: a user sees the sentence, never our call frames.
    const shown = await providers.client.create!(inputs!).catch((e: Error) => `${e}: ${e.stack}`);
    expect(shown).toMatch(/^pulumi-clink: Client 1001 already exists/);
    expect(shown).not.toMatch(/\n\s+at /);
    const { inputs: adopting } = await providers.client.check!({}, { ...alice, name: "taken", adopt: true });
    const { outs } = await providers.client.create!(adopting!);
    expect(outs.adopted).toBe(true);
    expect(sim.admin.list("client")[0]).toMatchObject({ name: "taken" });
  });

  it("settles a create whose answer was lost by looking the agent up, then finishes what create had left", async () => {
    sim.addFault({ path: "/cc/create_client", kind: "drop-after" });
    const { id, outs } = await createChecked(providers.client, { ...alice, agcRx: 20, agcTx: 30 });
    expect(id).toBe("1001");
    expect(sim.admin.list("client")).toHaveLength(1);
    expect(sim.log().filter((e) => e.path === "/cc/create_client")).toHaveLength(1);
    expect(sim.admin.list("clientSetting")).toEqual([{ cno: "1001", agcRx: 20, agcTx: 30 }]);
    expect(outs.agcRx).toBe(20);
  });

  it("explains ClientOnline on delete, and logs the agent out first with forceOfflineOnDelete", async () => {
    const { id, outs } = await createChecked(providers.client, alice);
    sim.admin.setAgentOnline("1001", true);
    await expect(providers.client.delete!(id, outs)).rejects.toThrow(/ClientOnline.*forceOfflineOnDelete/s);
    const { inputs } = await providers.client.check!({}, { ...alice, forceOfflineOnDelete: true });
    await providers.client.delete!(id, { ...outs, ...inputs });
    expect(sim.admin.list("client")).toEqual([]);
    expect(sim.log().map((e) => e.path)).toContain("/cc/offline_client");
  });

  it("rejects every kind of bad input at check, naming the field, before any request", async () => {
    const n = requests();
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ ...alice, cno: 1001 }, "cno"],
      [{ ...alice, cno: "12" }, "cno"],
      [{ ...alice, name: "has space" }, "name"],
      [{ ...alice, areaCode: "10" }, "areaCode"],
      [{ ...alice, password: "" }, "password"],
      [{ ...alice, role: 2 }, "role"],
      [{ ...alice, wrapupTime: 301 }, "wrapupTime"],
      [{ ...alice, clidType: 2 }, "clid"],
      [{ ...alice, assignType: 1 }, "dynamicTelGroupName"],
      [{ ...alice, permission: { asr: 7 } }, "permission"],
      [{ ...alice, permission: { nope: 1 } }, "permission"],
      [{ ...alice, qnos: ["0001", "0001"] }, "qnos"],
      [{ ...alice, cloudNumberModes: [0, 1] }, "cloudNumberModes"],
      [{ ...alice, agcRx: 10 }, "agcTx"],
      [{ ...alice, type: 4 }, "type"],
      [{ ...alice, ibWrapupTime: 3601 }, "ibWrapupTime"],
      [{ ...alice, obClidDefaultType: 1 }, "dynamicTelGroupIdDefault"],
      [{ ...alice, bogus: 1 }, "bogus"],
    ];
    for (const [raw, property] of bad) {
      const { failures } = await providers.client.check!({}, raw);
      expect(
        failures?.map((f) => f.property),
        JSON.stringify(raw),
      ).toContain(property);
      expect(JSON.stringify(failures)).not.toContain("alice-pass-1");
    }
    const { failures } = await providers.client.check!({}, { cno: "1001" });
    expect(failures?.map((f) => f.property)).toEqual(expect.arrayContaining(["name", "areaCode", "password"]));
    expect(requests()).toBe(n);
  });
});

const desk = { extenNumber: "8001", password: "sip-pass", areaCode: "010", type: 1, allow: 3 };

describe("Exten", () => {
  it("creates, reads back (masked password) without a diff, updates, and deletes", async () => {
    const { id, outs } = await createChecked(providers.exten, desk);
    expect(id).toBe("8001");
    const read = await providers.exten.read!(id, outs);
    expect(read.props).not.toHaveProperty("password"); // neither the declared secret nor the server's ****
    expect(JSON.stringify(read.props)).not.toContain("sip-pass");
    expect(await noChanges(providers.exten, id, read.props!, desk)).toBe(true);
    const { inputs } = await providers.exten.check!(outs, { ...desk, allow: 5 });
    await providers.exten.update!(id, outs, inputs!);
    expect(sim.admin.list("exten")[0]).toMatchObject({ allow: 5 });
    await providers.exten.delete!(id, outs);
    expect(sim.admin.list("exten")).toEqual([]);
  });

  it("explains Registered and ExtenOnUsing, and refuses codec/type mismatches at check", async () => {
    const { id, outs } = await createChecked(providers.exten, desk);
    sim.admin.setExtenRegistered("8001", true);
    const { inputs } = await providers.exten.check!(outs, { ...desk, type: 2, allow: 5 });
    await expect(providers.exten.update!(id, outs, inputs!)).rejects.toThrow(/Registered.*unregister/s);
    sim.admin.insert("client", { cno: "1001", name: "a" });
    sim.admin.insert("clientTel", { key: "1001:8001", cno: "1001", tel: "8001", telType: 3, isBind: 1 });
    await expect(providers.exten.delete!(id, outs)).rejects.toThrow(/ExtenOnUsing.*unbind/s);
    const n = requests();
    for (const [raw, property] of [
      [{ ...desk, allow: 6 }, "allow"],
      [{ ...desk, type: 2, allow: 3 }, "allow"],
      [{ ...desk, type: 2, allow: 5, isDirect: 1 }, "isDirect"],
      [{ ...desk, extenNumber: "12" }, "extenNumber"],
      [{ ...desk, areaCode: "abc" }, "areaCode"],
    ] as Array<[Record<string, unknown>, string]>) {
      const { failures } = await providers.exten.check!({}, raw);
      expect(failures?.map((f) => f.property)).toContain(property);
    }
    expect(requests()).toBe(n);
  });

  it("adopts an existing phone with adopt, and names the opt-in without it", async () => {
    sim.admin.insert("exten", { extenNumber: "8001", areaCode: "010", type: 1, allow: 2, isDirect: 0, jittBuffer: 0 });
    const { inputs } = await providers.exten.check!({}, desk);
    await expect(providers.exten.create!(inputs!)).rejects.toThrow(/Exten 8001 already exists.*adopt: true/s);
    const { inputs: adopting } = await providers.exten.check!({}, { ...desk, adopt: true });
    const { outs } = await providers.exten.create!(adopting!);
    expect(outs.adopted).toBe(true);
    expect(sim.admin.list("exten")[0]).toMatchObject({ allow: 3 });
  });
});

describe("messages that say what is wrong", () => {
  it("a typo inside permission names the unknown key and the allowed ones, before any call", async () => {
    const before = requests();
    const { failures } = await providers.client.check!({}, { ...alice, permission: { recrd: 3 } });
    expect(failures).toEqual([
      {
        property: "permission",
        reason:
          "Client field 'permission' has no key 'recrd'; the permission keys are asr, call, cdr, recordDownload, sms, record, chat, transfer, otherData, taskInventory; got {\"recrd\":3}",
      },
    ]);
    expect(requests()).toBe(before);
  });

  it("the preview of a create with wrong credentials fails with the usual clear message", async () => {
    configureProvider({ endpoint: sim.url, accessKeyId: "k", accessKeySecret: "wrong-secret", rate: 0 });
    try {
      // (cno 1901: this process's diff saw 1001 replaced above, and a replacement's re-check is no collision)
      // A preview: the program marks its resources (__preview), and check looks a new object up.
      await expect(providers.client.check!({}, { ...alice, cno: "1901", __preview: true })).rejects.toThrow(
        /^Client 1901: look up before create failed with AuthFailure: .*Check clink:accessKeyId \/ clink:accessKeySecret/,
      );
    } finally {
      configureProvider({ endpoint: sim.url, accessKeyId: "k", accessKeySecret: "test-secret", rate: 0 });
    }
  });

  it("an unchanged declaration is checked without any call", async () => {
    const { inputs } = await providers.client.check!({}, alice);
    const { outs } = await providers.client.create!(inputs!);
    const before = requests();
    const again = await providers.client.check!(outs, alice);
    expect((await providers.client.diff!("1001", outs, again.inputs!)).changes).toBe(false);
    expect(requests()).toBe(before);
  });
});
