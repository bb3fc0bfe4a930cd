/**
 * Issue 23: a field the program does not declare is not managed. An object made outside the
 * program (the simulator's admin API) with every field off its default is adopted declaring its
 * identity (and what create requires), then edited once; the server afterwards differs only in
 * what was declared. The first two cases are the first two bullets.
 */
import { describe, expect, it } from "vitest";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { ClinkClient, configureProvider, providers } from "../../provider";
import { ALTERNATES, except, pick } from "./alternates";
import { simulatedProviders } from "./simulated";
import { CONSOLE_QUEUE, insertConsoleAgent } from "../engine/console-agent";
import { present } from "../support/present";

type Obj = Record<string, unknown>;

const { sim, creds } = simulatedProviders("undeclared-secret");

/** The server's object, without what the provider may change on purpose. */
const row = (kind: string, id: string, key: string): Obj => {
  const found = (sim.admin.list(kind) as Obj[]).find((r) => String(r[key]) === id);
  expect(found, `${kind} ${id}`).toBeDefined();
  return found!;
};

/** The keys whose values differ between two snapshots of one object. */
function changedKeys(before: Obj, after: Obj): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => k !== "updateTime" && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .sort();
}

/** check, then create (adopting), the way the engine does. */
async function adopt(p: dynamic.ResourceProvider, raw: Obj) {
  const { inputs, failures } = await p.check!({}, { ...raw, adopt: true });
  expect(failures).toEqual([]);
  const { id, outs } = await p.create(inputs!);
  return { id, outs: outs as Obj, inputs: inputs! };
}

/** check against the previous inputs, diff, update: one edit the way the engine does it. */
async function edit(p: dynamic.ResourceProvider, id: string, olds: Obj, oldInputs: Obj, raw: Obj) {
  // The program keeps `adopt: true` (an exported project does).
  const { inputs, failures } = await p.check!(oldInputs, { ...raw, adopt: true });
  expect(failures).toEqual([]);
  const d = await p.diff!(id, olds, inputs!);
  expect(d.changes).toBe(true);
  expect(d.replaces ?? []).toEqual([]);
  const { outs } = await p.update!(id, olds, inputs!);
  return { outs: outs as Obj, inputs: inputs! };
}

const sent = (path: string) => sim.log().filter((e) => e.path === path);

/** An agent set up in the console (test/engine/console-agent.ts). */
const consoleAgent = () => insertConsoleAgent(sim);

