/** The simulator's doc 7.1 agent_status and the calls doc 4.2.8 offline_client cuts (issue 27). */
import { describe, expect, it } from "vitest";
import { aes, enterprise, err, ok } from "./call";

function center() {
  const ent = enterprise();
  for (const [cno, name] of [
    ["1001", "alice"],
    ["1002", "bob"],
    ["1003", "carol"],
  ])
    ok(ent, "POST", "/cc/create_client", { cno, name, areaCode: "010", password: aes("s3cret-pw"), permission: {} });
  return ent;
}

describe("agent_status (7.1)", () => {
  it("lists logged-in agents only, with the answer's words as in the document's example", () => {
    const ent = center();
    expect(ok(ent, "GET", "/cc/agent_status", {})).toMatchObject({ totalCount: 0, agentStatus: [] });
    ent.admin.setAgentOnline("1001", true);
    ent.admin.setAgentState("1002", "BUSY");
    const all = ok(ent, "GET", "/cc/agent_status", {});
    expect(all).toMatchObject({ pageNumber: 1, pageSize: 10, totalCount: 2 });
    expect(all.agentStatus).toMatchObject([
      { cno: "1001", clientName: "alice", agentStatus: "空闲", agentStatusDetail: "空闲", customerStatus: "空闲" },
      { cno: "1002", clientName: "bob", agentStatus: "通话", agentStatusDetail: "呼入通话", customerStatus: "通话" },
    ]);
  });

  it("filters by cnos, by the request's codes and by detail words, and pages", () => {
    const ent = center();
    ent.admin.setAgentState("1001", "RINGING");
    ent.admin.setAgentState("1002", "外呼振铃");
    ent.admin.setAgentState("1003", "PAUSE");
    const cnos = (q: Record<string, unknown>) =>
      (ok(ent, "GET", "/cc/agent_status", q).agentStatus as Array<{ cno: string }>).map((a) => a.cno);
    expect(cnos({ cnos: ["1002", "1003"] })).toEqual(["1002", "1003"]);
    expect(cnos({ agentStatus: ["RINGING"] })).toEqual(["1001", "1002"]);
    expect(cnos({ agentStatusDetails: ["外呼振铃"] })).toEqual(["1002"]);
    expect(cnos({ limit: 2, offset: 2 })).toEqual(["1003"]);
    expect(err(ent, "GET", "/cc/agent_status", { agentStatus: ["通话"] }).code).toBe("InvalidParameter");
    expect(err(ent, "GET", "/cc/agent_status", { cnos: ["12"] }).code).toBe("InvalidParameter");
    expect(err(ent, "GET", "/cc/agent_status", { limit: 101 }).code).toBe("InvalidParameter");
  });

  it("strict: a cnos entry naming an agent that does not exist is ResourceNotFound (doc 2.4.1)", () => {
    const lenient = center();
    expect(ok(lenient, "GET", "/cc/agent_status", { cnos: ["1001", "1999"] })).toMatchObject({ agentStatus: [] });
    const strict = enterprise({ strict: true });
    ok(strict, "POST", "/cc/create_client", {
      cno: "1001",
      name: "alice",
      areaCode: "010",
      password: aes("s3cret-pw"),
      permission: {},
    });
    strict.admin.setAgentState("1001", "BUSY");
    expect(err(strict, "GET", "/cc/agent_status", { cnos: ["1001", "1999"] }).code).toBe("ResourceNotFound");
    expect(ok(strict, "GET", "/cc/agent_status", { cnos: ["1001"] })).toMatchObject({ totalCount: 1 });
  });

  it("counts a call cut by offline_client (4.2.8), and none when the agent was idle or the call had ended", () => {
    const ent = center();
    ent.admin.setAgentState("1001", "BUSY");
    ok(ent, "POST", "/cc/offline_client", { cno: "1001" });
    expect(ent.admin.callsCut()).toBe(1);
    ent.admin.setAgentState("1002", "CALLING");
    ent.admin.setAgentState("1002", "END");
    ok(ent, "POST", "/cc/offline_client", { cno: "1002" });
    ent.admin.setAgentState("1003", "RINGING");
    ent.admin.setAgentOnline("1003", false); // the admin's own log-out ends the call first
    expect(ent.admin.callsCut()).toBe(1);
    expect(ok(ent, "GET", "/cc/agent_status", {}).totalCount).toBe(0);
  });

  it("keeps states and the count across a restart (exportState)", () => {
    const ent = center();
    ent.admin.setAgentState("1001", "BUSY");
    ent.admin.setAgentState("1002", "BUSY");
    ok(ent, "POST", "/cc/offline_client", { cno: "1002" });
    const again = enterprise({ state: JSON.parse(JSON.stringify(ent.exportState())) });
    expect(again.admin.callsCut()).toBe(1);
    expect(ok(again, "GET", "/cc/agent_status", {}).agentStatus).toMatchObject([{ cno: "1001", agentStatus: "通话" }]);
  });
});
