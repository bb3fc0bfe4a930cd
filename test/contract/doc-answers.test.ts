/**
 * The provider against the vendor document's own example answers (issue 12, point 2): every
 * JSON answer of section 3 is extracted from the document's text (doc-examples.ts) and served
 * for its endpoint by a plain server that knows nothing else. Each resource's `read` (and create
 * and update) is fed the describe/list/create/update examples of its endpoints; the result goes
 * through the engine's serializer, and `check` runs on what came back: no crash, no failure, no
 * `undefined` anywhere.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import {
  ClinkClient,
  configureProvider,
  providers,
  getClients,
  getQueues,
  getExtens,
  getDynamicTelGroups,
} from "../../provider";
import * as lookups from "../../provider/functions";
import { json, testServer } from "../api/server";
import { docExamples, type DocExample } from "./doc-examples";
import { throughEngine } from "./engine-serialize";

const examples = docExamples();
const byPath = new Map<string, DocExample>();
for (const e of examples) if (!byPath.has(e.path)) byPath.set(e.path, e);

let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer("doc-secret", (req, res) => {
    const example = byPath.get(req.path.replace(/\/$/, ""));
    if (!example) return json(res, 404, { error: { code: "ResourceNotFound", message: "no example" } });
    json(res, 200, example.json);
  });
  configureProvider({ endpoint: server.url, accessKeyId: "doc-key", accessKeySecret: "doc-secret", rate: 0 });
});
afterAll(() => server.close());

type Kind = keyof typeof providers;

/** Which resource reads which example, with the id and the state a refresh would hand it. */
// The examples mask numbers ("400xxx888"; doc 2.7: the document masks them, the API does not):
// the state holds the numbers the program declared, which the masks fit, as a refresh has it.
const READS: Array<{ kind: Kind; sections: string[]; id: string; state: Record<string, unknown> }> = [
  {
    kind: "client",
    sections: ["3.1.5", "3.1.14"],
    id: "0020",
    state: {
      password: "Aa123456",
      clid: ["400123888"],
      clidArea: [{ areaGroupName: "北京地区", obClids: ["400123888"] }],
    },
  },
  { kind: "clientPhone", sections: ["3.1.10"], id: "0020", state: { cno: "0020", tel: "15212348888" } },
  { kind: "queue", sections: ["3.2.7"], id: "0021", state: {} },
  { kind: "queueMember", sections: ["3.2.7"], id: "0021:8029", state: {} },
  // describe_exten's example has no `type` (its table lists it): the last declaration's is kept.
  { kind: "exten", sections: ["3.4.5"], id: "0002", state: { password: "phone-pass-1", type: 1 } },
  { kind: "pause", sections: ["3.3.1"], id: "67642", state: {} },
  {
    kind: "dynamicTelGroup",
    sections: ["3.5.8"],
    id: "1",
    state: { selectedTels: ["13812348888", "13612346666"] },
  },
  { kind: "restrictTel", sections: ["3.7.1"], id: "1:15200000000", state: {} },
  { kind: "restrictTel", sections: ["3.7.1"], id: "1:15200000001", state: {} },
  { kind: "restrictTelSetting", sections: ["3.7.4"], id: "restrict-tel-setting", state: {} },
];

/** Fails with the path of the first `undefined` (the engine's serializer would refuse it). */
function undefinedAt(value: unknown, at = "$"): string | undefined {
  if (value === undefined) return at;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = undefinedAt(value[i], `${at}[${i}]`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const found = undefinedAt(v, `${at}.${k}`);
      if (found) return found;
    }
  }
  return undefined;
}

function engineSafe(value: Record<string, unknown>) {
  expect(undefinedAt(value)).toBeUndefined();
  expect(() => throughEngine(value)).not.toThrow();
  return throughEngine(value);
}