describe("Client: adopted with its identity, then renamed: only the name changes", () => {
  it("the adoption changes only the password and permission.record; the rename only the name", async () => {
    consoleAgent();
    const before = row("client", "1001", "cno");
    const declared = {
      cno: "1001",
      name: "alice",
      areaCode: "010",
      password: "Adopted-pw-1",
      permission: { record: 1 },
    };
    const { id, outs, inputs } = await adopt(providers.client, declared);
    const adopted = row("client", "1001", "cno");
    expect(changedKeys(before, adopted)).toEqual(["permission"]);
    expect(adopted.permission).toEqual({ ...(before.permission as Obj), record: 1 });
    // Undeclared: kept on the server, and the outputs show the server's values (not the defaults).
    expect(outs).toMatchObject({ hiddenTel: 1, wrapupTime: 45, pauseLogin: 0 });
    expect(outs.permission).toEqual(adopted.permission);
    // Never reported by describe and not declared: no output at all, never a promised default.
    expect(outs).not.toHaveProperty("assignType");
    expect(outs).not.toHaveProperty("wechatMiniProgramRtc");

    const mark = sim.log().length;
    const renamed = await edit(providers.client, id, outs, inputs, { ...declared, name: "alice_b" });
    const after = row("client", "1001", "cno");
    expect(changedKeys(adopted, after)).toEqual(["name"]);
    const update = sim
      .log()
      .slice(mark)
      .filter((e) => e.path === "/cc/update_client");
    expect(update).toHaveLength(1);
    // The rename sends the name, the identity and the permission update_client requires (the
    // server's, merged with the declared key); never assignType, the password or a default.
    expect(update[0]?.params?.sort()).toEqual(["cno", "name", "permission"]);
    expect(after.assignType).toBe(1);
    expect(after.dynamicTelGroupName).toBe("外呼组");
    expect(after.wechatMiniProgramRtc).toBe(1);
    expect(renamed.outs).toMatchObject({ name: "alice_b", hiddenTel: 1, wrapupTime: 45 });
  });

  it("an adoption that declares only the identity and the password writes the password alone", async () => {
    consoleAgent();
    const before = row("client", "1001", "cno");
    await adopt(providers.client, { cno: "1001", name: "alice", areaCode: "010", password: "Adopted-pw-1" });
    const update = sent("/cc/update_client");
    expect(update).toHaveLength(1);
    expect(update[0]?.params?.sort()).toEqual(["cno", "password", "permission"]);
    expect(changedKeys(before, row("client", "1001", "cno"))).toEqual([]);
  });

  it("a permission key changed in the console is not undone by an edit of another key", async () => {
    consoleAgent();
    const declared = { cno: "1001", name: "alice", areaCode: "010", permission: { record: 1 } };
    const { id, outs, inputs } = await adopt(providers.client, declared);
    sim.admin.edit("client", "1001", { permission: { ...(row("client", "1001", "cno").permission as Obj), sms: 0 } });
    await edit(providers.client, id, outs, inputs, { ...declared, permission: { record: 2 } });
    expect(row("client", "1001", "cno").permission).toMatchObject({ record: 2, sms: 0, recordDownload: 2 });
  });

  it("an edit of another field never writes the gains back; a gain edit keeps the other server gain", async () => {
    consoleAgent();
    const signed = new ClinkClient({ endpoint: sim.url, ...creds, rate: 0 });
    const gains = async () =>
      (await signed.request<{ otherSettings: Obj }>("GET", "/cc/list_other_setting", { query: { cno: "1001" } }))
        .otherSettings;
    try {
      // The simulator's agent starts at 50/50: an adoption declaring them changes no gain.
      const declared = { cno: "1001", name: "alice", areaCode: "010", agcRx: 50, agcTx: 50 };
      const { id, outs, inputs } = await adopt(providers.client, declared);
      expect(sent("/cc/other_setting")).toEqual([]);
      // Changed in the console (a signed call, as the console would).
      await signed.request("POST", "/cc/other_setting", { body: { cno: "1001", agcRx: 70, agcTx: 50 } });
      const mark = sim.log().length;
      const renamed = await edit(providers.client, id, outs, inputs, { ...declared, name: "alice_b" });
      expect(
        sim
          .log()
          .slice(mark)
          .filter((e) => e.path === "/cc/other_setting"),
      ).toEqual([]);
      expect(await gains()).toMatchObject({ agcRx: 70, agcTx: 50 });
      // The program changes agcTx only: agcRx carries the server's 70, not the declared 50.
      await edit(providers.client, id, renamed.outs, renamed.inputs, { ...declared, name: "alice_b", agcTx: 20 });
      expect(await gains()).toMatchObject({ agcRx: 70, agcTx: 20 });
    } finally {
      await signed.close();
    }
  });

  it("a refresh after drift returns as inputs only the declared permission keys", async () => {
    consoleAgent();
    const declared = { cno: "1001", name: "alice", areaCode: "010", permission: { record: 1 } };
    const { id, outs } = await adopt(providers.client, declared);
    sim.admin.edit("client", "1001", {
      permission: { ...(row("client", "1001", "cno").permission as Obj), record: 3 },
    });
    const read = await providers.client.read!(id, outs);
    expect(read.inputs?.permission).toEqual({ record: 3 });
    // The outputs keep the whole object as the server holds it.
    expect(read.props?.permission).toMatchObject({ record: 3, asr: 3, sms: 1 });
    // State written before the keys were recorded keeps the whole object.
    const { __declaredKeys: _k, ...older } = outs;
    expect(Object.keys((await providers.client.read!(id, older)).inputs?.permission as Obj).length).toBeGreaterThan(1);
  });

  it("a declared field the API never reports is sent on adoption, even at its documented default", async () => {
    consoleAgent();
    await adopt(providers.client, { cno: "1001", name: "alice", areaCode: "010", assignType: 0 });
    expect(row("client", "1001", "cno").assignType).toBe(0);
  });
});

