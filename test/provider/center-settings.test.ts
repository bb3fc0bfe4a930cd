/**
 * DynamicTelGroup, Pause, RestrictTel and RestrictTelSetting providers against the simulator over
 * HTTP, called the way the engine calls them (issue 7's proof list).
 */
import { describe, expect, it } from "vitest";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { providers } from "../../provider";
import { simulatedProviders } from "./simulated";

const { sim } = simulatedProviders();

const requests = () => sim.log().length;

async function created(p: dynamic.ResourceProvider, raw: Record<string, unknown>) {
  const { inputs, failures } = await p.check!({}, raw);
  expect(failures).toEqual([]);
  const { id, outs } = await p.create!(inputs!);
  return { id, outs };
}

async function diffOf(
  p: dynamic.ResourceProvider,
  id: string,
  olds: Record<string, unknown>,
  raw: Record<string, unknown>,
) {
  const { inputs, failures } = await p.check!(olds, raw);
  expect(failures).toEqual([]);
  return { d: await p.diff!(id, olds, inputs!), inputs: inputs! };
}

async function failuresOf(p: dynamic.ResourceProvider, raw: Record<string, unknown>) {
  const { failures } = await p.check!({}, raw);
  return (failures ?? []).map((f) => f.property);
}

describe("DynamicTelGroup", () => {
  const group = { name: "sales-out", selectedTels: ["01089193541", "01089193540"] };

  it("creates (finding the id by name), reads back without a diff, renames in place, and deletes", async () => {
    const { id, outs } = await created(providers.dynamicTelGroup, group);
    expect(id).toMatch(/^\d+$/);
    expect(outs).toMatchObject({ groupId: Number(id), selectedTels: ["01089193540", "01089193541"] });
    // Nothing undeclared is sent (issue 23): the server applies its own defaults (status 1, no
    // analysis), and the outputs show what it answered.
    expect(sim.log().find((e) => e.path.includes("create_dynamic_tel_group"))?.params).not.toContain("status");
    expect(sim.admin.list("dynamicTelGroup")[0]).toMatchObject({ status: 1, advancedConfigPermission: 0 });
    expect(outs).toMatchObject({ status: 1, advancedConfigPermission: 0 });
    const read = await providers.dynamicTelGroup.read!(id, outs);
    expect((await diffOf(providers.dynamicTelGroup, id, read.props!, group)).d.changes).toBe(false);
    const renamed = await diffOf(providers.dynamicTelGroup, id, outs, { ...group, name: "sales-2" });
    expect(renamed.d).toMatchObject({ changes: true, replaces: [] });
    await providers.dynamicTelGroup.update!(id, outs, renamed.inputs);
    expect(sim.admin.list("dynamicTelGroup")[0]).toMatchObject({ name: "sales-2" });
    await providers.dynamicTelGroup.delete!(id, outs);
    expect(sim.admin.list("dynamicTelGroup")).toEqual([]);
  });

  it("fills the analysis defaults when the analysis is on, so nothing drifts", async () => {
    const full = { ...group, advancedConfigPermission: 1, minAnswerRate: 15 };
    const { id, outs } = await created(providers.dynamicTelGroup, full);
    expect(outs).toMatchObject({ statisticDays: 7, minObCount: 1, minObDays: 1, minAnswerRate: 15 });
    const read = await providers.dynamicTelGroup.read!(id, outs);
    expect((await diffOf(providers.dynamicTelGroup, id, read.props!, full)).d.changes).toBe(false);
  });

  it("sees drift, reads a deleted group as gone, adopts by name", async () => {
    const { id, outs } = await created(providers.dynamicTelGroup, group);
    sim.admin.edit("dynamicTelGroup", id, { status: 0 });
    const read = await providers.dynamicTelGroup.read!(id, outs);
    expect(read.props!.status).toBe(0);
    sim.admin.remove("dynamicTelGroup", id);
    expect(await providers.dynamicTelGroup.read!(id, outs)).toEqual({});
    sim.admin.insert("dynamicTelGroup", {
      id: 500,
      name: "sales-out",
      selectedTels: ["01089193540"],
      status: 1,
      advancedConfigPermission: 0,
    });
    const adopted = await created(providers.dynamicTelGroup, { ...group, adopt: true });
    expect(adopted.id).toBe("500");
    expect(adopted.outs.adopted).toBe(true);
    expect(sim.admin.list("dynamicTelGroup")[0]).toMatchObject({ selectedTels: ["01089193540", "01089193541"] });
  });

  it("rejects bad input at check without a request", async () => {
    const n = requests();
    expect(await failuresOf(providers.dynamicTelGroup, { ...group, name: "x".repeat(31) })).toContain("name");
    expect(await failuresOf(providers.dynamicTelGroup, { ...group, selectedTels: [] })).toContain("selectedTels");
    expect(await failuresOf(providers.dynamicTelGroup, { ...group, selectedTels: ["1", "1"] })).toContain(
      "selectedTels",
    );
    expect(await failuresOf(providers.dynamicTelGroup, { ...group, statisticDays: 10 })).toContain("statisticDays");
    expect(
      await failuresOf(providers.dynamicTelGroup, { ...group, advancedConfigPermission: 1, statisticDays: 61 }),
    ).toContain("statisticDays");
    expect(requests()).toBe(n);
  });
});