describe("the document's example answers", () => {
  it("are all extracted from the document's text: every endpoint of section 3 with an example", () => {
    expect(examples.length).toBe(50);
    for (const e of examples) expect(e.path, `example at line ${e.line}`).toMatch(/^\/cc\/[a-z_]+$/);
    // The two the issue names, verbatim from the text.
    const describeClient = byPath.get("/cc/describe_client")!.json as { client: Record<string, unknown> };
    expect(describeClient.client.crmId).toBe("");
    expect(describeClient.client.cloudNumberModes).toEqual([0, 0, 0, 2]);
  });

  for (const r of READS) {
    it(`${r.kind} ${r.id}: read of ${r.sections.join(" + ")} survives the engine and passes check`, async () => {
      for (const s of r.sections) expect(examples.some((e) => e.section === s)).toBe(true);
      const p = providers[r.kind];
      const result = await p.read!(r.id, r.state);
      expect(result.id).toBe(r.id);
      const props = engineSafe(result.props as Record<string, unknown>);
      const inputs = engineSafe(result.inputs as Record<string, unknown>);
      expect(Object.keys(props).length).toBeGreaterThan(0);
      // What a refresh stored as inputs is a valid declaration (write-only fields come from state).
      const writeOnly = Object.fromEntries(Object.entries(r.state));
      // As the next preview checks it: the refreshed inputs are the olds.
      const checked = await p.check!(inputs, { ...inputs, ...writeOnly });
      expect(checked.failures).toEqual([]);
      engineSafe(checked.inputs as Record<string, unknown>);
    });
  }

  it("Client: describe's crmId \"\" reads as not set and cloudNumberModes [0,0,0,2] as the server's value", async () => {
    const result = await providers.client.read!("0020", { password: "Aa123456" });
    expect(result.props).not.toHaveProperty("crmId");
    expect(result.props!.cloudNumberModes).toEqual([0, 0, 0, 2]);
    // The example's permission has 7 of 10 keys; the others keep what was declared, not defaults.
    const again = await providers.client.read!("0020", {
      password: "Aa123456",
      permission: { transfer: 0, otherData: 4, taskInventory: 3 },
    });
    expect(again.props!.permission).toMatchObject({ recordDownload: 2, transfer: 0, otherData: 4, taskInventory: 3 });
    // The gains come from list_other_setting's example (3.1.14).
    expect(result.props).toMatchObject({ agcRx: 30, agcTx: 60 });
  });

  it("Queue: describe under `result` (the document) and under `queue` (the vendor SDK) read alike", async () => {
    const viaResult = await providers.queue.read!("0021", {});
    const doc = byPath.get("/cc/describe_queue")!.json as { result: unknown };
    const sdkServer = await testServer("doc-secret", (_req, res) => json(res, 200, { queue: doc.result }));
    try {
      configureProvider({ endpoint: sdkServer.url, accessKeyId: "doc-key", accessKeySecret: "doc-secret", rate: 0 });
      const viaQueue = await providers.queue.read!("0021", {});
      expect(viaQueue.props).toEqual(viaResult.props);
      expect(viaResult.props!.members).toEqual([
        { cno: "8029", penalty: 2 },
        { cno: "8030", penalty: 2 },
      ]);
    } finally {
      configureProvider({ endpoint: server.url, accessKeyId: "doc-key", accessKeySecret: "doc-secret", rate: 0 });
      await sdkServer.close();
    }
  });

  it("RestrictTel: expirationTime null (permanent) and epoch ms read as absent and as the China date", async () => {
    const permanent = await providers.restrictTel.read!("1:15200000000", {});
    expect(permanent.props).not.toHaveProperty("expirationTime");
    const dated = await providers.restrictTel.read!("1:15200000001", {});
    expect(dated.props!.expirationTime).toBe("2022-09-11"); // 1662911999000 = 2022-09-11 23:59:59 +08:00
  });

  const CREATES: Array<{ kind: Kind; inputs: Record<string, unknown> }> = [
    { kind: "client", inputs: { cno: "0021", name: "n0021", areaCode: "010", password: "Aa123456" } },
    { kind: "queue", inputs: { qno: "0021", name: "业务咨询1" } },
    { kind: "exten", inputs: { extenNumber: "0000", password: "phone-pass-1", areaCode: "010", type: 1, allow: 1 } },
  ];
  for (const c of CREATES) {
    it(`${c.kind}: create and update answers (the document's examples) survive the engine`, async () => {
      // A center where the object does not exist yet (the look-up before create finds nothing);
      // create and update answer with the document's examples.
      const fresh = await testServer("doc-secret", (req, res) => {
        if (req.method === "GET" && /describe_/.test(req.path))
          return json(res, 404, { error: { code: "ResourceNotFound", message: "not found" } });
        const example = byPath.get(req.path.replace(/\/$/, ""));
        json(res, 200, example ? example.json : {});
      });
      configureProvider({ endpoint: fresh.url, accessKeyId: "doc-key", accessKeySecret: "doc-secret", rate: 0 });
      onTestFinished(async () => {
        configureProvider({ endpoint: server.url, accessKeyId: "doc-key", accessKeySecret: "doc-secret", rate: 0 });
        await fresh.close();
      });
      const p = providers[c.kind];
      const { inputs, failures } = await p.check!({}, c.inputs);
      expect(failures).toEqual([]);
      const created = await p.create(inputs!);
      const outs = engineSafe(created.outs as Record<string, unknown>);
      expect(JSON.stringify(outs)).not.toContain('"aaaa"'); // create_client's example echoes a password
      const updated = await p.update!(created.id, outs, inputs!);
      engineSafe(updated.outs as Record<string, unknown>);
    });
  }

  it("lookups return the list examples whole", async () => {
    const client = new ClinkClient({
      endpoint: server.url,
      accessKeyId: "doc-key",
      accessKeySecret: "doc-secret",
      rate: 0,
    });
    const o = { client };
    expect((await getClients({}, o)).length).toBe(
      (byPath.get("/cc/list_clients")!.json as { clients: unknown[] }).clients.length,
    );
    expect((await getQueues({}, o)).length).toBeGreaterThan(0);
    expect((await getExtens({}, o)).length).toBeGreaterThan(0);
    expect((await getDynamicTelGroups({}, o)).length).toBeGreaterThan(0);
    for (const fn of [lookups.getClidNumbers, lookups.getHotlineNumbers, lookups.getIvrs, lookups.getVoiceMails])
      expect((await fn({}, o)).length).toBeGreaterThan(0);
    await client.close();
  });

  it("ClientPhone: a masked number the server shows is the declared number it masks (no drift)", async () => {
    const read = await providers.clientPhone.read!("0020", { cno: "0020", tel: "15212348888" });
    expect(read.props!.tel).toBe("15212348888");
    const other = await providers.clientPhone.read!("0020", { cno: "0020", tel: "15312348888" });
    expect(other.props!.tel).toBe("152xxxx8888"); // a different number shows as drift
  });
});