interface Case {
  provider: dynamic.ResourceProvider;
  /** The simulator table and the key its rows are found by. */
  table: string;
  key: string;
  id: string;
  setup?: () => void;
  /** How the object was made outside the program: every settable field off its default. */
  made: Obj;
  /** The adopting declaration: the identity and what create requires. */
  adopted: Obj;
  /** One edit, and the row keys it may change. */
  edited: Obj;
  changes: string[];
}

const CASES: Record<string, Case> = {
  Queue: {
    provider: providers.queue,
    table: "queue",
    key: "qno",
    id: "0001",
    made: {
      ...CONSOLE_QUEUE,
      maxPauseClientFlag: 1,
      maxPauseClientType: 1,
      maxPauseClientValue: 150,
      chatStrategy: 4,
      chatMaxWait: 30,
      chatLocation: 5,
    },
    adopted: { qno: "0001", name: "support" },
    edited: { qno: "0001", name: "renamed" },
    changes: ["name"],
  },
  Exten: {
    provider: providers.exten,
    table: "exten",
    key: "extenNumber",
    id: "8001",
    made: { extenNumber: "8001", password: "sip-1", areaCode: "021", type: 1, allow: 4, isDirect: 1, jittBuffer: 1 },
    adopted: { extenNumber: "8001", areaCode: "021", type: 1, allow: 4 },
    edited: { extenNumber: "8001", areaCode: "010", type: 1, allow: 4 },
    changes: ["areaCode"],
  },
  ClientPhone: {
    provider: providers.clientPhone,
    table: "clientTel",
    key: "cno",
    id: "1001",
    setup: () => {
      sim.admin.insert("client", { cno: "1001", name: "a", type: 2, permission: {} });
      for (const n of ["8001", "8002"])
        sim.admin.insert("exten", { extenNumber: n, areaCode: "010", type: 1, allow: 3 });
    },
    made: { cno: "1001", tel: "8001" },
    adopted: { cno: "1001", tel: "8001" },
    edited: { cno: "1001", tel: "8002" },
    // The row of the first phone: no longer bound (a binding has no other settings).
    changes: ["isBind"],
  },
  DynamicTelGroup: {
    provider: providers.dynamicTelGroup,
    table: "dynamicTelGroup",
    key: "name",
    id: "g",
    made: {
      name: "g",
      selectedTels: ["01089193540"],
      status: 0,
      advancedConfigPermission: 1,
      statisticDays: 30,
      minObCount: 3,
      minObDays: 2,
      minAnswerRate: 50,
    },
    adopted: { name: "g", selectedTels: ["01089193540"] },
    edited: { name: "g", selectedTels: ["01089193540", "01089193541"] },
    changes: ["selectedTels"],
  },
  Pause: {
    provider: providers.pause,
    table: "pause",
    key: "pauseStatus",
    id: "午休",
    made: { pauseStatus: "午休", isRest: 1, isDefault: 1 },
    adopted: { pauseStatus: "午休" },
    edited: { pauseStatus: "培训" },
    changes: ["pauseStatus"],
  },
};

describe.each(Object.keys(CASES))("%s made outside the program, adopted with its identity, edited once", (type) => {
  const c = present(CASES[type], `a case for ${type}`);
  it("the server differs only in what was declared", async () => {
    c.setup?.();
    // Made by signed calls, as another tool would, with every settable field off its default.
    const { inputs: made, failures } = await c.provider.check!({}, c.made);
    expect(failures).toEqual([]);
    await c.provider.create(made!);
    const before = row(c.table, c.id, c.key);
    const { id, outs, inputs } = await adopt(c.provider, c.adopted);
    const adopted = row(c.table, c.id, c.key);
    expect(changedKeys(before, adopted), "the adoption changes nothing").toEqual([]);
    await edit(c.provider, id, outs, inputs, c.edited);
    const after = (sim.admin.list(c.table) as Obj[]).find(
      (r) => String(r.id ?? r[c.key]) === String(adopted.id ?? c.id),
    );
    expect(changedKeys(adopted, after ?? {}), "the edit changes only what it declares").toEqual(c.changes);
  });
});

