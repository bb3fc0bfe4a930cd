/**
 * A server answering beyond the document: a field 3.1.5 does not list, numbers as text, an agent
 * without its required name and area code, a member answered as another agent, a code no table
 * lists. What the exporter must declare, warn about or leave out (export.test.ts and the golden
 * test read the same server).
 */
import { json, testServer } from "../api/server";
import { docExamples, type DocExample } from "../contract/doc-examples";

export function beyondDocServer(accessKeySecret: string): ReturnType<typeof testServer> {
  const answers: Record<string, Record<string, unknown>> = {
    "/cc/list_clients": { clients: [{ cno: "1001", bindTel: "" }, { cno: "1002" }, { cno: "" }], totalCount: 3 },
    "/cc/describe_client": {
      client: {
        cno: "1001",
        name: "张三",
        areaCode: "010",
        crmId: "CRM-7", // text: describe types it String (3.1.5)
        dynamicTelGroupName: "组A", // not in 3.1.5's table
        strangeField: { nested: true },
        wrapupTime: "45", // a number as text
        pauseLogin: null,
      },
    },
    "/cc/list_other_setting": { otherSettings: { cno: "1001" } }, // no gains at all
    "/cc/page_dynamic_tel_group_rule": {
      dynamicTelGroupRules: [
        {
          id: 7,
          name: "组A",
          selectedTels: ["01089193540"],
          status: 1,
          advancedConfigPermission: 0,
          statisticDays: 7,
        },
      ],
    },
    "/cc/list_queues": { queues: [{ qno: "0001" }] },
    "/cc/describe_queue": {
      queue: { qno: "0001", name: "售后", strategy: 99, queueMembers: [{ cno: "1001" }, { cno: "1003" }] },
    },
    "/cc/list_extens": {},
    "/cc/list_enterprise_pauses": { enterprisePauses: [{ id: 1, pauseStatus: "这个太长了啊" }, { id: 2 }] },
    "/cc/list_restrict_tel": { list: [{ tel: "13900001111", type: "1", telType: 1, expirationTime: "" }] },
    "/cc/describe_restrict_tel_setting": { setting: {} },
  };
  return testServer(accessKeySecret, (req, res) => {
    // Agent 1002 answers without name and area code; a queue member 1003 is answered as 1004.
    if (req.path === "/cc/describe_client" && req.query.cno === "1002")
      return json(res, 200, { client: { cno: "1002", permission: {} } });
    if (req.path === "/cc/describe_client" && req.query.cno === "1003")
      return json(res, 200, { client: { cno: "1004", name: "x", areaCode: "010" } });
    const answer = answers[req.path];
    if (!answer) return json(res, 404, { error: { code: "ResourceNotFound", message: "none" } });
    json(res, 200, answer);
  });
}

/**
 * A server answering every path with the document's own example answer for it (the first, where
 * a section shows several). The describe examples are of agent 0020 and queue 0021: served as the
 * object asked for.
 */
export function docExampleServer(accessKeySecret: string): ReturnType<typeof testServer> {
  const byPath = new Map<string, DocExample>();
  for (const e of docExamples()) if (!byPath.has(e.path)) byPath.set(e.path, e);
  return testServer(accessKeySecret, (req, res) => {
    const example = byPath.get(req.path.replace(/\/$/, ""));
    if (!example) return json(res, 404, { error: { code: "ResourceNotFound", message: "no example" } });
    const body = structuredClone(example.json) as Record<string, Record<string, unknown> | undefined>;
    if (body.client && req.query.cno) body.client.cno = req.query.cno;
    if (body.result && req.query.qno) body.result.qno = req.query.qno;
    json(res, 200, body);
  });
}
