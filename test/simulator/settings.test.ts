/** The simulator's doc 3.3 pauses, 3.4 phones, 3.5 numbers, 3.6-3.10 read-only areas, 3.7 lists. */
import { describe, expect, it } from "vitest";
import { aes, enterprise, err, ok } from "./call";

describe("pauses (3.3)", () => {
  it("creates without answering the id, lists with ids, updates by id, deletes by text, keeps one default", () => {
    const ent = enterprise();
    expect(
      ok(ent, "POST", "/cc/create_enterprise_pause", { pauseStatus: "忙碌", isRest: 0, isDefault: 1 }).enterprisePause,
    ).toEqual({
      pauseStatus: "忙碌",
      isRest: 0,
      isDefault: 1,
    });
    ok(ent, "POST", "/cc/create_enterprise_pause", { pauseStatus: "午休", isRest: 1, isDefault: 0 });
    const list = ok(ent, "GET", "/cc/list_enterprise_pauses").enterprisePauses;
    expect(list.map((p: { sort: number }) => p.sort)).toEqual([1, 2]);
    const lunch = list[1];
    ok(ent, "POST", "/cc/update_enterprise_pause", { id: lunch.id, pauseStatus: "午休", isRest: 1, isDefault: 1 });
    const after = ok(ent, "GET", "/cc/list_enterprise_pauses").enterprisePauses;
    expect(after.map((p: { isDefault: number }) => p.isDefault)).toEqual([0, 1]);
    ok(ent, "POST", "/cc/delete_enterprise_pause", { pauseStatus: "忙碌" });
    expect(ok(ent, "GET", "/cc/list_enterprise_pauses").enterprisePauses).toHaveLength(1);
  });

  it("rejects text over 4 characters, missing flags, a taken text and an unknown id", () => {
    const ent = enterprise();
    expect(
      err(ent, "POST", "/cc/create_enterprise_pause", { pauseStatus: "一二三四五", isRest: 0, isDefault: 0 }).code,
    ).toBe("InvalidParameter");
    expect(err(ent, "POST", "/cc/create_enterprise_pause", { pauseStatus: "a", isRest: 0 }).code).toBe(
      "MissingParameter",
    );
    ok(ent, "POST", "/cc/create_enterprise_pause", { pauseStatus: "a", isRest: 0, isDefault: 0 });
    expect(err(ent, "POST", "/cc/create_enterprise_pause", { pauseStatus: "a", isRest: 0, isDefault: 0 }).code).toBe(
      "InvalidParameter",
    );
    expect(
      err(ent, "POST", "/cc/update_enterprise_pause", { id: 999, pauseStatus: "b", isRest: 0, isDefault: 0 }).code,
    ).toBe("ResourceNotFound");
  });
});

describe("phones (3.4)", () => {
  const desk = { extenNumber: "8001", password: "1234", areaCode: "010", type: 1, allow: 3 };

  it("masks the password, refuses duplicates (ParameterConflict) and wrong codecs", () => {
    const ent = enterprise();
    expect(ok(ent, "POST", "/cc/create_exten", desk).exten).toMatchObject({ password: "****", jittBuffer: 0 });
    expect(ok(ent, "GET", "/cc/describe_exten", { extenNumber: "8001" }).exten.password).toBe("****");
    // The state (what /__sim/state and --state files show) keeps a fingerprint, never the password.
    expect(JSON.stringify(ent.exportState())).not.toContain(`"${desk.password}"`);
    expect(JSON.stringify(ent.exportState())).toContain("passwordSha256");
    expect(err(ent, "POST", "/cc/create_exten", desk)).toMatchObject({ status: 400, code: "ParameterConflict" });
    expect(err(ent, "POST", "/cc/create_exten", { ...desk, extenNumber: "8002", type: 2, allow: 3 }).code).toBe(
      "InvalidParameter",
    );
    expect(err(ent, "POST", "/cc/create_exten", { ...desk, extenNumber: "12" }).code).toBe("InvalidParameter");
  });

  it("refuses a type change while registered, a delete while bound, and more phones than the quota", () => {
    const ent = enterprise({ seed: { extenLimit: 1 } });
    ok(ent, "POST", "/cc/create_exten", desk);
    ent.admin.setExtenRegistered("8001", true);
    expect(err(ent, "POST", "/cc/update_exten", { extenNumber: "8001", type: 2, allow: 5 }).code).toBe("Registered");
    ok(ent, "POST", "/cc/update_exten", { extenNumber: "8001", allow: 5 });
    ok(ent, "POST", "/cc/create_client", {
      cno: "1001",
      name: "a",
      areaCode: "010",
      password: aes("password1"),
      permission: {},
    });
    ok(ent, "POST", "/cc/bind_client_tel", { cno: "1001", tel: "8001" });
    expect(err(ent, "POST", "/cc/delete_exten", { extenNumber: "8001" }).code).toBe("ExtenOnUsing");
    expect(err(ent, "POST", "/cc/create_exten", { ...desk, extenNumber: "8002" }).code).toBe("UpperLimit");
  });

  it("pages with limit 10-100 (3.4.4 `limit`) and filters by area and type", () => {
    const ent = enterprise();
    for (let i = 0; i < 12; i++)
      ok(ent, "POST", "/cc/create_exten", { ...desk, extenNumber: String(8100 + i), areaCode: i < 4 ? "021" : "010" });
    expect(ok(ent, "GET", "/cc/list_extens").extens).toHaveLength(10);
    expect(ok(ent, "GET", "/cc/list_extens", { areaCode: "021" }).totalCount).toBe(4);
    expect(err(ent, "GET", "/cc/list_extens", { limit: 5 }).code).toBe("InvalidParameter");
  });
});

