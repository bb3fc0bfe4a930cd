/**
 * The simulator's HTTP layer: doc 2.1.3 signatures (签名机制),
 * 2.4 error answers with requestId, 2.6 rate limit (3/s per key and endpoint), the admin API and
 * every fault mode. Requests are signed with the package's own signing code here (the simulator
 * verifies with its own, written separately: simulator/auth.ts).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signedQuery } from "../../provider/api/signing";
import { startSimulator } from "../../simulator";

type Sim = Awaited<ReturnType<typeof startSimulator>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
let sim: Sim;
const KEY = "http-key";
const SECRET = "http-secret";

beforeAll(async () => {
  sim = await startSimulator({ port: 0, accessKeyId: KEY, accessKeySecret: SECRET, rate: 0 });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  sim.setRate(0);
});

function url(
  method: string,
  path: string,
  params: Array<[string, string]> = [],
  o: { secret?: string; nowMs?: number; expires?: number; signedPath?: string } = {},
) {
  const host = new URL(sim.url).host;
  const q = signedQuery({
    method,
    host,
    path: o.signedPath ?? path,
    params,
    accessKeyId: KEY,
    accessKeySecret: o.secret ?? SECRET,
    expiresSeconds: o.expires ?? 600,
    nowMs: o.nowMs ?? Date.now(),
  });
  return `${sim.url}${path}?${q}`;
}

async function send(method: "GET" | "POST", path: string, body?: unknown, o: Parameters<typeof url>[3] = {}) {
  const res = await fetch(url(method, path, [], o), {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

describe("authentication (doc 2.1)", () => {
  it("accepts a correctly signed request and puts a requestId on every answer", async () => {
    const r = await send("GET", "/cc/list_queues");
    expect(r.status).toBe(200);
    expect(r.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const e = await send("GET", "/cc/describe_queue");
    expect(e.status).toBe(400);
    expect(e.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(e.body.error.code).toBe("MissingParameter");
  });

  it("accepts the vendor SDK's trailing-slash path, signed either way", async () => {
    const res = await fetch(url("GET", "/cc/list_queues/", [], { signedPath: "/cc/list_queues/" }));
    expect(res.status).toBe(200);
  });

  it("answers AuthFailure for a wrong secret, MissingAuthenticationToken without one, SignaturesExpired when late", async () => {
    expect(await send("GET", "/cc/list_queues", undefined, { secret: "wrong" })).toMatchObject({
      status: 401,
      body: { error: { code: "AuthFailure" } },
    });
    const bare = await fetch(`${sim.url}/cc/list_queues`);
    expect(bare.status).toBe(400);
    expect(((await bare.json()) as { error: { code: string } }).error.code).toBe("MissingAuthenticationToken");
    const late = await send("GET", "/cc/list_queues", undefined, { nowMs: Date.now() - 700_000, expires: 600 });
    expect(late).toMatchObject({ status: 403, body: { error: { code: "SignaturesExpired" } } });
  });

  it("answers 404 for an unknown path and 405 for a wrong method", async () => {
    expect((await send("GET", "/cc/no_such_thing")).status).toBe(404);
    expect((await send("GET", "/cc/create_queue")).status).toBe(405);
  });

  it("requires a JSON body on POST (MissingRequestBody, HttpMediaTypeNotSupported)", async () => {
    const noBody = await fetch(url("POST", "/cc/create_queue"), {
      method: "POST",
      headers: { "content-type": "application/json" },
    });
    expect(((await noBody.json()) as { error: { code: string } }).error.code).toBe("MissingRequestBody");
    const form = await fetch(url("POST", "/cc/create_queue"), {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "x",
    });
    expect(((await form.json()) as { error: { code: string } }).error.code).toBe("HttpMediaTypeNotSupported");
  });
});

describe("rate limit (doc 2.6)", () => {
  it("admits 3 requests per second per endpoint and answers 429 TooManyRequests to the 4th", async () => {
    sim.setRate(3);
    const results = await Promise.all(Array.from({ length: 4 }, () => send("GET", "/cc/list_queues")));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 429]);
    expect(results.find((r) => r.status === 429)!.body.error.code).toBe("TooManyRequests");
    // Another endpoint has its own window.
    expect((await send("GET", "/cc/list_extens")).status).toBe(200);
  });
});

describe("faults and the admin API", () => {
  it("injects 500 and 429 for the next N requests to a path", async () => {
    sim.addFault({ path: "/cc/list_queues", kind: "500", count: 2 });
    expect((await send("GET", "/cc/list_queues")).status).toBe(500);
    expect((await send("GET", "/cc/list_queues")).status).toBe(500);
    expect((await send("GET", "/cc/list_queues")).status).toBe(200);
    sim.addFault({ path: "/cc/list_queues", kind: "429" });
    expect((await send("GET", "/cc/list_queues")).body.error.code).toBe("TooManyRequests");
  });

  it("drops the connection before the change (nothing applied) or after it (applied)", async () => {
    sim.addFault({ path: "/cc/create_queue", kind: "drop-before" });
    await expect(send("POST", "/cc/create_queue", { qno: "0001", name: "a" })).rejects.toThrow();
    expect(sim.admin.list("queue")).toEqual([]);
    sim.addFault({ path: "/cc/create_queue", kind: "drop-after" });
    await expect(send("POST", "/cc/create_queue", { qno: "0001", name: "a" })).rejects.toThrow();
    expect(sim.admin.list("queue")).toEqual([expect.objectContaining({ qno: "0001" })]);
  });

  it("slows an answer down by the given delay", async () => {
    sim.addFault({ path: "/cc/list_queues", kind: "slow", delayMs: 300 });
    const t = Date.now();
    expect((await send("GET", "/cc/list_queues")).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(290);
  });

  it("serves state, objects, flags, log and counts over /__sim/ without a signature", async () => {
    const admin = (path: string, init?: RequestInit) =>
      fetch(`${sim.url}/__sim/${path}`, init).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as Json,
      }));
    const json = (method: string, body: unknown): RequestInit => ({
      method,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect((await admin("objects/client", json("POST", { cno: "1001", name: "a" }))).status).toBe(200);
    expect((await admin("objects/client/1001", json("PATCH", { name: "b" }))).body.object.name).toBe("b");
    expect((await admin("agents/1001/online", json("POST", { online: true }))).status).toBe(200);
    expect((await admin("state")).body.state.flags.onlineAgents).toEqual(["1001"]);
    expect((await admin("agents/9999/online", json("POST", { online: true }))).status).toBe(404);
    await send("GET", "/cc/list_clients");
    expect((await admin("counts")).body.counts["GET /cc/list_clients"]).toBe(1);
    expect((await admin("log")).body.log.at(-1)).toMatchObject({ path: "/cc/list_clients", status: 200 });
    expect((await admin("objects/client/1001", { method: "DELETE" })).status).toBe(200);
    expect((await admin("objects/client")).body.objects).toEqual([]);
  });

  it("keeps secrets out of the request log: parameter names only", async () => {
    await send("POST", "/cc/create_exten", {
      extenNumber: "8001",
      password: "log-me-not",
      areaCode: "010",
      type: 1,
      allow: 3,
    });
    const entry = sim.log().find((e) => e.path === "/cc/create_exten")!;
    expect(entry.params).toContain("password");
    expect(JSON.stringify(sim.log())).not.toContain("log-me-not");
    expect(JSON.stringify(sim.admin.list("exten"))).not.toContain("log-me-not");
  });
});