describe("DynamicTelGroup: the analysis switch declared, its settings not", () => {
  it("adoption and an edit keep the server's statisticDays/minObCount/minObDays/minAnswerRate", async () => {
    const server = { statisticDays: 30, minObCount: 3, minObDays: 2, minAnswerRate: 50 };
    sim.admin.insert("dynamicTelGroup", {
      id: 9,
      name: "g",
      selectedTels: ["01089193540"],
      status: 1,
      advancedConfigPermission: 1,
      ...server,
    });
    const declared = { name: "g", selectedTels: ["01089193540"], advancedConfigPermission: 1 };
    const { id, outs, inputs } = await adopt(providers.dynamicTelGroup, declared);
    // Doc 3.5.5: the server fills these itself; undeclared, they are not in the inputs at all.
    for (const k of Object.keys(server)) expect(inputs).not.toHaveProperty(k);
    expect(row("dynamicTelGroup", "g", "name")).toMatchObject(server);
    await edit(providers.dynamicTelGroup, id, outs, inputs, { ...declared, selectedTels: ["01089193541"] });
    expect(row("dynamicTelGroup", "g", "name")).toMatchObject({ ...server, selectedTels: ["01089193541"] });
    for (const e of sent("/cc/update_dynamic_tel_group_rule"))
      for (const k of Object.keys(server)) expect(e.params ?? []).not.toContain(k);
  });
});

describe("the preview of an adoption", () => {
  const declared = { cno: "1001", name: "alice", areaCode: "010", password: "Preview-pw-1", wrapupTime: 30 };

  it("lists each declared field whose server value differs, old → new, never a secret", async () => {
    consoleAgent();
    const { inputs, failures } = await providers.client.check!(
      {},
      { ...declared, permission: { record: 1, sms: 1 }, adopt: true, __preview: true },
    );
    expect(failures).toEqual([]);
    expect(inputs!.__adoption).toEqual({
      password: { from: "(never reported)", to: "(secret)" },
      wrapupTime: { from: 45, to: 30 },
      permission: { from: { record: 3, sms: 1 }, to: { record: 1, sms: 1 } },
    });
    expect(JSON.stringify(inputs)).not.toContain("Preview-pw-1");
    // The up's own check (no __preview) looks nothing up and records nothing.
    const up = await providers.client.check!({}, { ...declared, adopt: true });
    expect(up.inputs).not.toHaveProperty("__adoption");
  });

  it("does the same for every create under clink:adoptExisting", async () => {
    consoleAgent();
    configureProvider({ endpoint: sim.url, ...creds, rate: 0, adoptExisting: true });
    try {
      const { inputs, failures } = await providers.client.check!(
        {},
        { cno: "1001", name: "alice_b", areaCode: "010", __preview: true },
      );
      expect(failures).toEqual([]);
      expect(inputs!.__adoption).toEqual({ name: { from: "alice", to: "alice_b" } });
    } finally {
      configureProvider({ endpoint: sim.url, ...creds, rate: 0 });
    }
  });

  it("says an adoption that matches changes nothing; a create of a new object has no adoption", async () => {
    consoleAgent();
    const same = { cno: "1001", name: "alice", areaCode: "010", wrapupTime: 45, adopt: true, __preview: true };
    expect((await providers.client.check!({}, same)).inputs!.__adoption).toEqual({});
    const fresh = await providers.client.check!({}, { ...same, cno: "1002" });
    expect(fresh.inputs).not.toHaveProperty("__adoption");
  });
});

/**
 * Field by field: an object made (by signed calls) with one field off its default, adopted with
 * the identity and what create requires, then edited in another field: the field keeps its value.
 */
