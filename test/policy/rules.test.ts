/**
 * Each rule of the policy pack (policy/rules.ts) on the forms our resources reach a policy in:
 * checked inputs (defaults filled, sets keyed), outputs in the state (sets as lists), and values
 * not known during a preview (docs/policy.md).
 */
import { describe, expect, it } from "vitest";
import { UNKNOWN } from "../../provider/schema/core";
import { tokenOf, type ClinkResource } from "../../policy/read";
import {
  agentInAQueue,
  configOf,
  defaultPauseDeclared,
  emergencyNumberOf,
  EMERGENCY_NUMBERS,
  noBlacklistedEmergencyNumbers,
  noRecordDownloadForAgents,
  queueHasMembers,
  whitelistNeedsEntries,
  wrapupTimeInRange,
  type ResourceRule,
  type RuleConfig,
  type StackRule,
} from "../../policy/rules";

const res = (type: string, name: string, props: Record<string, unknown>): ClinkResource => ({
  type,
  name,
  urn: `urn:pulumi:dev::center::${tokenOf(type)}::${name}`,
  props,
});
const stack = (rule: StackRule, resources: ClinkResource[], config: RuleConfig = {}) =>
  rule.check(resources, configOf(rule, config));
const one = (rule: ResourceRule, r: ClinkResource, config: RuleConfig = {}) => rule.check(r, configOf(rule, config));

const setting = (props: Record<string, unknown>) => res("RestrictTelSetting", "lists", props);
const entry = (name: string, props: Record<string, unknown>) =>
  res("RestrictTel", name, { telType: 1, tel: "13800000000", ...props });

describe("whitelist-needs-entries", () => {
  it("refuses whitelist-only inbound with no whitelist entry, naming the resource, the direction and the fix", () => {
    const v = stack(whitelistNeedsEntries, [setting({ settingValue: 4 })]);
    expect(v).toHaveLength(1);
    expect(v[0]?.urn).toBe(`urn:pulumi:dev::center::${tokenOf("RestrictTelSetting")}::lists`);
    expect(v[0]?.message).toContain('clink.RestrictTelSetting "lists" turns on whitelist-only mode for inbound calls');
    expect(v[0]?.message).toContain("would refuse every inbound call");
    expect(v[0]?.message).toContain(
      "restrictType: clink.RestrictType.Whitelist, type: clink.RestrictDirection.Inbound, telType: clink.RestrictTelType.Number",
    );
  });

  it("asks for each direction the switch restricts, and counts an entry for both directions for both", () => {
    const inbound = entry("in", { restrictType: 2, type: [1] });
    const v = stack(whitelistNeedsEntries, [setting({ settingValue: 6 }), inbound]);
    expect(v).toHaveLength(1);
    expect(v[0]?.message).toContain("for outbound calls");
    expect(v[0]?.message).not.toContain("inbound and");
    expect(
      stack(whitelistNeedsEntries, [setting({ settingValue: 6 }), entry("both", { restrictType: 2, type: [1, 2] })]),
    ).toEqual([]);
    // A direction as a number or a numeric string (outputs of older state, raw forms) reads the same.
    expect(
      stack(whitelistNeedsEntries, [
        setting({ settingValue: "6" }),
        inbound,
        entry("out", { restrictType: 2, type: "2" }),
      ]),
    ).toEqual([]);
    expect(stack(whitelistNeedsEntries, [setting({ settingValue: 5 })])[0]?.message).toContain(
      "type: clink.RestrictDirection.Outbound",
    );
    expect(stack(whitelistNeedsEntries, [setting({ settingValue: 6 })])[0]?.message).toContain(
      "type: [clink.RestrictDirection.Inbound, clink.RestrictDirection.Outbound]",
    );
  });

  it("does not count blacklist entries, and reads the typed form (mode, direction)", () => {
    const black = entry("spam", { restrictType: 1, type: [1, 2] });
    expect(stack(whitelistNeedsEntries, [setting({ settingValue: 6 }), black])).toHaveLength(1);
    expect(stack(whitelistNeedsEntries, [setting({ mode: "whitelist", direction: "both" })])).toHaveLength(1);
    expect(stack(whitelistNeedsEntries, [setting({ mode: "blacklist", direction: "both" })])).toEqual([]);
  });

  it("leaves the blacklist, off, and a stack without the switch alone", () => {
    for (const settingValue of [0, 1, 2, 3])
      expect(stack(whitelistNeedsEntries, [setting({ settingValue })])).toEqual([]);
    expect(stack(whitelistNeedsEntries, [entry("x", { restrictType: 2, type: [1] })])).toEqual([]);
  });

  it("gives no verdict a value not known yet could overturn", () => {
    expect(stack(whitelistNeedsEntries, [setting({ settingValue: UNKNOWN })])).toEqual([]);
    expect(
      stack(whitelistNeedsEntries, [setting({ settingValue: 4 }), entry("x", { restrictType: UNKNOWN, type: [1] })]),
    ).toEqual([]);
    expect(
      stack(whitelistNeedsEntries, [setting({ settingValue: 4 }), entry("x", { restrictType: 2, type: UNKNOWN })]),
    ).toEqual([]);
    // ...but an unknown entry on the blacklist cannot be the missing whitelist entry.
    expect(
      stack(whitelistNeedsEntries, [setting({ settingValue: 4 }), entry("x", { restrictType: 1, type: UNKNOWN })]),
    ).toHaveLength(1);
  });
});