describe("Pause", () => {
  it("creates (finding the id by text), updates by id, and deletes by the server's current text", async () => {
    const { id, outs } = await created(providers.pause, { pauseStatus: "午休", isRest: 1 });
    expect(outs).toMatchObject({ pauseStatus: "午休", isRest: 1, pauseId: Number(id) });
    // create_enterprise_pause requires isDefault (doc 3.3.2, 必填 true): its documented default is
    // sent; the output is what the server answered.
    expect(sim.log().find((e) => e.path === "/cc/create_enterprise_pause")?.params).toContain("isDefault");
    expect(outs).toMatchObject({ isDefault: 0 });
    expect(sim.admin.list("pause")[0]).toMatchObject({ isDefault: 0 });
    const read = await providers.pause.read!(id, outs);
    expect((await diffOf(providers.pause, id, read.props!, { pauseStatus: "午休", isRest: 1 })).d.changes).toBe(false);
    const { inputs } = await diffOf(providers.pause, id, outs, { pauseStatus: "培训", isRest: 1 });
    sim.admin.edit("pause", id, { isDefault: 1 }); // made the default in the console meanwhile
    await providers.pause.update!(id, outs, inputs);
    // update_enterprise_pause requires isDefault (doc 3.3.4): it carries the server's value, read
    // just before, not the default (issue 23).
    expect(sim.admin.list("pause")[0]).toMatchObject({ pauseStatus: "培训", isRest: 1, isDefault: 1 });
    sim.admin.edit("pause", id, { pauseStatus: "改名" }); // renamed out of band
    await providers.pause.delete!(id, outs);
    expect(sim.admin.list("pause")).toEqual([]);
  });

  it("adopts by text, and refuses text longer than 4 characters at check", async () => {
    sim.admin.insert("pause", { id: 9, sort: 1, pauseStatus: "忙碌", isRest: 0, isDefault: 1 });
    const { id, outs } = await created(providers.pause, { pauseStatus: "忙碌", isDefault: 1, adopt: true });
    expect(id).toBe("9");
    expect(outs.adopted).toBe(true);
    const n = requests();
    expect(await failuresOf(providers.pause, { pauseStatus: "一二三四五" })).toContain("pauseStatus");
    expect(await failuresOf(providers.pause, { pauseStatus: "a", isDefault: 2 })).toContain("isDefault");
    expect(requests()).toBe(n);
  });
});