describe("numbers and dynamic groups (3.5)", () => {
  it("serves the seed's caller numbers and hotlines", () => {
    const ent = enterprise({ seed: { clids: ["01011112222"], hotlines: ["4001234567"] } });
    expect(ok(ent, "GET", "/cc/list_clid_numbers").clids).toEqual(["01011112222"]);
    expect(ok(ent, "GET", "/cc/list_hotline_numbers").hotlines).toEqual(["4001234567"]);
  });

  it("creates a group without answering its id, requires unique names and enterprise numbers, pages", () => {
    const ent = enterprise();
    const g = { name: "g1", selectedTels: ["01089193540"] };
    expect(ok(ent, "POST", "/cc/create_dynamic_tel_group_rule", g).dynamicTelGroup).not.toHaveProperty("id");
    expect(err(ent, "POST", "/cc/create_dynamic_tel_group_rule", g).code).toBe("InvalidParameter");
    expect(err(ent, "POST", "/cc/create_dynamic_tel_group_rule", { name: "g2", selectedTels: ["999"] }).code).toBe(
      "InvalidParameter",
    );
    expect(
      err(ent, "POST", "/cc/create_dynamic_tel_group_rule", { name: "x".repeat(31), selectedTels: ["01089193540"] })
        .code,
    ).toBe("InvalidParameter");
    ok(ent, "POST", "/cc/create_dynamic_tel_group_rule", {
      name: "g2",
      selectedTels: ["01089193541"],
      advancedConfigPermission: 1,
    });
    const page = ok(ent, "GET", "/cc/page_dynamic_tel_group_rule", { limit: 1, offset: 1 });
    expect(page).toMatchObject({ totalCount: 2, pageNumber: 2 });
    expect(page.dynamicTelGroupRules[0]).toMatchObject({ name: "g2", statisticDays: 7, minAnswerRate: 1 });
    const id = page.dynamicTelGroupRules[0].id;
    expect(ok(ent, "POST", "/cc/update_dynamic_tel_group_rule", { id, status: 0 }).dynamicTelGroup).toMatchObject({
      id,
      status: 0,
    });
    expect(ok(ent, "GET", "/cc/list_dynamic_tel_group_rule").dynamicTelGroupRules).toHaveLength(2);
    ok(ent, "POST", "/cc/delete_dynamic_tel_group_rule", { id });
    expect(err(ent, "POST", "/cc/delete_dynamic_tel_group_rule", { id }).code).toBe("ResourceNotFound");
  });

  it("looks up number areas, comma-separated as in the example (3.5.4 batch_get_areacode)", () => {
    const ent = enterprise();
    const data = ok(ent, "GET", "/cc/batch_get_areacode", { numbers: "02100001111,4001234567,x" }).data;
    expect(data["02100001111"]).toMatchObject({ areaCode: "021", valid: true });
    expect(data["4001234567"]).toMatchObject({ province: "热线", valid: true });
    expect(data.x).toMatchObject({ valid: false, areaCode: null });
  });
});

