/**
 * Issue 23, item 8: check and server agree. Each value the issue found passing the preview and
 * failing at apply, and its neighbours, goes through the provider's `check` and through the
 * simulator (an independent reading of the document, never importing provider/): either check
 * refuses it, naming the resource, the field and what is allowed, and the simulator refuses it
 * too, or check accepts it and the simulator takes the request the provider would send.
 */
import { describe, expect, it } from "vitest";
import { schemas } from "../../provider/resources/schemas";
import type { ResourceSchema } from "../../provider/schema/core";
import { checkFields, payload } from "../../provider/schema/ops";
import type { Enterprise } from "../../simulator/contract";
import { aes, call, enterprise, ok } from "../simulator/call";
import { present } from "../support/present";

type Row = Record<string, unknown>;
type Kind = "client" | "clientPhone" | "exten" | "restrictTel" | "queue" | "queueMember" | "dynamicTelGroup";

const SCHEMA: Record<Kind, ResourceSchema> = {
  client: present(schemas.Client, "the Client schema"),
  clientPhone: present(schemas.ClientPhone, "the ClientPhone schema"),
  exten: present(schemas.Exten, "the Exten schema"),
  restrictTel: present(schemas.RestrictTel, "the RestrictTel schema"),
  queue: present(schemas.Queue, "the Queue schema"),
  queueMember: present(schemas.QueueMember, "the QueueMember schema"),
  dynamicTelGroup: present(schemas.DynamicTelGroup, "the DynamicTelGroup schema"),
};

const ENDPOINT: Record<Kind, string> = {
  client: "/cc/create_client",
  clientPhone: "/cc/bind_client_tel",
  exten: "/cc/create_exten",
  restrictTel: "/cc/create_restrict_tel",
  queue: "/cc/create_queue",
  queueMember: "/cc/batch_update_queue",
  dynamicTelGroup: "/cc/create_dynamic_tel_group_rule",
};

const BASE: Record<Kind, Row> = {
  client: { cno: "1001", name: "alice", areaCode: "010", password: "password-1" },
  clientPhone: { cno: "2001", tel: "13812345678" },
  exten: { extenNumber: "8001", password: "phone-pw", areaCode: "010", type: 1, allow: 1 },
  restrictTel: { restrictType: 1, type: 1, telType: 1, tel: "13812345678" },
  queue: { qno: "0001", name: "support" },
  queueMember: { qno: "0800", cno: "2001", penalty: 1 },
  dynamicTelGroup: { name: "group", selectedTels: ["01089193540"] },
};

/** The request the provider's create sends for checked inputs, as the wire carries it. */
function request(kind: Kind, inputs: Row): Row {
  if (kind === "clientPhone") return { cno: inputs.cno, tel: inputs.tel, isBind: 1 };
  // provider/resources/queue/membership-batch.ts: one queue model, its name restated, the member upserted.
  if (kind === "queueMember")
    return {
      queues: [{ qno: inputs.qno, name: "member", queueMembers: [{ cno: inputs.cno, penalty: inputs.penalty }] }],
    };
  const body = payload(SCHEMA[kind], "create", inputs);
  if (kind === "client") body.password = aes(String(body.password)); // doc 3.1.1 `password`: AES
  if (kind === "restrictTel" && Array.isArray(body.type)) body.type = body.type[0];
  return body;
}

/** What the server holds before the request: the agent a phone binds to, the queue a member joins. */
function center(): Enterprise {
  const ent = enterprise({ seed: { cloudNumberEnabled: true } });
  ok(ent, "POST", "/cc/create_queue", { qno: "0800", name: "q" });
  ok(ent, "POST", "/cc/create_client", {
    cno: "2001",
    name: "bob",
    areaCode: "010",
    password: aes("password-1"),
    permission: {},
  });
  ok(ent, "POST", "/cc/create_dynamic_tel_group_rule", { name: "g", selectedTels: ["01089193541"] });
  return ent;
}

interface Case {
  kind: Kind;
  what: string;
  declared: Row;
  /** The verdict both readings must give. */
  accepted: boolean;
  /** For a refusal: words the message must carry (what is allowed). */
  says?: string;
  field?: string;
}

