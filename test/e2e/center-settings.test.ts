/**
 * DynamicTelGroup, Pause, RestrictTel and RestrictTelSetting under the real engine, with an agent
 * that refers to the group by name: up, a clean preview, an update, a replacement (delete first),
 * drift repaired, destroy. (Two default pauses in one program: test/program/one-object.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { changesOf, engineSuite, recorder } from "./harness";

describe("center settings under the real engine", () => {
  const { sim, stack } = engineSuite();

  it("creates, previews clean, updates, replaces, repairs drift and destroys", async () => {
    let description = "reported spam";
    let groupStatus = 1;
    const h = await stack(
      ({ clink }) => {
        const group = new clink.DynamicTelGroup("sales-out", {
          name: "sales-out",
          selectedTels: ["01089193540", "01089193541"],
          status: groupStatus,
        });
        new clink.Client("bob", {
          cno: "1002",
          name: "bob",
          areaCode: "010",
          password: "bob-password-1",
          assignType: 1,
          dynamicTelGroupName: group.name,
        });
        new clink.Pause("busy", { pauseStatus: "忙碌", isDefault: 1 });
        new clink.RestrictTel("spam", { restrictType: 1, type: [1, 2], telType: 1, tel: "13800000000", description });
        new clink.RestrictTelSetting("lists", { mode: "blacklist", direction: "both" });
      },
      { project: "clink-e2e-settings" },
    );

    let rec = recorder();
    await h.stack.up({ onEvent: rec.onEvent });
    expect(changesOf(rec.ops).sort()).toEqual([
      "create bob",
      "create busy",
      "create lists",
      "create sales-out",
      "create spam",
    ]);
    // The agent waited for its group (it refers to it by name).
    const order = rec.ops.map((o) => o.name);
    expect(order.indexOf("sales-out")).toBeLessThan(order.indexOf("bob"));
    expect(sim.admin.list("restrictTelSetting")[0]).toMatchObject({ settingValue: 3 });
    await h.stack.preview({ expectNoChanges: true });

    // An update in place (group) and a replacement, delete first (the entry's key survives).
    groupStatus = 0;
    description = "confirmed spam";
    rec = recorder();
    await h.stack.up({ onEvent: rec.onEvent });
    expect(changesOf(rec.ops).filter((c) => c.endsWith("sales-out"))).toEqual(["update sales-out"]);
    expect(changesOf(rec.ops).filter((c) => c.endsWith("spam"))).toEqual([
      "delete-replaced spam",
      "replace spam",
      "create-replacement spam",
    ]);
    expect(sim.admin.list("restrictTel")).toHaveLength(2);
    await h.stack.preview({ expectNoChanges: true });

    // Drift out of band: another pause took the default; the list switch was turned off.
    sim.admin.insert("pause", { id: 99, sort: 9, pauseStatus: "其他", isRest: 0, isDefault: 1 });
    const busy = sim.admin.list("pause").find((p) => (p as { pauseStatus: string }).pauseStatus === "忙碌") as {
      id: number;
    };
    sim.admin.edit("pause", String(busy.id), { isDefault: 0 });
    sim.admin.edit("restrictTelSetting", "setting", { settingValue: 0 });
    await h.stack.refresh();
    rec = recorder();
    await h.stack.up({ onEvent: rec.onEvent });
    expect(changesOf(rec.ops).sort()).toEqual(["update busy", "update lists"]);
    await h.stack.preview({ expectNoChanges: true });

    await h.stack.destroy();
    expect(sim.admin.list("dynamicTelGroup")).toEqual([]);
    expect(sim.admin.list("restrictTel")).toEqual([]);
    expect(sim.admin.list("pause").map((p) => (p as { pauseStatus: string }).pauseStatus)).toEqual(["其他"]);
    // Destroy leaves the switch as it is (docs/restrict-tel.md).
    expect(sim.admin.list("restrictTelSetting")[0]).toMatchObject({ settingValue: 3 });
  });
});