describe("no-blacklisted-emergency-numbers", () => {
  const black = (tel: string, props: Record<string, unknown> = {}) =>
    res("RestrictTel", "blocked", { restrictType: 1, type: [1, 2], telType: 1, tel, ...props });

  it("refuses a blacklisted 110, 119, 120 and 122, naming the resource, the service and the fix", () => {
    for (const n of ["110", "119", "120", "122"]) {
      const v = one(noBlacklistedEmergencyNumbers, black(n));
      expect(v).toHaveLength(1);
      expect(v[0]).toContain(
        `clink.RestrictTel "blocked" blacklists ${n}, the emergency number ${n} for ${EMERGENCY_NUMBERS[n]}`,
      );
      expect(v[0]).toContain("Remove this RestrictTel");
    }
    expect(one(noBlacklistedEmergencyNumbers, black("120"))[0]).toContain(
      "refuse its calls into the center (a call-back) and agents' calls to it",
    );
    expect(one(noBlacklistedEmergencyNumbers, black("120", { type: [2] }))[0]).toContain("refuse agents' calls to it.");
  });

  it("finds the number behind an area code or the country code, and nothing else", () => {
    const all = Object.keys(EMERGENCY_NUMBERS);
    expect(emergencyNumberOf("010-110", all)).toBe("110");
    expect(emergencyNumberOf("0571120", all)).toBe("120");
    expect(emergencyNumberOf("+86 119", all)).toBe("119");
    expect(emergencyNumberOf("0086122", all)).toBe("122");
    expect(emergencyNumberOf("8610110", all)).toBe("110");
    for (const tel of ["13800000110", "1100", "12110", "0101100000", "1201", "010"])
      expect(emergencyNumberOf(tel, all), tel).toBeUndefined();
  });

  it("leaves whitelist entries, area codes and unknown numbers alone", () => {
    expect(one(noBlacklistedEmergencyNumbers, black("110", { restrictType: 2 }))).toEqual([]);
    expect(one(noBlacklistedEmergencyNumbers, black("010", { telType: 2 }))).toEqual([]);
    expect(one(noBlacklistedEmergencyNumbers, black("13800000000"))).toEqual([]);
    expect(one(noBlacklistedEmergencyNumbers, black(UNKNOWN))).toEqual([]);
    expect(one(noBlacklistedEmergencyNumbers, black("110", { telType: UNKNOWN }))).toHaveLength(1);
  });

  it("takes more numbers from its config", () => {
    expect(one(noBlacklistedEmergencyNumbers, black("12395"))).toEqual([]);
    const v = one(noBlacklistedEmergencyNumbers, black("12395"), { additionalNumbers: ["12395"] });
    expect(v).toHaveLength(1);
    expect(v[0]).toContain("the emergency number 12395 for a public service");
  });
});

