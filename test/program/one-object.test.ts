/**
 * Program-side rules under the SDK's mocks (no engine, no API): two resources that address one
 * server object are refused, both named (issue 17, point 2). The verdict each resource carries is
 * the failure its provider's check reports before any API call.
 */
import { describe, expect, it } from "vitest";
import { mockedProgram } from "./mocks";

const { clink, verdicts } = mockedProgram();

describe("one server object, one resource", () => {
  it("refuses two RestrictTel for one list and number (one inbound, one outbound), naming both", async () => {
    new clink.RestrictTel("spam-in", { restrictType: 1, type: 1, telType: 1, tel: "13800000000" });
    new clink.RestrictTel("spam-out", { restrictType: 1, type: 2, telType: 1, tel: "13800000000" });
    new clink.RestrictTel("other", { restrictType: 1, type: 2, telType: 1, tel: "13800000009" });
    const v = await verdicts(["spam-in", "spam-out", "other"]);
    expect(v["spam-in"]?.reason).toContain('clink.RestrictTel "spam-in" and clink.RestrictTel "spam-out"');
    expect(v["spam-in"]?.reason).toContain("type: [1, 2]");
    expect(v["spam-out"]?.property).toBe("restrictType");
    expect(v.other).toBeUndefined();
  });

  it("refuses two Clients with one cno, two Queues with one qno, two Extens with one number", async () => {
    new clink.Client("a1", { cno: "1001", name: "a", areaCode: "010", password: "pw-123456" });
    new clink.Client("a2", { cno: "1001", name: "b", areaCode: "010", password: "pw-123456" });
    new clink.Queue("q1", { qno: "0001", name: "q" });
    new clink.Queue("q2", { qno: "0001", name: "q" });
    new clink.Exten("e1", { extenNumber: "8001", password: "1234", areaCode: "010", type: 1, allow: 1 });
    new clink.Exten("e2", { extenNumber: "8001", password: "1234", areaCode: "010", type: 1, allow: 1 });
    const v = await verdicts(["a1", "a2", "q1", "q2", "e1", "e2"]);
    expect(v.a2?.reason).toContain('clink.Client "a1" and clink.Client "a2" both manage the Client with cno 1001');
    expect(v.q1?.reason).toContain('clink.Queue "q1" and clink.Queue "q2"');
    expect(v.e1?.reason).toContain("extenNumber 8001");
  });

  it("refuses two ClientPhones for one agent, and two for one phone; an Output key counts once it resolves", async () => {
    const agent = new clink.Client("owner", { cno: "2001", name: "o", areaCode: "010", password: "pw-123456" });
    new clink.ClientPhone("p1", { cno: agent.cno, tel: "8101" });
    new clink.ClientPhone("p2", { cno: "2001", tel: "8102" });
    new clink.ClientPhone("p3", { cno: "2003", tel: "8102" });
    new clink.ClientPhone("p4", { cno: "2004", tel: "8104" });
    const v = await verdicts(["p1", "p2", "p3", "p4"]);
    expect(v.p2?.reason).toMatch(
      /clink\.ClientPhone "p[12]" and clink\.ClientPhone "p[12]" both manage the ClientPhone with cno 2001/,
    );
    expect(v.p3?.reason).toContain("tel 8102");
    expect(v.p4).toBeUndefined();
  });

  it("refuses two RestrictTelSetting (one switch per center), and leaves get alone", async () => {
    new clink.RestrictTelSetting("s1", { settingValue: 1 });
    new clink.RestrictTelSetting("s2", { mode: "blacklist", direction: "both" });
    clink.Client.get("read-only", "1001");
    const v = await verdicts(["s1", "s2", "read-only"]);
    expect(v.s1?.reason).toContain("single setting");
    expect(v["read-only"]).toBeUndefined();
  });

  // Moved from the e2e suite (center-settings): one default pause status per center (docs/pauses.md).
  it("refuses two pauses declared isDefault: 1, naming both; one default alone passes", async () => {
    new clink.Pause("a", { pauseStatus: "甲", isDefault: 1 });
    new clink.Pause("b", { pauseStatus: "乙", isDefault: 1 });
    new clink.Pause("c", { pauseStatus: "丙", isDefault: 0 });
    const v = await verdicts(["a", "b", "c"]);
    for (const name of ["a", "b"]) {
      expect(v[name]?.property, name).toBe("isDefault");
      expect(v[name]?.reason, name).toContain('clink.Pause "a" and clink.Pause "b" are all declared isDefault: 1');
    }
    expect(v.c).toBeUndefined();
  });
});