interface FieldCase {
  provider: dynamic.ResourceProvider;
  table: string;
  key: string;
  id: string;
  base: Obj;
  edit: Obj;
  /** The edit when `edit` touches the field kept. */
  altEdit?: Obj;
  setup?: () => void;
  /** One non-default value per updatable field (with the companions it needs). */
  values: Record<string, Obj>;
}

const FIELD_CASES: Record<string, FieldCase> = {
  Client: {
    provider: providers.client,
    table: "client",
    key: "cno",
    id: "1001",
    base: { cno: "1001", name: "alice", areaCode: "010", password: "password-1" },
    edit: { name: "alice_b" },
    setup: () => {
      sim.admin.insert("queue", { id: 1, qno: "0001", name: "q" });
      sim.admin.insert("dynamicTelGroup", { id: 7, name: "g", selectedTels: ["01089193540"], status: 1 });
    },
    values: pick(
      ALTERNATES.Client,
      "role",
      "active",
      "qnos",
      "hiddenTel",
      "wrapupTime",
      "ibWrapupType",
      "ibWrapupTime",
      "crmId",
      "clidType",
      "clidRule",
      "assignType",
      "dynamicTelGroupId",
      "clidDefault",
      "clidArea",
      "recurrentselectionType",
      "recurrentselectionValue",
      "permission",
      "wechatMiniProgramRtc",
      "obClidDefaultType",
      "serveArea",
      "obHangupSms",
      "pauseLogin",
    ),
  },
  Queue: {
    provider: providers.queue,
    table: "queue",
    key: "qno",
    id: "0001",
    base: { qno: "0001", name: "support" },
    edit: { name: "renamed" },
    values: except(ALTERNATES.Queue, "name", "members"),
  },
  Exten: {
    provider: providers.exten,
    table: "exten",
    key: "extenNumber",
    id: "8001",
    base: { extenNumber: "8001", password: "sip-1", areaCode: "010", type: 1, allow: 3 },
    edit: { areaCode: "021" },
    values: pick(ALTERNATES.Exten, "isDirect", "jittBuffer"),
  },
  DynamicTelGroup: {
    provider: providers.dynamicTelGroup,
    table: "dynamicTelGroup",
    key: "name",
    id: "g",
    base: { name: "g", selectedTels: ["01089193540"] },
    edit: { selectedTels: ["01089193540", "01089193541"] },
    values: pick(ALTERNATES.DynamicTelGroup, "status", "advancedConfigPermission", "statisticDays"),
  },
  Pause: {
    provider: providers.pause,
    table: "pause",
    key: "pauseStatus",
    id: "午休",
    base: { pauseStatus: "午休" },
    edit: { isRest: 1 },
    altEdit: { pauseStatus: "培训" },
    values: pick(ALTERNATES.Pause, "isRest", "isDefault"),
  },
};

const fieldRows = Object.entries(FIELD_CASES).flatMap(([type, c]) =>
  Object.entries(c.values).map(([field, value]) => [type, field, value] as const),
);

describe.each(fieldRows)("%s.%s off its default, undeclared", (type, field, value) => {
  it("keeps its value through adoption and an edit of another field", async () => {
    const c = present(FIELD_CASES[type], `a field case for ${type}`);
    c.setup?.();
    const { inputs: made, failures } = await c.provider.check!({}, { ...c.base, ...value });
    expect(failures).toEqual([]);
    await c.provider.create(made!);
    const rowNow = () => present((sim.admin.list(c.table) as Obj[])[0], `a ${c.table} row`);
    const before = rowNow();
    const declared = Object.fromEntries(Object.entries(c.base).filter(([k]) => k !== "password"));
    const { id, outs, inputs } = await adopt(c.provider, declared);
    // The edit touches another field than the one kept.
    const change = field in c.edit ? (c.altEdit ?? {}) : c.edit;
    await edit(c.provider, id, outs, inputs, { ...declared, ...change });
    const after = rowNow();
    const keys = Object.keys(value).filter((k) => !(k in change));
    for (const k of keys) expect(after[k], `${type}.${k}`).toEqual(before[k]);
  });
});
