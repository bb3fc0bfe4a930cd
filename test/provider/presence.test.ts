/**
 * A preview's look-ups of new objects answered from one listing (provider/plugin/presence.ts,
 * issue 26): only an absence from a listing that holds totalCount rows saves a describe, a large
 * enterprise is listed only once the describes would have cost as much, and a listing is not
 * answered from for longer than LISTING_TTL_MS.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { configureProvider, providers } from "../../provider";
import { LISTING_TTL_MS, listedAbsent } from "../../provider/plugin/presence";
import { clientSchema } from "../../provider/resources/client/schema";
import { PREVIEW_INPUT } from "../../provider/schema/wire";
import { startSimulator } from "../../simulator";
import { json } from "../api/server";
import { scriptedClient } from "../api/scripted-client";

const SECRET = "presence-listing-secret";
let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
});

/**
 * A client on a server whose list_clients answers what `answer` gives for each page asked
 * ("fail": a 500). `calls()`: the pages asked, as { offset, limit }.
 */
async function listing(answer: (q: { offset: number; limit: number }) => Record<string, unknown> | "fail") {
  const { server, client, close } = await scriptedClient(
    SECRET,
    (req, res) => {
      const a = answer({ offset: Number(req.query.offset ?? 0), limit: Number(req.query.limit ?? 10) });
      if (a === "fail") json(res, 500, { error: { code: "InternalError", message: "服务器内部错误" } });
      else json(res, 200, a);
    },
    { maxRetries: 0 },
  );
  closers.push(close);
  const calls = () => server.seen.map((s) => ({ offset: Number(s.query.offset), limit: Number(s.query.limit) }));
  return { client, calls };
}

/** list_clients answering `total` agents 0000.. in pages, as doc 3.1.4 shows them. */
function agents(total: number, opts: { totalCount?: boolean; fail?: number } = {}) {
  let failures = opts.fail ?? 0;
  return listing(({ offset, limit }) => {
    if (failures-- > 0) return "fail";
    const clients = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => ({
      id: offset + i + 1,
      cno: String(offset + i).padStart(4, "0"),
    }));
    return opts.totalCount === false ? { clients } : { clients, pageNumber: 1, pageSize: limit, totalCount: total };
  });
}

describe("listedAbsent", () => {
  it("answers every look-up of a small enterprise from one page", async () => {
    const { client, calls } = await agents(3);
    const answers = [];
    for (const key of ["1001", "0002", "1002", "0000", "1003"])
      answers.push(await listedAbsent(client, clientSchema.list, key));
    expect(answers).toEqual([true, false, true, false, true]);
    expect(calls()).toEqual([{ offset: 0, limit: 100 }]);
  });

  it("takes no absence from the document's own example answer (one row, totalCount 51)", async () => {
    const example = {
      clients: [
        {
          id: 123,
          cno: "0000",
          name: "AA23456",
          areaCode: "010",
          bindTel: "152xxxx0000",
          role: 1,
          active: 1,
          status: 0,
          hiddenTel: 0,
          type: 2,
        },
      ],
      pageNumber: 1,
      pageSize: 10,
      totalCount: 51,
    };
    const { client, calls } = await listing(() => example);
    for (const key of ["1001", "1002", "1003", "1004"])
      expect(await listedAbsent(client, clientSchema.list, key)).toBe(false);
    // The first page, then (a look-up later, as many as its one page) the whole listing once: no more.
    expect(calls()).toEqual([
      { offset: 0, limit: 100 },
      { offset: 0, limit: 100 },
    ]);
  });

  it("describes a large enterprise's look-ups until they cost as much as listing it, then lists it once", async () => {
    const { client, calls } = await agents(250);
    const answers = [];
    for (const key of ["9001", "9002", "9003", "0249", "9004", "9005"])
      answers.push(await listedAbsent(client, clientSchema.list, key));
    // 250 agents are 3 pages: two look-ups described, the third lists all (3 calls), then none.
    expect(answers).toEqual([false, false, true, false, true, true]);
    expect(calls().map((q) => q.offset)).toEqual([0, 0, 100, 200]);
  });

  it("never lists an enterprise past the offset cap, and takes no absence from a page that cannot count", async () => {
    const answers = [
      () => agents(20_000), // past doc 3.1.4's offset cap of 10000
      () => agents(5, { totalCount: false }), // a short page, but no totalCount to hold it to
      () => listing(() => ({ totalCount: 0 })), // no wrapper list
      () => listing(() => ({ clients: [], totalCount: "0" })), // totalCount as text
      () => listing(() => ({ clients: [{ cno: 1 }], totalCount: 1 })), // a key as a number: "0001" lost its zeros
    ];
    for (const make of answers) {
      const { client, calls } = await make();
      for (let i = 0; i < 300; i++) expect(await listedAbsent(client, clientSchema.list, `9${i}`)).toBe(false);
      expect(await listedAbsent(client, clientSchema.list, "0001")).toBe(false);
      expect(calls()).toHaveLength(1);
    }
  });

  it("takes nothing from a whole listing whose totalCount moved while its pages were read", async () => {
    let asked = 0;
    const { client, calls } = await listing(({ offset, limit }) => {
      asked++;
      // An agent made after the first page: the later pages count 251.
      const total = asked <= 2 ? 250 : 251;
      const clients = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => ({
        cno: String(offset + i).padStart(4, "0"),
      }));
      return { clients, totalCount: total };
    });
    for (const key of ["9001", "9002", "9003", "9004", "9005"])
      expect(await listedAbsent(client, clientSchema.list, key)).toBe(false);
    // The first page, then (at the third look-up) the whole listing, stopped at its second page,
    // which counts 251; no listing again.
    expect(calls().map((q) => q.offset)).toEqual([0, 0, 100]);
  });

  it("starts one listing for look-ups that come at once", async () => {
    const { client, calls } = await agents(3);
    const answers = await Promise.all(["1001", "0001", "1002"].map((k) => listedAbsent(client, clientSchema.list, k)));
    expect(answers).toEqual([true, false, true]);
    expect(calls()).toHaveLength(1);
  });

  it("lists again once the listing is older than LISTING_TTL_MS", async () => {
    const { client, calls } = await agents(1);
    let now = 1_000_000;
    expect(await listedAbsent(client, clientSchema.list, "1001", () => now)).toBe(true);
    now += LISTING_TTL_MS;
    expect(await listedAbsent(client, clientSchema.list, "1001", () => now)).toBe(true);
    expect(calls()).toHaveLength(1);
    now += 1;
    expect(await listedAbsent(client, clientSchema.list, "1001", () => now)).toBe(true);
    expect(calls()).toHaveLength(2);
  });

  it("describes while its listing fails, and lists again only once that listing has expired", async () => {
    const { client, calls } = await agents(1, { fail: 1 });
    let now = 1_000_000;
    expect(await listedAbsent(client, clientSchema.list, "1001", () => now)).toBe(false);
    expect(await listedAbsent(client, clientSchema.list, "1001", () => now)).toBe(false);
    expect(calls()).toHaveLength(1);
    now += LISTING_TTL_MS + 1;
    expect(await listedAbsent(client, clientSchema.list, "1001", () => now)).toBe(true);
    expect(calls()).toHaveLength(2);
  });

  it("asks nothing for a kind whose listing names no key field", async () => {
    const { client, calls } = await agents(1);
    expect(await listedAbsent(client, { path: "/cc/list_clients", key: "clients" }, "1001")).toBe(false);
    expect(await listedAbsent(client, undefined, "1001")).toBe(false);
    expect(calls()).toHaveLength(0);
  });
});