describe("read-only areas (3.6, 3.8, 3.9, 3.10)", () => {
  it("serves IVRs and nodes, satisfaction, voice mails and concurrency from the seed", () => {
    const ent = enterprise();
    expect(ok(ent, "GET", "/cc/list_ivrs").ivrs).toHaveLength(2);
    expect(ok(ent, "GET", "/cc/list_ivr_nodes", { ivrName: "语音导航B" }).ivrNodes).toHaveLength(1);
    expect(err(ent, "GET", "/cc/list_ivr_nodes").code).toBe("MissingParameter");
    expect(ok(ent, "GET", "/cc/investigation_setting").setting).toEqual({ auto: 0, autoIb: 1, autoOb: 1 });
    expect(ok(ent, "GET", "/cc/list_investigation").investigations).toHaveLength(1);
    expect(ok(ent, "GET", "/cc/list_voice_mails").totalCount).toBe(2);
    expect(err(ent, "GET", "/cc/list_voice_mails", { limit: 5 }).code).toBe("InvalidParameter");
    expect(ok(ent, "GET", "/cc/list_concurrent_info").concurrentInfo).toMatchObject({ agentLicence: 8020 });
  });
});

describe("black and white lists (3.7)", () => {
  const entry = { restrictType: 1, type: 1, telType: 1, tel: "13800000000", expirationTime: "2022-05-11" };

  it("answers the expiry in ms as the create example does (2022-05-11 -> 1652227200000, 3.7.2 answer example), lists under restrictTels with required paging", () => {
    const ent = enterprise();
    expect(ok(ent, "POST", "/cc/create_restrict_tel", entry).restrictTel.expirationTime).toBe(1652227200000);
    expect(err(ent, "GET", "/cc/list_restrict_tel", { restrictType: 1 }).code).toBe("MissingParameter");
    const list = ok(ent, "GET", "/cc/list_restrict_tel", { restrictType: 1, offset: 0, limit: 10 });
    expect(list.restrictTels).toHaveLength(1);
    expect(list.restrictTels[0]).toMatchObject({ tel: "13800000000", telType: 1, description: null });
  });

  it("deletes a number from both directions with one call (3.7.3 delete_restrict_tel)", () => {
    const ent = enterprise();
    ok(ent, "POST", "/cc/create_restrict_tel", entry);
    ok(ent, "POST", "/cc/create_restrict_tel", { ...entry, type: 2 });
    expect(err(ent, "POST", "/cc/create_restrict_tel", entry).code).toBe("InvalidParameter");
    ok(ent, "POST", "/cc/delete_restrict_tel", { restrictType: 1, tel: "13800000000" });
    expect(ok(ent, "GET", "/cc/list_restrict_tel", { restrictType: 1, offset: 0, limit: 10 }).totalCount).toBe(0);
  });

  it("checks the number's shape by telType and the date format", () => {
    const ent = enterprise();
    expect(err(ent, "POST", "/cc/create_restrict_tel", { ...entry, telType: 2 }).code).toBe("InvalidParameter");
    expect(err(ent, "POST", "/cc/create_restrict_tel", { ...entry, telType: 3 }).code).toBe("InvalidParameter");
    ok(ent, "POST", "/cc/create_restrict_tel", { ...entry, telType: 3, tel: "未知号码", expirationTime: undefined });
    expect(err(ent, "POST", "/cc/create_restrict_tel", { ...entry, expirationTime: "2022-02-30" }).code).toBe(
      "InvalidParameter",
    );
  });

  it("keeps the switch, default 0, values 0-6", () => {
    const ent = enterprise();
    expect(ok(ent, "GET", "/cc/describe_restrict_tel_setting").setting).toEqual({ settingValue: 0 });
    ok(ent, "POST", "/cc/update_restrict_tel_setting", { settingValue: 6 });
    expect(ok(ent, "GET", "/cc/describe_restrict_tel_setting").setting).toEqual({ settingValue: 6 });
    expect(err(ent, "POST", "/cc/update_restrict_tel_setting", { settingValue: 7 }).code).toBe("InvalidParameter");
  });
});