const queue = (name: string, qno: string, props: Record<string, unknown> = {}) =>
  res("Queue", name, { qno, name, wrapupTime: 15, ...props });
const agent = (name: string, cno: string, props: Record<string, unknown> = {}) =>
  res("Client", name, { cno, name, role: 0, wrapupTime: 30, ...props });
const member = (qno: string, cno: string) => res("QueueMember", `${qno}-${cno}`, { qno, cno, penalty: 1 });

describe("queue-has-members", () => {
  it("warns about a queue with no members, declared or not, with the ways to add them", () => {
    const empty = stack(queueHasMembers, [queue("support", "0001", { members: {} })]);
    expect(empty).toHaveLength(1);
    expect(empty[0]?.message).toContain('clink.Queue "support" (qno 0001) has no members in this stack');
    expect(empty[0]?.message).toContain("Add agents to its members");
    expect(empty[0]?.message).toContain('add "0001" to this policy\'s exempt list');
    expect(stack(queueHasMembers, [queue("support", "0001", { members: [] })])).toHaveLength(1);
    expect(stack(queueHasMembers, [queue("support", "0001")])[0]?.message).toContain("Declare its members");
  });

  it("counts members through every door, keyed (checked inputs) or as lists (outputs in the state)", () => {
    const keyed = queue("support", "0001", { members: { "1001": { penalty: 1 } } });
    const listed = queue("support", "0001", { members: [{ cno: "1001", penalty: 1 }] });
    expect(stack(queueHasMembers, [keyed])).toEqual([]);
    expect(stack(queueHasMembers, [listed])).toEqual([]);
    expect(stack(queueHasMembers, [queue("overflow", "0002"), member("0002", "1002")])).toEqual([]);
    expect(
      stack(queueHasMembers, [queue("overflow", "0002"), agent("bob", "1002", { qnos: { "0002": true } })]),
    ).toEqual([]);
    expect(stack(queueHasMembers, [queue("overflow", "0002"), agent("bob", "1002", { qnos: ["0002"] })])).toEqual([]);
    // Another queue's members are not this one's.
    expect(stack(queueHasMembers, [queue("overflow", "0002"), member("0003", "1002")])).toHaveLength(1);
  });

  it("holds a queue to minMembers, counting an agent once however many doors name it", () => {
    const q = queue("support", "0001", { members: { "1001": { penalty: 1 } } });
    const v = stack(queueHasMembers, [q, member("0001", "1001")], { minMembers: 2 });
    expect(v).toHaveLength(1);
    expect(v[0]?.message).toContain("has 1 member (1001) in this stack, fewer than the 2 this policy asks for");
    expect(stack(queueHasMembers, [q, member("0001", "1002")], { minMembers: 2 })).toEqual([]);
    expect(stack(queueHasMembers, [queue("support", "0001", { members: [] })], { exempt: ["0001"] })).toEqual([]);
  });

  it("gives no verdict a value not known yet could overturn", () => {
    expect(stack(queueHasMembers, [queue("support", "0001", { members: UNKNOWN })])).toEqual([]);
    expect(stack(queueHasMembers, [queue("support", "0001", { members: [{ cno: UNKNOWN, penalty: 1 }] })])).toEqual([]);
    expect(stack(queueHasMembers, [queue("support", "0001"), member(UNKNOWN, "1001")])).toEqual([]);
    expect(stack(queueHasMembers, [queue("support", "0001"), agent("bob", "1002", { qnos: UNKNOWN })])).toEqual([]);
    expect(stack(queueHasMembers, [queue("support", UNKNOWN)])).toEqual([]);
    // A member not known yet is still one member: it cannot make two.
    expect(
      stack(queueHasMembers, [queue("support", "0001", { members: [{ cno: UNKNOWN, penalty: 1 }] })], {
        minMembers: 2,
      }),
    ).toHaveLength(1);
  });
});

