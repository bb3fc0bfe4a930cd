/**
 * Issue 23 against the document's own example answers (doc-examples.ts): an object the
 * document's describe example shows (agent 0020 of doc 3.1.5, queue 0021 of 3.2.7, phone 0002 of
 * 3.4.5), adopted declaring its identity and what create requires, then edited once. Every
 * request body is recorded: the adoption writes nothing, the edit sends the identity, the edited
 * field and what the endpoint requires (an agent's permission: the server's seven keys, the
 * three it does not report left out), nothing else.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { configureProvider, providers } from "../../provider";
import { json, testServer, type Seen } from "../api/server";
import { docExamples, type DocExample } from "./doc-examples";

type Obj = Record<string, unknown>;
const byPath = new Map<string, DocExample>();
for (const e of docExamples()) if (!byPath.has(e.path)) byPath.set(e.path, e);

let server: Awaited<ReturnType<typeof testServer>>;
let seen: Seen[] = [];
beforeAll(async () => {
  server = await testServer("doc-secret", (req, res) => {
    seen.push(req);
    const example = byPath.get(req.path.replace(/\/$/, ""));
    if (!example) return json(res, 404, { error: { code: "ResourceNotFound", message: "no example" } });
    json(res, 200, example.json);
  });
  configureProvider({ endpoint: server.url, accessKeyId: "doc-key", accessKeySecret: "doc-secret", rate: 0 });
});
afterAll(() => server.close());
beforeEach(() => {
  seen = [];
});

const writes = () => seen.filter((r) => r.method === "POST");

async function adoptThenEdit(p: dynamic.ResourceProvider, adopted: Obj, edited: Obj) {
  const first = await p.check!({}, { ...adopted, adopt: true });
  expect(first.failures).toEqual([]);
  const { id, outs } = await p.create(first.inputs!);
  const adoptionWrites = writes().length;
  const next = await p.check!(first.inputs!, { ...edited, adopt: true });
  expect(next.failures).toEqual([]);
  expect((await p.diff!(id, outs, next.inputs!)).changes).toBe(true);
  seen = [];
  await p.update!(id, outs, next.inputs!);
  return { adoptionWrites, edit: writes() };
}

describe("adopted from the document's example answers with its identity, then edited once", () => {
  it("agent 0020 (doc 3.1.5): nothing on adoption; the rename sends cno, name and the server's permission", async () => {
    const declared = { cno: "0020", name: "0020", areaCode: "010" };
    const { adoptionWrites, edit } = await adoptThenEdit(providers.client, declared, { ...declared, name: "renamed" });
    expect(adoptionWrites).toBe(0);
    const update = edit.filter((r) => r.path.startsWith("/cc/update_client"));
    expect(update).toHaveLength(1);
    const answered = (byPath.get("/cc/describe_client")!.json.client as Obj).permission;
    // update_client requires permission (doc 3.1.2): the seven keys describe answered, unchanged.
    expect(update[0]?.body).toEqual({ cno: "0020", name: "renamed", permission: answered });
    expect(edit.filter((r) => r.path.startsWith("/cc/other_setting"))).toEqual([]);
  });

  it("queue 0021 (doc 3.2.7): nothing on adoption; the rename sends qno and name", async () => {
    const declared = { qno: "0021", name: "队列名" };
    const { adoptionWrites, edit } = await adoptThenEdit(providers.queue, declared, { ...declared, name: "改名" });
    expect(adoptionWrites).toBe(0);
    expect(edit.map((r) => [r.path.replace(/\/$/, ""), r.body])).toEqual([
      ["/cc/update_queue", { qno: "0021", name: "改名" }],
    ]);
  });

  it("phone 0002 (doc 3.4.5): nothing on adoption; an area code change sends extenNumber and areaCode", async () => {
    // The example answers no `type` (its table lists it): declared as create requires.
    const declared = { extenNumber: "0002", areaCode: "010", type: 1, allow: 1 };
    const { edit } = await adoptThenEdit(providers.exten, declared, { ...declared, areaCode: "021" });
    expect(edit.map((r) => [r.path.replace(/\/$/, ""), r.body])).toEqual([
      ["/cc/update_exten", { extenNumber: "0002", areaCode: "021" }],
    ]);
  });
});
