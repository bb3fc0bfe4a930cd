/**
 * The review's Markdown from hand-built engine events (test/cli/events.ts): the summary a reviewer
 * reads, line by line; secrets and diagnostics never in it; bookkeeping never a change; the cut
 * under GitHub's comment limit; labels and code meanings taken from the schemas.
 */
import { describe, expect, it } from "vitest";
import { reviewEventLog } from "../../cli/review";
import { allFields, codesOf, explainCode, fieldLabel, keyLabel, setKeyField } from "../../cli/review/fields";
import { agent, diagnostic, log, MASKED, prelude, queue, replacement, same, step, summary } from "./events";

const exten = (n: string) => ({ extenNumber: n, password: MASKED, areaCode: "010", type: 1, allow: 3, jittBuffer: 0 });

describe("review", () => {
  it("says every kind of change of a center, warnings first", () => {
    const text = log(
      prelude(),
      same("Client", "eve", agent("1005", "eve")),
      replacement("Client", "alice", agent("1001", "alice"), agent("1009", "alice"), ["cno"]),
      // A password change: the log masks both values, and nothing else differs.
      step("update", "Client", "bob", agent("1002", "bob"), agent("1002", "bob")),
      step("create", "Client", "carol", undefined, agent("1003", "carol", { role: 1, qnos: { "0002": true } })),
      step("delete", "Client", "dave", agent("1004", "dave"), undefined, {
        oldOutputs: { cno: "1004", name: "dave", qnos: ["0002"] },
      }),
      step(
        "update",
        "Queue",
        "support",
        queue("0001", "售后支持", { members: { "1001": { penalty: 1 }, "1002": { penalty: 3 } } }),
        queue("0001", "售后服务", { members: { "1002": { penalty: 2 }, "1003": { penalty: 1 } } }),
      ),
      // overflow leaves its members to others; the server last listed bob and dave.
      same("Queue", "night", queue("0003", "night"), { members: [{ cno: "1002", penalty: 3 }] }),
      step("delete", "QueueMember", "bob-night", { qno: "0003", cno: "1002", penalty: 3 }, undefined),
      same("Exten", "desk", exten("8001")),
      step("delete", "ClientPhone", "eve-phone", { cno: "1005", tel: "8002" }, undefined),
      step("update", "RestrictTelSetting", "lists", { settingValue: 3 }, { settingValue: 6 }),
      summary(),
    );
    expect(reviewEventLog(text).split("\n")).toEqual([
      "### Clink changes: 8 objects change, 3 unchanged",
      "",
      "- agents (座席): 1 added, 1 changed, 1 replaced, 1 removed",
      "- queues (队列): 1 changed",
      "- queue memberships (队列成员): 1 removed",
      "- phone bindings (座席绑定电话): 1 removed",
      "- black/white list switch (黑白名单配置): 1 changed",
      "",
      "> [!WARNING]",
      "> **What this does to the live center**",
      "> - agent 1004 dave is deleted: it can no longer log in or take calls, and its phone numbers, its bound phone and its queue memberships go with it (doc 3.1.3 delete_client). The delete is refused while the agent is logged in (ClientOnline) unless forceOfflineOnDelete logs it out first. It leaves 0002.",
      "> - agent 1009 alice is replaced (was agent 1001 alice), because Agent number (座席工号) changes 1001 → 1009 (the object's key, never updated in place): the agent is deleted (doc 3.1.3 delete_client) and created anew: it is logged out and must log in again, its login history and bindings stay with the deleted agent, and what is not declared on it (bound phone, phone numbers, queue memberships, gains) is lost.",
      "> - agent 1005 eve loses its phone 8002: the agent takes no calls until a phone is bound again (doc 3.1.8 unbind_client_tel).",
      "> - The black/white list switch (黑白名单配置) changes from 3 (blacklist, both) to 6 (whitelist, both) (doc 3.7.5): only numbers on the whitelist get through for calls in both directions, every other number is blocked.",
      "> - queue 0003 night is left with no members (agent 1002 bob leaves): calls routed to it find no agent to answer.",
      "",
      "#### Agents (座席, `Client`)",
      "",
      "- **agent 1004 dave** removed",
      "- **agent 1009 alice** replaced (was agent 1001 alice): Agent number (座席工号) changes 1001 → 1009 (the object's key, never updated in place); the agent is deleted (doc 3.1.3 delete_client) and created anew: it is logged out and must log in again, its login history and bindings stay with the deleted agent, and what is not declared on it (bound phone, phone numbers, queue memberships, gains) is lost",
      "- **agent 1002 bob** changed",
      "  - password changed",
      "- **agent 1003 carol** added",
      "  - Area code the agent belongs to (所属区号): 010",
      "  - Role (座席角色): 1 (supervisor)",
      "  - agent 1003 carol joins queue 0002",
      "",
      "#### Queues (队列, `Queue`)",
      "",
      "- **queue 0001 售后服务** changed",
      "  - Queue name (队列名称): 售后支持 → 售后服务",
      "  - agent 1002 bob's penalty in queue 0001 售后服务: 3 → 2",
      "  - agent 1003 carol joins queue 0001 售后服务 at penalty 1",
      "  - agent 1001 alice leaves queue 0001 售后服务",
      "",
      "#### Queue memberships (队列成员, `QueueMember`)",
      "",
      "- **queue membership 0003 night · 1002 bob** removed",
      "  - agent 1002 bob leaves queue 0003 night",
      "",
      "#### Phone bindings (座席绑定电话, `ClientPhone`)",
      "",
      "- **phone binding 1005 eve** removed",
      "",
      "#### Black/white list switch (黑白名单配置, `RestrictTelSetting`)",
      "",
      "- **black/white list switch** changed",
      "  - Which list applies to which direction (黑白名单配置): 3 (blacklist, both) → 6 (whitelist, both)",
      "",
    ]);
  });

  it("says 'no changes' with the count of unchanged objects", () => {
    const text = log(same("Client", "alice", agent("1001", "alice")), same("Exten", "desk", exten("8001")), summary());
    expect(reviewEventLog(text)).toBe("### Clink changes: no changes (2 unchanged)\n");
  });

  it("never prints a secret, a diagnostic or bookkeeping", () => {
    const text = log(
      prelude(),
      diagnostic("debug", "RegisterResource RPC finished: resp: password,,,Hunter2-pw"),
      diagnostic("error", "update_client failed for password Hunter2-pw"),
      // Bookkeeping and a masked value differ, nothing else: the password is what changed.
      step(
        "update",
        "Exten",
        "desk",
        { ...exten("8001"), __ownershipConflict: false },
        { ...exten("8001"), __ownershipConflict: true, adopt: true },
        { oldOutputs: { extenNumber: "8001", __fingerprints: MASKED, __claim: "a", __declared: [], adopted: true } },
      ),
      // A field the program made secret changes from plain to secret: said, never shown.
      step("update", "Queue", "q", queue("0001", "a"), queue("0001", "a", { name: MASKED })),
      summary("failed"),
    );
    const out = reviewEventLog(text);
    for (const leak of [
      "Hunter2",
      "4dabf18193072939515e22adb298388d",
      "[secret]",
      "ciphertext",
      "__",
      "adopt",
      "debug",
    ])
      expect(out, leak).not.toContain(leak);
    expect(out.split("\n")).toEqual([
      "### Clink changes: 2 objects change, 0 unchanged",
      "",
      "> [!CAUTION]",
      "> The preview reported 1 error: the changes below may be incomplete. The job's log has the errors; this summary does not repeat them, as they may quote values.",
      "",
      "- queues (队列): 1 changed",
      "- phones (话机): 1 changed",
      "",
      "#### Queues (队列, `Queue`)",
      "",
      "- **queue 0001 a** changed",
      "  - Queue name (队列名称): a secret value, not shown",
      "",
      "#### Phones (话机, `Exten`)",
      "",
      "- **phone 8001** changed",
      "  - password changed",
      "",
    ]);
  });

  it("sees a password changed together with another field through the provider's tag, not without one", () => {
    const tagged = (tag: string, jitter: number) => ({
      ...exten("8001"),
      jittBuffer: jitter,
      __writeOnlyTags: { password: tag },
    });
    const withTags = log(step("update", "Exten", "desk", tagged("aaaa", 0), tagged("bbbb", 1)), summary());
    expect(withTags).toContain("bbbb");
    const out = reviewEventLog(withTags);
    expect(out).toContain("  - Jitter buffer (网络防抖): 0 (off) → 1 (on)\n  - password changed\n");
    expect(out).not.toContain("bbbb");
    // Same tag: only the jitter buffer changed.
    const sameTag = reviewEventLog(
      log(step("update", "Exten", "desk", tagged("aaaa", 0), tagged("aaaa", 1)), summary()),
    );
    expect(sameTag).not.toContain("password changed");
    // State from before the tag: the old inputs have none, so a declared password is no evidence.
    const { __writeOnlyTags: _none, ...untagged } = tagged("aaaa", 0);
    const oldState = reviewEventLog(log(step("update", "Exten", "desk", untagged, tagged("bbbb", 1)), summary()));
    expect(oldState).not.toContain("password changed");
    // After a refresh: the old inputs hold only the fingerprint the provider compares with.
    const { password: _pw, ...readBack } = { ...untagged, __fingerprints: MASKED };
    const refreshed = reviewEventLog(log(step("update", "Exten", "desk", readBack, tagged("bbbb", 1)), summary()));
    expect(refreshed).toContain("  - Jitter buffer (网络防抖): 0 (off) → 1 (on)\n");
    expect(refreshed).not.toContain("password changed");
    // A password declared where none was (an adopted phone that kept its own): a change.
    const { password: _none2, ...adopted } = untagged;
    const declared = reviewEventLog(log(step("update", "Exten", "desk", adopted, tagged("bbbb", 1)), summary()));
    expect(declared).toContain("  - password changed\n");
  });

  it("reads sets written as lists (state from 0.1.0) as the same set keyed", () => {
    const text = log(
      step(
        "update",
        "Queue",
        "support",
        queue("0001", "s", { members: [{ cno: "1001", penalty: 1 }] }),
        queue("0001", "s", { members: { "1001": { penalty: 1 } }, maxWait: 9 }),
      ),
      step(
        "update",
        "Client",
        "alice",
        agent("1001", "alice", { clid: ["01089193540"] }),
        agent("1001", "alice", { clid: { "01089193540": true, "01089193541": true } }),
      ),
    );
    const out = reviewEventLog(text);
    expect(out).toContain("  - Maximum calls waiting (最大等待数): 5 → 9\n");
    expect(out).not.toMatch(/joins|leaves/);
    expect(out).toContain("  - Caller numbers the agent may show (可外显号码集合): adds 01089193541\n");
  });

  it("takes a resource renamed in the program (delete plus adopting create of one object) as one object", () => {
    const text = log(
      step("create", "Client", "alice-renamed", undefined, agent("1001", "alice", { adopt: true, wrapupTime: 40 })),
      step("delete", "Client", "alice", agent("1001", "alice"), undefined),
    );
    const out = reviewEventLog(text);
    expect(out).toContain(
      "- **agent 1001 alice** changed: the resource is renamed in the program (alice → alice-renamed) and keeps the object\n",
    );
    expect(out).toContain("  - Wrap-up time after outbound calls (整理时长): 30 → 40\n");
    expect(out).not.toContain("deleted");
  });

  it("warns of a queue, a phone and an agent's phone going, and of a replacement's cost", () => {
    const text = log(
      step("delete", "Queue", "overflow", queue("0002", "overflow"), undefined, {
        oldOutputs: { qno: "0002", name: "overflow", members: [{ cno: "1002", penalty: 3 }] },
      }),
      same("Client", "bob", agent("1002", "bob")),
      step("delete", "Exten", "desk", exten("8001"), undefined),
      replacement("Exten", "soft", exten("8002"), exten("8003"), ["extenNumber"]),
      step(
        "update",
        "Queue",
        "support",
        queue("0001", "s", { members: { "1002": { penalty: 1 } } }),
        queue("0001", "s", { members: {} }),
      ),
    );
    const warnings = reviewEventLog(text)
      .split("\n")
      .filter((l) => l.startsWith("> - "));
    expect(warnings).toEqual([
      "> - queue 0002 overflow is deleted: calls can no longer be routed to it, and its members leave it (doc 3.2.5 delete_queue). The delete is refused while a member is logged in (OnlineClientInQueue) or an IVR routes to it (QueueInUse). Its members now: agent 1002 bob.",
      "> - phone 8001 is deleted: a device registered with it stops working (doc 3.4.3 delete_exten). The delete is refused while an agent has it bound (ExtenOnUsing).",
      "> - phone 8003 is replaced (was phone 8002), because Phone number (话机号码) changes 8002 → 8003 (the object's key, never updated in place): the phone is deleted (doc 3.4.3 delete_exten) and created anew: a device registered with it must register again, and the delete is refused while an agent has it bound (ExtenOnUsing).",
      "> - queue 0001 s is left with no members (agent 1002 bob leaves): calls routed to it find no agent to answer.",
    ]);
  });

  it("names every member by agent number and name, since two agents may share a name", () => {
    const text = log(
      same("Client", "b1", agent("1802", "b")),
      same("Client", "b2", agent("1803", "b")),
      step(
        "update",
        "Queue",
        "support",
        queue("0801", "support", { members: { "1802": { penalty: 2 }, "1803": { penalty: 1 } } }),
        queue("0801", "support", { members: { "1802": { penalty: 5 } } }),
      ),
      step(
        "update",
        "QueueMember",
        "b-sales",
        { qno: "0802", cno: "1803", penalty: 1 },
        { qno: "0802", cno: "1803", penalty: 4 },
      ),
      step("create", "QueueMember", "x-sales", undefined, { qno: "0802", cno: "1900", penalty: 3 }),
    );
    const out = reviewEventLog(text);
    expect(out).toContain("  - agent 1802 b's penalty in queue 0801 support: 2 → 5\n");
    expect(out).toContain("  - agent 1803 b leaves queue 0801 support\n");
    expect(out).toContain("  - agent 1803 b's penalty in queue 0802: 1 → 4\n");
    // An agent the program does not declare: its number alone.
    expect(out).toContain("  - agent 1900 joins queue 0802 at penalty 3\n");
  });

  it("a replacement caused by a field declared anew shows the server's value it had", () => {
    // An adopted agent of type 1 (omnichannel), `type` not declared before and now declared 2: the
    // old inputs have no type, the state's outputs the server's. (A field the new declaration
    // leaves out never forces a replacement: compare skips it.)
    const text = log(
      replacement("Client", "a", agent("1801", "a", { type: undefined }), agent("1801", "a", { type: 2 }), ["type"]),
    );
    const withHeld = log(
      step(
        "create-replacement",
        "Client",
        "a",
        agent("1801", "a", { type: undefined }),
        agent("1801", "a", { type: 2 }),
        {
          keys: ["type"],
          oldOutputs: { cno: "1801", name: "a", type: 1 },
        },
      ),
    );
    for (const out of [reviewEventLog(text), reviewEventLog(withHeld)]) {
      expect(out).not.toMatch(/changes none →/);
      expect(out).not.toMatch(/its default/);
    }
    expect(reviewEventLog(withHeld)).toContain(
      "Agent type (座席类型) changes 1 (omnichannel) (as the center holds it; not declared) → 2 (call center)",
    );
    expect(reviewEventLog(text)).toContain("changes not declared → 2 (call center)");
  });

  it("cuts the summary to the budget at whole lines and says what it cut", () => {
    const agents = Array.from({ length: 3000 }, (_, i) =>
      step("create", "Client", `a${i}`, undefined, agent(String(10000 + i), `agent_${i}`, { role: 1 })),
    );
    const text = log(...agents, step("delete", "Exten", "desk", exten("8001"), undefined));
    const out = reviewEventLog(text);
    expect(out.length).toBeLessThanOrEqual(65_000);
    expect(out.length).toBeGreaterThan(60_000); // the budget is used, not thrown away
    const lines = out.trimEnd().split("\n");
    expect(lines[0]).toBe("### Clink changes: 3001 objects change, 0 unchanged");
    expect(lines).toContain("- agents (座席): 3000 added");
    expect(lines).toContain(
      "> - phone 8001 is deleted: a device registered with it stops working (doc 3.4.3 delete_exten). The delete is refused while an agent has it bound (ExtenOnUsing).",
    );
    const shown = lines.filter((l) => l.startsWith("- **agent ")).length;
    expect(shown).toBeGreaterThan(100);
    expect(lines[lines.length - 1]).toBe(
      `_Cut to stay under 65,000 characters (GitHub's comment limit is 65,536): ${3000 - shown} changed objects (${3000 - shown} agents) not shown. The preview's own output in the job's log lists every change._`,
    );
    // Whole objects: every agent shown keeps all its lines.
    expect(lines.filter((l) => l === "  - Role (座席角色): 1 (supervisor)")).toHaveLength(shown);
    expect(lines).toContain("- **phone 8001** removed");

    const small = reviewEventLog(text, { maxChars: 2000 });
    expect(small.length).toBeLessThanOrEqual(2000);
    expect(small).toMatch(
      /_Cut to stay under 2,000 characters .*: \d+ changed objects \(\d+ agents, 1 phone\) not shown/,
    );
  });

  it("refuses what is not an event log", () => {
    expect(() => reviewEventLog("")).toThrow(/no engine events/);
    expect(() => reviewEventLog("hello\nworld\n")).toThrow(/line 1 is not JSON/);
    expect(() => reviewEventLog('{"name":"x"}\n')).toThrow(/no engine events/);
    // A killed run leaves its last line half written: the rest is still read.
    const partial =
      log(step("update", "Queue", "q", queue("0001", "a"), queue("0001", "b"))) + '{"sequence": 9, "resourcePre';
    expect(reviewEventLog(partial)).toContain("Queue name (队列名称): a → b");
  });
});

