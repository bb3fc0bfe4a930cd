/**
 * Issue 23, item 8: the document's own create and update request examples (请求示例 of section 3,
 * extracted from its text by doc-examples.ts, never retyped) pass the matching resource's `check`.
 * A program that declares what the document sends is a valid program.
 *
 * Two readings are applied to the examples, each the document's own word:
 * - doc 2.7: the document masks phone numbers ("400xxx888"); the API takes real ones, so each x
 *   stands for a digit (0 here);
 * - an update example that names only what it changes (other_setting, update_exten) declares the
 *   object together with the create example of the same object.
 */
import { describe, expect, it } from "vitest";
import { schemas } from "../../provider/resources/schemas";
import type { ResourceSchema } from "../../provider/schema/core";
import { checkFields } from "../../provider/schema/ops";
import { docRequests, type DocRequest } from "./doc-examples";
import { present } from "../support/present";

type Row = Record<string, unknown>;

/** Which resource declares what each create/update endpoint of section 3 takes, and in which call. */
const ENDPOINTS: Record<string, { type: string; op: "create" | "update"; base?: string }> = {
  "/cc/create_client": { type: "Client", op: "create" },
  "/cc/update_client": { type: "Client", op: "update", base: "/cc/create_client" },
  "/cc/other_setting": { type: "Client", op: "update", base: "/cc/create_client" },
  "/cc/bind_client_tel": { type: "ClientPhone", op: "create" },
  "/cc/create_queue": { type: "Queue", op: "create" },
  "/cc/update_queue": { type: "Queue", op: "update" },
  "/cc/create_enterprise_pause": { type: "Pause", op: "create" },
  "/cc/update_enterprise_pause": { type: "Pause", op: "update" },
  "/cc/create_exten": { type: "Exten", op: "create" },
  "/cc/update_exten": { type: "Exten", op: "update", base: "/cc/create_exten" },
  "/cc/create_dynamic_tel_group_rule": { type: "DynamicTelGroup", op: "create" },
  "/cc/update_dynamic_tel_group_rule": { type: "DynamicTelGroup", op: "update" },
  "/cc/create_restrict_tel": { type: "RestrictTel", op: "create" },
};

/**
 * Request parameters that are no field, each for a reason: the call's own switch (bind_client_tel
 * `isBind`: a ClientPhone always binds), a server id the resource finds by name (pause, number
 * group `id`), or the other half of a batch (`removeQueueMembers`: a QueueMember deleted).
 */
const NOT_FIELDS: Record<string, string[]> = {
  ClientPhone: ["isBind"],
  Pause: ["id"],
  DynamicTelGroup: ["id"],
  Queue: ["removeQueueMembers"],
};

/** Doc 2.7: a masked number ("152xxxx8888") is a real number in the request the document shows. */
function unmasked(value: unknown): unknown {
  if (typeof value === "string") return /^\d+[xX]+\d*$/.test(value) ? value.replace(/[xX]/g, "0") : value;
  if (Array.isArray(value)) return value.map(unmasked);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unmasked(v)]));
  return value;
}

/** The declaration that sends these parameters: API names back to field names. */
function declaration(
  schema: ResourceSchema,
  op: "create" | "update",
  params: Row,
): { declared: Row; unknown: string[] } {
  const byApiName = new Map<string, string>();
  for (const [name, field] of Object.entries(schema.fields)) {
    const key = field.api?.[op] ?? name;
    if (key !== false) byApiName.set(key, name);
    // agcRx/agcTx go by other_setting under their own names.
    if (field.api?.[op] === false && field.api.create === false) byApiName.set(name, name);
  }
  const declared: Row = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (NOT_FIELDS[schema.type]?.includes(key)) continue;
    const field = byApiName.get(key);
    if (field) declared[field] = value;
    else unknown.push(key);
  }
  return { declared, unknown };
}

const requests = docRequests();
const byPath = new Map<string, DocRequest>();
for (const r of requests) if (!byPath.has(r.path)) byPath.set(r.path, r);

describe("the document's own create/update request examples pass check", () => {
  it("are all extracted from the document's text", () => {
    for (const path of Object.keys(ENDPOINTS)) expect(byPath.has(path), path).toBe(true);
    expect(byPath.get("/cc/create_client")!.params.cno).toBe("0021");
    expect(byPath.get("/cc/create_exten")!.params).toMatchObject({ extenNumber: "0000", allow: "1" });
  });

  for (const [path, target] of Object.entries(ENDPOINTS)) {
    it(`${path} (${target.type})`, () => {
      const example = byPath.get(path)!;
      const schema = present(schemas[target.type], `the ${target.type} schema`);
      const base = target.base ? declaration(schema, "create", byPath.get(target.base)!.params).declared : {};
      const { declared, unknown } = declaration(schema, target.op, example.params);
      expect(unknown, `parameters of doc ${example.section} no field of ${target.type} takes`).toEqual([]);
      const { failures } = checkFields(schema, unmasked({ ...base, ...declared }) as Row);
      expect(failures, `doc ${example.section}, line ${example.line}`).toEqual([]);
    });
  }

  it("/cc/batch_update_queue: each queue model is a Queue and each member a QueueMember", () => {
    const example = byPath.get("/cc/batch_update_queue")!;
    const queueSchema = present(schemas.Queue, "the Queue schema");
    const memberSchema = present(schemas.QueueMember, "the QueueMember schema");
    const queues = example.params.queues as Row[];
    expect(queues.length).toBeGreaterThan(0);
    for (const q of queues) {
      const { declared, unknown } = declaration(queueSchema, "update", q);
      expect(unknown).toEqual([]);
      expect(checkFields(queueSchema, declared).failures, `queue ${String(q.qno)}`).toEqual([]);
      for (const m of (q.queueMembers as Row[]) ?? [])
        expect(checkFields(memberSchema, { qno: q.qno, ...m }).failures).toEqual([]);
    }
  });
});