describe("a preview of new agents and phones on the strict simulator", () => {
  const KEY = { accessKeyId: "k", accessKeySecret: "presence-secret" };
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, rate: 0, strict: true, ...KEY });
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    sim.reset();
    // A new client per test, as a new plugin process has: listings are kept per client.
    configureProvider({ endpoint: sim.url, rate: 0, ...KEY });
  });
  const count = (path: string) => sim.log().filter((e) => e.path === path).length;

  it("lists each kind once for 20 new agents and phones and 5 queues, and describes none", async () => {
    for (let i = 0; i < 20; i++) {
      const n = String(3000 + i);
      const agent = await providers.client.check!(
        {},
        { cno: n, name: `a${n}`, areaCode: "010", password: "Agent-pw-1", [PREVIEW_INPUT]: true },
      );
      const phone = await providers.exten.check!(
        {},
        { extenNumber: `8${n}`, password: "Phone-pw-1", areaCode: "010", type: 1, allow: 3, [PREVIEW_INPUT]: true },
      );
      expect([...agent.failures!, ...phone.failures!]).toEqual([]);
    }
    expect([count("/cc/list_clients"), count("/cc/describe_client")]).toEqual([1, 0]);
    expect([count("/cc/list_extens"), count("/cc/describe_exten")]).toEqual([1, 0]);
    for (let i = 0; i < 5; i++) {
      const queue = await providers.queue.check!({}, { qno: `050${i}`, name: `q${i}`, [PREVIEW_INPUT]: true });
      expect(queue.failures).toEqual([]);
    }
    expect([count("/cc/list_queues"), count("/cc/describe_queue")]).toEqual([1, 0]);
  });

  it("still describes, and refuses, the one that exists", async () => {
    sim.admin.insert("client", { cno: "3001", name: "a3001", areaCode: "010", type: 2, active: 1, permission: {} });
    sim.admin.insert("exten", { extenNumber: "83001", areaCode: "010", type: 1, allow: 3, isDirect: 0, jittBuffer: 0 });
    const fresh = await providers.client.check!(
      {},
      { cno: "3000", name: "a3000", areaCode: "010", password: "Agent-pw-1", [PREVIEW_INPUT]: true },
    );
    const taken = await providers.client.check!(
      {},
      { cno: "3001", name: "a3001", areaCode: "010", password: "Agent-pw-1", [PREVIEW_INPUT]: true },
    );
    const phone = await providers.exten.check!(
      {},
      { extenNumber: "83001", password: "Phone-pw-1", areaCode: "010", type: 1, allow: 3, [PREVIEW_INPUT]: true },
    );
    expect(fresh.failures).toEqual([]);
    expect(taken.failures!.map((f) => f.property)).toEqual(["cno"]);
    expect(phone.failures!.map((f) => f.property)).toEqual(["extenNumber"]);
    sim.admin.insert("queue", { qno: "0501", name: "legacy" });
    const queue = await providers.queue.check!({}, { qno: "0501", name: "mine", [PREVIEW_INPUT]: true });
    expect(queue.failures!.map((f) => f.property)).toEqual(["qno"]);
    expect([count("/cc/describe_client"), count("/cc/describe_exten"), count("/cc/describe_queue")]).toEqual([1, 1, 1]);
  });
});
