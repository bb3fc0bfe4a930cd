/**
 * Every updatable field of every resource, one at a time, against the simulator: the diff names
 * that field alone (no replacement), the update goes through, and reading the object back shows
 * no change against the declaration. Every replace-only field: the diff asks for a replacement.
 * Written from a table of alternate values; a field missing from the table fails the test, so a
 * new schema field cannot go untested.
 */
import { describe, expect, it } from "vitest";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { providers } from "../../provider";
import { schemas } from "../../provider/resources/schemas";
import { ALTERNATES } from "./alternates";
import { simulatedProviders } from "./simulated";
import { present } from "../support/present";

type Row = Record<string, unknown>;

const { sim } = simulatedProviders("s3cret");

interface Case {
  provider: dynamic.ResourceProvider;
  base: Row;
  /** Another valid value per updatable field (with companions the value needs). */
  alternates: Record<string, Row>;
  /** Another valid value per replace-only field. */
  replacements: Record<string, Row>;
  /** Fields exempt from the table, with the reason. */
  exempt?: Record<string, string>;
  setup?: () => void;
}

const CASES: Record<string, Case> = {
  Queue: {
    provider: providers.queue,
    base: { qno: "0001", name: "support" },
    setup: () => sim.admin.insert("client", { cno: "1001", name: "a", type: 2 }),
    alternates: ALTERNATES.Queue,
    replacements: { qno: { qno: "0002" } },
  },
  Client: {
    provider: providers.client,
    base: { cno: "1001", name: "alice", areaCode: "010", password: "password-1" },
    setup: () => {
      sim.admin.insert("queue", { id: 1, qno: "0001", name: "q" });
      sim.admin.insert("dynamicTelGroup", { id: 7, name: "g", selectedTels: ["01089193540"], status: 1 });
    },
    alternates: ALTERNATES.Client,
    replacements: { cno: { cno: "1002" }, type: { type: 3 } },
    exempt: {
      cloudNumberEnabled:
        "needs the enterprise's cloud-phone feature; the simulator refuses it by default (covered in test/simulator/clients.test.ts)",
      cloudNumberModes: "as cloudNumberEnabled",
    },
  },
  Exten: {
    provider: providers.exten,
    base: { extenNumber: "8001", password: "sip-1", areaCode: "010", type: 1, allow: 3 },
    alternates: ALTERNATES.Exten,
    replacements: { extenNumber: { extenNumber: "8002" } },
  },
  ClientPhone: {
    provider: providers.clientPhone,
    base: { cno: "1001", tel: "8001" },
    setup: () => {
      sim.admin.insert("client", { cno: "1001", name: "a", type: 2, permission: {} });
      sim.admin.insert("client", { cno: "1002", name: "b", type: 2, permission: {} });
      for (const n of ["8001", "8002"])
        sim.admin.insert("exten", { extenNumber: n, areaCode: "010", type: 1, allow: 3 });
    },
    alternates: { tel: { tel: "8002" } },
    replacements: { cno: { cno: "1002" } },
    exempt: {
      isReserveTel: "mobiles only and a center feature; sent as declared, never read back (write-only by the document)",
    },
  },
  QueueMember: {
    provider: providers.queueMember,
    base: { qno: "0001", cno: "1001", penalty: 1 },
    setup: () => {
      sim.admin.insert("queue", { id: 1, qno: "0001", name: "q" });
      sim.admin.insert("queue", { id: 2, qno: "0002", name: "q2" });
      sim.admin.insert("client", { cno: "1001", name: "a", type: 2 });
      sim.admin.insert("client", { cno: "1002", name: "b", type: 2 });
    },
    alternates: { penalty: { penalty: 7 } },
    replacements: { qno: { qno: "0002" }, cno: { cno: "1002" } },
  },
  DynamicTelGroup: {
    provider: providers.dynamicTelGroup,
    base: { name: "g", selectedTels: ["01089193540"] },
    alternates: ALTERNATES.DynamicTelGroup,
    replacements: {},
  },
  Pause: {
    provider: providers.pause,
    base: { pauseStatus: "午休" },
    alternates: ALTERNATES.Pause,
    replacements: {},
  },
  RestrictTel: {
    provider: providers.restrictTel,
    base: { restrictType: 1, type: 1, telType: 1, tel: "13800000000" },
    alternates: {},
    replacements: {
      restrictType: { restrictType: 2 },
      tel: { tel: "13800000001" },
      type: { type: [1, 2] },
      telType: { telType: 2, tel: "010" },
      description: { description: "note" },
      expirationTime: { expirationTime: "2030-01-31" },
    },
    exempt: {
      encryptType: "the document defines one value (1, AES): there is nothing to change it to",
      encrypt: "1 is refused at check (no documented key); its refusal is tested in the RestrictTel provider tests",
    },
  },
  RestrictTelSetting: {
    provider: providers.restrictTelSetting,
    base: { settingValue: 1 },
    alternates: { settingValue: { settingValue: 6 } },
    replacements: {},
  },
};

describe.each(Object.keys(schemas))("%s", (type) => {
  const schema = present(schemas[type], `the schema of ${type}`);
  const maybe = CASES[type];

  it("has an alternate value for every updatable field and a replacement for every replace-only one", () => {
    expect(maybe, `no case for ${type}`).toBeDefined();
    const c = present(maybe, `a case for ${type}`);
    for (const [name, field] of Object.entries(schema.fields)) {
      if (field.lifecycle === "computed" || c.exempt?.[name]) continue;
      const table = field.lifecycle === "updatable" || field.lifecycle === "updateOnly" ? c.alternates : c.replacements;
      expect(table[name], `${type}.${name} (${field.lifecycle}) has no alternate value`).toBeDefined();
    }
  });

  /** Creates the kind's base object, then checks and diffs it against `alt` (which must pass check). */
  async function createThenChange(alt: Record<string, unknown>) {
    const c = present(maybe, `a case for ${type}`);
    c.setup?.();
    const { inputs: created } = await c.provider.check!({}, c.base);
    const { id, outs } = await c.provider.create!(created!);
    const { inputs: news, failures } = await c.provider.check!(outs, { ...c.base, ...alt });
    expect(failures).toEqual([]);
    const d = await c.provider.diff!(id, outs, news!);
    return { c, id, outs, news, d };
  }

  const updatable = Object.entries(maybe?.alternates ?? {});
  it.each(updatable)("updates %s in place, and reads back without a diff", async (name, alt) => {
    const { c, id, outs, news, d } = await createThenChange(alt);
    expect(d.changes, `${name}: a change`).toBe(true);
    expect(d.replaces ?? []).toEqual([]);
    const { outs: after } = await c.provider.update!(id, outs, news!);
    const read = await c.provider.read!(id, after ?? news!);
    // Found as stored: read hands back no inputs, so the engine keeps the checked ones it holds
    // (and the next up, a same step for every resource, writes no state).
    expect(read.inputs, `${name}: inputs from a read that found nothing changed`).toBeUndefined();
    const { inputs: again } = await c.provider.check!(read.props!, { ...c.base, ...alt });
    const back = await c.provider.diff!(id, read.props!, again!);
    expect(back.changes, `${name}: the server holds what was declared`).toBe(false);
  });

  const replaced = Object.entries(maybe?.replacements ?? {});
  if (replaced.length > 0)
    it.each(replaced)("replaces on a change of %s", async (name, alt) => {
      const { d } = await createThenChange(alt);
      expect(d.replaces, name).toContain(name);
    });
});