const thirtyThree = "p".repeat(33);
const CASES: Case[] = [
  // clidType: doc 3.1.1 lists 0, 2, 3; the vendor SDK's create request also 1 (local first).
  {
    kind: "client",
    what: "clidType 1 (SDK: local first)",
    declared: { clidType: 1, clid: ["01089193540"] },
    accepted: true,
  },
  {
    kind: "client",
    what: "clidType 4",
    declared: { clidType: 4, clid: ["01089193540"] },
    accepted: false,
    field: "clidType",
    says: "one of 0 (all)",
  },
  // cloudNumberModes: describe answers [0,0,0,2] (doc 3.1.5 example): a state the server holds is one it takes.
  {
    kind: "client",
    what: "a cloudNumberModes entry 2",
    declared: { cloudNumberEnabled: 1, cloudNumberModes: [0, 0, 0, 2] },
    accepted: true,
  },
  {
    kind: "client",
    what: "a cloudNumberModes entry 3",
    declared: { cloudNumberEnabled: 1, cloudNumberModes: [0, 0, 0, 3] },
    accepted: false,
    field: "cloudNumberModes",
    says: "one of 0 (off), 1 (on), 2",
  },
  // crmId: digits, kept as text.
  { kind: "client", what: 'crmId "00123"', declared: { crmId: "00123" }, accepted: true },
  { kind: "client", what: "crmId 123 (a number)", declared: { crmId: 123 }, accepted: true },
  {
    kind: "client",
    what: 'a text crmId "crm-7"',
    declared: { crmId: "crm-7" },
    accepted: false,
    field: "crmId",
    says: "1 to 64 digits",
  },
  // Agent passwords: at most 32 characters.
  { kind: "client", what: "a 32-character agent password", declared: { password: "p".repeat(32) }, accepted: true },
  {
    kind: "client",
    what: "a 33-character agent password",
    declared: { password: thirtyThree },
    accepted: false,
    field: "password",
    says: "1 to 32 characters",
  },
  {
    kind: "client",
    what: "a 64-character agent password",
    declared: { password: "p".repeat(64) },
    accepted: false,
    field: "password",
    says: "1 to 32 characters",
  },
  // Phone passwords: at most 32 characters.
  { kind: "exten", what: "a 32-character phone password", declared: { password: "p".repeat(32) }, accepted: true },
  {
    kind: "exten",
    what: "a 33-character phone password",
    declared: { password: thirtyThree },
    accepted: false,
    field: "password",
    says: "1 to 32 characters",
  },
  // Black/white-list numbers: 3 to 12 digits.
  { kind: "restrictTel", what: "a 12-digit list number", declared: { tel: "010123456789" }, accepted: true },
  {
    kind: "restrictTel",
    what: "a 13-digit list number",
    declared: { tel: "0101234567890" },
    accepted: false,
    field: "tel",
    says: "3 to 12 digits",
  },
  {
    kind: "restrictTel",
    what: "a masked list number",
    declared: { tel: "138xxxx6688" },
    accepted: false,
    field: "tel",
    says: "doc 2.7",
  },
  // Masked numbers are never declarations (doc 2.7: the document masks, the API does not).
  {
    kind: "clientPhone",
    what: "a masked phone 152xxxx8888",
    declared: { tel: "152xxxx8888" },
    accepted: false,
    field: "tel",
    says: "doc 2.7",
  },
  {
    kind: "clientPhone",
    what: "a phone of 7 digits (no phone shape)",
    declared: { tel: "1234567" },
    accepted: false,
    field: "tel",
    says: "a mobile (11 digits",
  },
  {
    kind: "client",
    what: "a masked caller number",
    declared: { clidType: 2, clid: ["010xxxx3540"] },
    accepted: false,
    field: "clid",
    says: "doc 2.7",
  },
  {
    kind: "client",
    what: "a masked fallback caller number",
    declared: { clidType: 3, clid: ["01089193540"], clidDefault: ["010xxxx3540"] },
    accepted: false,
    field: "clidDefault",
    says: "doc 2.7",
  },
  {
    kind: "dynamicTelGroup",
    what: "a masked group number",
    declared: { selectedTels: ["010xxxx3540"] },
    accepted: false,
    field: "selectedTels",
    says: "doc 2.7",
  },
  // clidArea: an entry with assignType 1 names its group (doc 3.1.1 clidArea 对象).
  {
    kind: "client",
    what: "a clidArea entry with assignType 1 and no group name",
    declared: {
      clidType: 3,
      clidRule: 2,
      clid: ["01089193540"],
      clidArea: [{ areaGroupName: "北京地区", obClids: ["01089193540"], assignType: 1 }],
    },
    accepted: false,
    field: "clidArea",
    says: "dynamicTelGroupName is required",
  },
  {
    kind: "client",
    what: "a clidArea entry with assignType 1 and its group",
    declared: {
      clidType: 3,
      clidRule: 2,
      clid: ["01089193540"],
      clidArea: [{ areaGroupName: "北京地区", obClids: ["01089193540"], assignType: 1, dynamicTelGroupName: "g" }],
    },
    accepted: true,
  },
  // Queue numbers: 3 to 5 digits (vendor SDK: "默认四位数字支持3-5位").
  { kind: "queue", what: "a 3-digit qno", declared: { qno: "801" }, accepted: true },
  { kind: "queue", what: "a 5-digit qno", declared: { qno: "80001" }, accepted: true },
  {
    kind: "queue",
    what: "a 6-digit qno",
    declared: { qno: "800001" },
    accepted: false,
    field: "qno",
    says: "3 to 5 digits",
  },
  { kind: "client", what: "qnos with a 3-digit queue", declared: { qnos: ["800"] }, accepted: true },
  { kind: "queueMember", what: "a member of a 5-digit queue", declared: { qno: "08000" }, accepted: true },
];