describe("labels and codes come from the schemas", () => {
  it("a field's label is its spec's label and the vendor's term", () => {
    expect(fieldLabel("Queue", "memberTimeout")).toBe("Agent ring timeout (座席超时时间)");
    expect(fieldLabel("Exten", "password")).toBe("Phone (SIP) password (话机密码)");
    expect(fieldLabel("RestrictTel", "description")).toBe("Note (备注)");
    // Every label of every field is short enough for a line.
    const fields = allFields();
    expect(fields.length).toBeGreaterThan(80);
    for (const { kind, field, label } of fields) {
      expect(label.length, `${kind}.${field}`).toBeGreaterThan(0);
      expect(fieldLabel(kind, field).length, `${kind}.${field}: ${label}`).toBeLessThan(100);
    }
    expect(fieldLabel("Client", "dynamicTelGroupId")).toBe("dynamicTelGroupId (deprecated)");
    expect(fieldLabel("Client", "forceOfflineOnDelete")).toBe("option forceOfflineOnDelete");
    expect(keyLabel("Client", "permission", "record")).toBe("call recording (通话录音权限)");
  });

  it("codes are explained by the fields' descriptors", () => {
    expect(explainCode(codesOf("Client", "role"), 1)).toBe("supervisor");
    expect(explainCode(codesOf("Client", "clidType"), 1)).toBe(
      "local first (本地优先; vendor SDK, not in the document)",
    );
    expect(explainCode(codesOf("Queue", "joinEmpty"), 17)).toBe("paused + wrap-up");
    expect(explainCode(codesOf("Client", "permission", "record"), 1)).toBe("inbound");
    expect(explainCode(codesOf("RestrictTel", "type"), 2)).toBe("outbound");
    expect(codesOf("Queue", "wrapupTime")).toBeUndefined();
    expect(setKeyField("Queue", "members")).toBe("cno");
    expect(setKeyField("Client", "qnos")).toBeUndefined();
  });
});