describe("agent-in-a-queue", () => {
  it("warns about an agent no queue lists, with the ways to add it", () => {
    const v = stack(agentInAQueue, [agent("carol", "1003"), queue("support", "0001", { members: {} })]);
    expect(v).toHaveLength(1);
    expect(v[0]?.urn).toContain("clink:Client::carol");
    expect(v[0]?.message).toContain('clink.Client "carol" (cno 1003) is in no queue of this stack');
    expect(v[0]?.message).toContain('{ cno: "1003", penalty: 1 }');
    expect(stack(agentInAQueue, [agent("carol", "1003", { qnos: {} })])).toHaveLength(1);
    expect(stack(agentInAQueue, [agent("carol", "1003", { qnos: [] })])).toHaveLength(1);
  });

  it("finds the agent through every door, in both forms", () => {
    const carol = agent("carol", "1003");
    expect(stack(agentInAQueue, [carol, queue("s", "0001", { members: { "1003": { penalty: 2 } } })])).toEqual([]);
    expect(stack(agentInAQueue, [carol, queue("s", "0001", { members: [{ cno: "1003", penalty: 2 }] })])).toEqual([]);
    expect(stack(agentInAQueue, [carol, member("0009", "1003")])).toEqual([]);
    expect(stack(agentInAQueue, [agent("carol", "1003", { qnos: { "0009": true } })])).toEqual([]);
    expect(stack(agentInAQueue, [agent("carol", "1003", { qnos: ["0009"] })])).toEqual([]);
    expect(stack(agentInAQueue, [carol], { exempt: ["1003"] })).toEqual([]);
  });

  it("gives no verdict a value not known yet could overturn", () => {
    const carol = agent("carol", "1003");
    expect(stack(agentInAQueue, [carol, member("0001", UNKNOWN)])).toEqual([]);
    expect(stack(agentInAQueue, [carol, queue("s", "0001", { members: UNKNOWN })])).toEqual([]);
    expect(stack(agentInAQueue, [carol, queue("s", "0001", { members: [{ cno: UNKNOWN, penalty: 1 }] })])).toEqual([]);
    expect(stack(agentInAQueue, [agent("carol", UNKNOWN)])).toEqual([]);
  });
});

describe("no-record-download-for-agents", () => {
  it("warns about a plain agent allowed to download recordings, also by the document's default", () => {
    const v = one(noRecordDownloadForAgents, agent("bob", "1002", { permission: { recordDownload: 1, record: 3 } }));
    expect(v).toHaveLength(1);
    expect(v[0]).toContain('clink.Client "bob" (cno 1002) is a plain agent (role 0) with permission.recordDownload 1');
    expect(v[0]).toContain("Declare permission: { recordDownload: 0 }");
    // No permission declared: a new agent gets the server's default, playback and download.
    const byDefault = one(noRecordDownloadForAgents, res("Client", "dan", { cno: "1004" }));
    expect(byDefault).toHaveLength(1);
    expect(byDefault[0]).toContain("permission.recordDownload undeclared (a new agent gets the server's default");
    expect(one(noRecordDownloadForAgents, agent("bob", "1002", { permission: { recordDownload: 2 } }))).toHaveLength(1);
    expect(one(noRecordDownloadForAgents, agent("bob", "1002", { permission: { recordDownload: "1" } }))).toHaveLength(
      1,
    );
  });

  it("leaves supervisors, agents without it, allowed values and exempt agents alone", () => {
    expect(one(noRecordDownloadForAgents, agent("alice", "1001", { role: 1 }))).toEqual([]);
    expect(one(noRecordDownloadForAgents, agent("bob", "1002", { permission: { recordDownload: 0 } }))).toEqual([]);
    const listen = agent("bob", "1002", { permission: { recordDownload: 2 } });
    expect(one(noRecordDownloadForAgents, listen, { allowed: [0, 2] })).toEqual([]);
    expect(one(noRecordDownloadForAgents, listen, { exempt: ["1002"] })).toEqual([]);
  });

  it("gives no verdict on values not known yet", () => {
    expect(one(noRecordDownloadForAgents, agent("bob", "1002", { role: UNKNOWN }))).toEqual([]);
    expect(one(noRecordDownloadForAgents, agent("bob", "1002", { permission: { recordDownload: UNKNOWN } }))).toEqual(
      [],
    );
  });
});