describe("check and the simulator agree on what the document takes", () => {
  for (const c of CASES) {
    it(`${c.kind}: ${c.what} is ${c.accepted ? "taken by both" : "refused by both"}`, () => {
      const ent = center();
      if (c.kind === "client" && Array.isArray(c.declared.qnos))
        for (const q of c.declared.qnos as string[]) ok(ent, "POST", "/cc/create_queue", { qno: q, name: `q${q}` });
      if (c.kind === "queueMember") ok(ent, "POST", "/cc/create_queue", { qno: c.declared.qno, name: "member" });
      const declared = { ...BASE[c.kind], ...c.declared };
      const checked = checkFields(SCHEMA[c.kind], declared);
      const byCheck = checked.failures.length === 0;
      // What the simulator is sent: the provider's request when check passes, else the value as declared.
      const sent = request(c.kind, byCheck ? checked.inputs : declared);
      const answer = call(ent, "POST", ENDPOINT[c.kind], sent);
      const bySimulator = answer.status === 200;
      expect(
        { check: byCheck, simulator: bySimulator },
        JSON.stringify({ failures: checked.failures, answer: answer.body }),
      ).toEqual({
        check: c.accepted,
        simulator: c.accepted,
      });
      if (!c.accepted) {
        const failure = checked.failures.find((f) => f.property === c.field);
        expect(failure, JSON.stringify(checked.failures)).toBeDefined();
        expect(failure!.reason).toContain(SCHEMA[c.kind].type);
        expect(failure!.reason).toContain(c.field!);
        expect(failure!.reason).toContain(c.says!);
      }
    });
  }

  it('crmId "00123" reaches the server as "00123" and describe answers it so (item 7)', () => {
    const ent = center();
    const checked = checkFields(SCHEMA.client, { ...BASE.client, crmId: "00123" });
    expect(checked.inputs.crmId).toBe("00123");
    const sent = request("client", checked.inputs);
    expect(sent.crmId).toBe("00123");
    ok(ent, "POST", "/cc/create_client", sent);
    expect(ok(ent, "GET", "/cc/describe_client", { cno: "1001" }).client.crmId).toBe("00123");
    // A declared number goes as its digits (the vendor SDK's String form).
    expect(request("client", checkFields(SCHEMA.client, { ...BASE.client, crmId: 77 }).inputs).crmId).toBe("77");
  });
});