describe("RestrictTel", () => {
  const spam = {
    restrictType: 1,
    type: 1,
    telType: 1,
    tel: "13800000000",
    description: "spam",
    expirationTime: "2027-12-31",
  };

  it("refuses encrypt: 1 at check, before any call: the document names no key for it", async () => {
    const before = sim.log().length;
    const { failures } = await providers.restrictTel.check!({}, { ...spam, encrypt: 1 });
    expect(failures).toHaveLength(1);
    expect(failures?.[0]?.property).toBe("encrypt");
    expect(failures?.[0]?.reason).toContain("encrypt: 1 is not supported");
    expect(failures?.[0]?.reason).toContain("encrypt 0");
    expect(sim.log().length).toBe(before);
  });

  it("creates, reads the expiry back as the same China-time date, and replaces on any change, delete first", async () => {
    const { id, outs } = await created(providers.restrictTel, spam);
    expect(id).toBe("1:13800000000");
    const read = await providers.restrictTel.read!(id, outs);
    expect(read.props).toMatchObject({ expirationTime: "2027-12-31", type: [1], description: "spam" });
    expect((await diffOf(providers.restrictTel, id, read.props!, spam)).d.changes).toBe(false);
    const { d } = await diffOf(providers.restrictTel, id, outs, { ...spam, description: "reported" });
    expect(d).toMatchObject({ changes: true, replaces: ["description"], deleteBeforeReplace: true });
  });

  it("models both directions as one resource, and deletes both with the one delete call", async () => {
    const both = { ...spam, type: [2, 1] };
    const { id, outs } = await created(providers.restrictTel, both);
    expect(outs.type).toEqual([1, 2]);
    expect(sim.admin.list("restrictTel")).toHaveLength(2);
    const read = await providers.restrictTel.read!(id, outs);
    expect((await diffOf(providers.restrictTel, id, read.props!, both)).d.changes).toBe(false);
    await providers.restrictTel.delete!(id, outs);
    expect(sim.admin.list("restrictTel")).toEqual([]);
  });

  it("a lost create of one direction is sent again: both directions land, none twice (fault soak case)", async () => {
    for (const kind of ["drop-before", "500"] as const) {
      sim.reset();
      sim.addFault({ path: "/cc/create_restrict_tel", kind, count: 1 });
      const { outs } = await created(providers.restrictTel, { ...spam, type: [1, 2] });
      expect(outs.type).toEqual([1, 2]);
      const entries = sim.admin.list("restrictTel") as Array<{ type: number }>;
      expect(entries.map((e) => e.type).sort(), kind).toEqual([1, 2]);
    }
  });

  it("adopts a number listed in one of its two directions by listing it in the other (a run killed between them)", async () => {
    const both = { ...spam, type: [1, 2] };
    await created(providers.restrictTel, spam); // direction 1 only, as a killed run leaves it
    const { id, outs } = await created(providers.restrictTel, { ...both, adopt: true });
    expect(outs).toMatchObject({ type: [1, 2], adopted: true });
    const entries = sim.admin.list("restrictTel") as Array<{ type: number; description: string }>;
    expect(entries.map((e) => e.type).sort()).toEqual([1, 2]);
    expect(entries.every((e) => e.description === "spam")).toBe(true);
    const read = await providers.restrictTel.read!(id, outs);
    expect((await diffOf(providers.restrictTel, id, read.props!, both)).d.changes).toBe(false);
  });

  it("reads both directions: a note or expiry changed on either one shows as drift", async () => {
    const both = { ...spam, type: [1, 2] };
    for (const direction of [1, 2]) {
      sim.reset();
      const { id, outs } = await created(providers.restrictTel, both);
      const entry = (sim.admin.list("restrictTel") as Array<{ key: string; type: number }>).find(
        (e) => e.type === direction,
      )!;
      sim.admin.edit("restrictTel", entry.key, {
        description: "changed",
        expirationTime: Date.parse("2031-01-01T00:00:00Z"),
      });
      const read = await providers.restrictTel.read!(id, outs);
      expect(read.props, `direction ${direction}`).toMatchObject({
        description: "changed",
        expirationTime: "2031-01-01",
      });
      const { d } = await diffOf(providers.restrictTel, id, read.props!, both);
      expect(d.changes).toBe(true);
      expect(d.replaces).toEqual(expect.arrayContaining(["description", "expirationTime"]));
    }
  });

  it("refuses a listed number without adopt, and rejects bad input at check", async () => {
    await created(providers.restrictTel, spam);
    const { inputs } = await providers.restrictTel.check!({}, { ...spam, type: 2 });
    await expect(providers.restrictTel.create!(inputs!)).rejects.toThrow(/already exists.*adopt: true/s);
    const n = requests();
    expect(await failuresOf(providers.restrictTel, { ...spam, telType: 2 })).toContain("tel");
    expect(await failuresOf(providers.restrictTel, { ...spam, telType: 3 })).toContain("tel");
    expect(await failuresOf(providers.restrictTel, { ...spam, type: 3 })).toContain("type");
    expect(await failuresOf(providers.restrictTel, { ...spam, expirationTime: "31/12/2027" })).toContain(
      "expirationTime",
    );
    expect(await failuresOf(providers.restrictTel, { ...spam, expirationTime: "2027-02-30" })).toContain(
      "expirationTime",
    );
    expect(requests()).toBe(n);
  });
});

describe("RestrictTelSetting", () => {
  it("sets the switch on create and update, sees drift, and leaves it alone on delete", async () => {
    const { id, outs } = await created(providers.restrictTelSetting, { settingValue: 3 });
    expect(id).toBe("restrict-tel-setting");
    expect(sim.admin.list("restrictTelSetting")[0]).toMatchObject({ settingValue: 3 });
    sim.admin.edit("restrictTelSetting", "setting", { settingValue: 0 });
    expect((await providers.restrictTelSetting.read!(id, outs)).props!.settingValue).toBe(0);
    await providers.restrictTelSetting.delete!(id, outs);
    expect(sim.admin.list("restrictTelSetting")[0]).toMatchObject({ settingValue: 0 });
    expect(await failuresOf(providers.restrictTelSetting, { settingValue: 7 })).toContain("settingValue");
  });
});
