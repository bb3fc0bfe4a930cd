/**
 * The quickstart center: everything pulumi-clink manages, small enough to read in one sitting.
 * `index.ts` runs it under `pulumi up`; `demo.ts` runs the same function as an inline program
 * against the built-in simulator.
 *
 * Secrets come from the stack config: `pulumi config set --secret agentPassword ...` and
 * `pulumi config set --secret phonePassword ...`.
 */
import * as pulumi from "@pulumi/pulumi";
import * as clink from "pulumi-clink";

export function quickstartCenter() {
  const cfg = new pulumi.Config();
  const agentPassword = cfg.requireSecret("agentPassword");
  const phonePassword = cfg.requireSecret("phonePassword");

  // Outbound numbers: a dynamic group of two of the enterprise's caller numbers.
  const salesNumbers = new clink.DynamicTelGroup("sales-out", {
    name: "sales-out",
    selectedTels: ["01089193540", "01089193541"],
  });

  // Agents first: the support queue lists them as members by their (output) numbers, which orders it.
  const alice = new clink.Client("alice", {
    cno: "1001",
    name: "alice",
    areaCode: "010",
    password: agentPassword,
    role: clink.ClientRole.Supervisor,
    permission: { record: 3, sms: 1 },
  });
  const bob = new clink.Client("bob", {
    cno: "1002",
    name: "bob",
    areaCode: "010",
    password: agentPassword,
    assignType: clink.AssignType.DynamicGroup,
    dynamicTelGroupName: salesNumbers.name, // the group is created first
    // A plain agent: no recording playback or download (the document's default grants it; docs/policy.md).
    permission: { recordDownload: 0 },
  });

  // Two queues: support lists its members here (authoritative); overflow leaves members to others.
  const support = new clink.Queue("support", {
    qno: "0001",
    name: "售后支持",
    strategy: clink.QueueStrategy.SkillsBased,
    wrapupTime: 20,
    joinEmpty: clink.JoinEmptyState.Paused + clink.JoinEmptyState.WrapUp,
    members: [
      { cno: alice.cno, penalty: 1 },
      { cno: bob.cno, penalty: 2 },
    ],
  });
  const overflow = new clink.Queue("overflow", { qno: "0002", name: "overflow", maxWait: 20 });

  // bob also takes overflow calls: a single membership on a queue that does not list its members.
  new clink.QueueMember("bob-overflow", { qno: overflow.qno, cno: bob.cno, penalty: 3 });

  // A desk phone, and alice answers on it.
  const desk = new clink.Exten("desk-8001", {
    extenNumber: "8001",
    password: phonePassword,
    areaCode: "010",
    type: clink.ExtenType.IpPhone,
    allow: clink.ExtenCodec.AlawUlawG729,
  });
  new clink.ClientPhone("alice-phone", { cno: alice.cno, tel: desk.extenNumber });

  // Pause statuses: one default. A new tenant already has 忙碌 as its default (doc 3.3.1's
  // example): taken over where it exists (adopt), made where it does not, and left to the tenant
  // when the stack is destroyed.
  new clink.Pause("busy", { pauseStatus: "忙碌", isDefault: 1, adopt: true }, { retainOnDelete: true });
  new clink.Pause("lunch", { pauseStatus: "午休", isRest: 1 });

  // A blacklisted number in both directions, and the switch that turns the blacklist on.
  new clink.RestrictTel("spam", {
    restrictType: clink.RestrictType.Blacklist,
    type: [clink.RestrictDirection.Inbound, clink.RestrictDirection.Outbound],
    telType: clink.RestrictTelType.Number,
    tel: "13800000000",
    description: "reported spam",
    expirationTime: "2027-12-31",
  });
  new clink.RestrictTelSetting("lists", { mode: "blacklist", direction: "both" });

  return {
    queues: pulumi.all([support.qno, support.name, overflow.qno, overflow.name]).apply(([a, an, b, bn]) => ({
      [a]: an,
      [b]: bn,
    })),
    agents: pulumi.all([alice.cno, bob.cno]),
    salesGroupId: salesNumbers.groupId,
  };
}