describe("wrapup-time-in-range", () => {
  it("warns about a queue's wrap-up time outside the range, with the fix", () => {
    const v = one(wrapupTimeInRange, queue("support", "0001", { wrapupTime: 200 }));
    expect(v).toHaveLength(1);
    expect(v[0]).toContain('clink.Queue "support" has a wrap-up time after its calls');
    expect(v[0]).toContain("of 200 s, outside this policy's range of 5-120 s");
    expect(v[0]).toContain("Declare wrapupTime between 5 and 120");
    expect(v[0]).not.toContain("default");
    expect(one(wrapupTimeInRange, queue("support", "0001", { wrapupTime: "200" }))).toHaveLength(1);
    expect(one(wrapupTimeInRange, queue("support", "0001", { wrapupTime: 20 }))).toEqual([]);
  });

  it("follows the configured range, also for the documented default when the field is not declared", () => {
    expect(one(wrapupTimeInRange, queue("support", "0001", { wrapupTime: 20 }), { max: 10 })).toHaveLength(1);
    const undeclared = res("Queue", "overflow", { qno: "0002" });
    expect(one(wrapupTimeInRange, undeclared)).toEqual([]);
    const v = one(wrapupTimeInRange, undeclared, { min: 20 });
    expect(v).toHaveLength(1);
    expect(v[0]).toContain(
      "of 15 s (the document's default: what applies when wrapupTime is not declared), outside this policy's range of 20-120 s",
    );
  });

  it("checks an agent's outbound and its own inbound wrap-up time", () => {
    expect(one(wrapupTimeInRange, agent("bob", "1002", { wrapupTime: 0 }))[0]).toContain(
      "wrap-up time after outbound calls (doc 3.1.1 `wrapupTime`) of 0 s",
    );
    expect(one(wrapupTimeInRange, agent("bob", "1002", { ibWrapupTime: 600, ibWrapupType: 2 }))[0]).toContain(
      "inbound wrap-up time (doc 3.1.2 `ibWrapupTime`) of 600 s",
    );
    // With ibWrapupType 1 the queue's wrap-up applies, not the agent's.
    expect(one(wrapupTimeInRange, agent("bob", "1002", { ibWrapupTime: 600, ibWrapupType: 1 }))).toEqual([]);
    expect(one(wrapupTimeInRange, agent("bob", "1002", { wrapupTime: UNKNOWN }))).toEqual([]);
  });
});

describe("default-pause-declared", () => {
  const pause = (name: string, isDefault: unknown) => res("Pause", name, { pauseStatus: name, isRest: 0, isDefault });

  it("warns when pauses are declared and none is the default, naming them", () => {
    const v = stack(defaultPauseDeclared, [pause("busy", 0), pause("lunch", 0)]);
    expect(v).toHaveLength(1);
    expect(v[0]?.message).toContain('clink.Pause "busy", "lunch"');
    expect(v[0]?.message).toContain("Declare isDefault: 1 on one of them");
  });

  it("is satisfied by one default, and silent without pauses or with a default not known yet", () => {
    expect(stack(defaultPauseDeclared, [pause("busy", 1), pause("lunch", 0)])).toEqual([]);
    expect(stack(defaultPauseDeclared, [pause("busy", "1")])).toEqual([]);
    expect(stack(defaultPauseDeclared, [pause("busy", UNKNOWN)])).toEqual([]);
    expect(stack(defaultPauseDeclared, [queue("support", "0001")])).toEqual([]);
  });
});
