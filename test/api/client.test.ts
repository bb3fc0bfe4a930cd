import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { ClinkApiError, ClinkClient } from "../../provider/api";
import { json, type Script } from "./server";
import { scriptedClient } from "./scripted-client";
import { present } from "../support/present";

const SECRET = "test-secret-s3cr3t";
let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
});

async function setup(script: Script, opts: Partial<ConstructorParameters<typeof ClinkClient>[0]> = {}) {
  const { server, client, close } = await scriptedClient(SECRET, script, opts);
  closers.push(close);
  return { server, client };
}

async function failure(p: Promise<unknown>): Promise<ClinkApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ClinkApiError);
    return e as ClinkApiError;
  }
  throw new Error("expected a ClinkApiError");
}

function expectNoSecrets(e: unknown, signatures: string[]) {
  const dumps = [String(e), JSON.stringify(e), inspect(e, { depth: 5 }), (e as Error).stack ?? ""].join("\n");
  expect(dumps).not.toContain(SECRET);
  for (const s of signatures) {
    expect(dumps).not.toContain(s);
    expect(dumps).not.toContain(encodeURIComponent(s));
  }
}

describe("ClinkClient against a server that checks signatures the document's way", () => {
  it("GET with array and Chinese parameters is accepted", async () => {
    const { server, client } = await setup((req, res) =>
      req.signatureOk
        ? json(res, 200, { clients: [], query: req.query })
        : json(res, 401, { error: { code: "AuthFailure", message: "x" } }),
    );
    const out = await client.request("GET", "/cc/list_clients", {
      query: { cnos: ["0000", "0001"], name: "售后 (a)*~!'" },
    });
    expect(out.requestId).toMatch(/^req-/);
    const seen = present(server.seen[0], "a request at the server");
    expect(seen.signatureOk).toBe(true);
    expect(seen.query["cnos[0]"]).toBe("0000");
    expect(seen.query.name).toBe("售后 (a)*~!'");
    expect(seen.query.Expires).toBe("600");
    expect(seen.query.Timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it("POST sends the JSON body unsigned and only common parameters in the URL", async () => {
    const { server, client } = await setup((req, res) => json(res, req.signatureOk ? 200 : 401, {}));
    await client.request("POST", "/cc/create_queue", { body: { qno: "0001", name: "support" } });
    const seen = present(server.seen[0], "a request at the server");
    expect(seen.signatureOk).toBe(true);
    expect(Object.keys(seen.query).sort()).toEqual(["AccessKeyId", "Expires", "Signature", "Timestamp"]);
    expect(seen.body).toEqual({ qno: "0001", name: "support" });
  });
});

describe("errors (doc 2.4)", () => {
  const table: Array<[string, number]> = [
    ["AuthFailure", 401],
    ["InvalidParameter", 400],
    ["MissingParameter", 400],
    ["ResourceNotFound", 404],
    ["MissingRequestBody", 400],
    ["MissingAuthenticationToken", 400],
    ["HttpMediaTypeNotSupported", 400],
    ["HttpRequestMethodNotSupported", 405],
    ["UnauthorizedOperation", 403],
    ["UnknownParameter", 400],
    ["QueueExist", 400],
  ];
  it.each(table)(
    "%s (HTTP %i) becomes a ClinkApiError after one attempt, with no secret in it",
    async (code, status) => {
      const { server, client } = await setup((_req, res) =>
        json(res, status, { error: { code, message: "供应商消息" } }),
      );
      const e = await failure(client.request("GET", "/cc/describe_queue", { query: { qno: "1" } }));
      expect(e.code).toBe(code);
      expect(e.httpStatus).toBe(status);
      expect(e.requestId).toMatch(/^req-/);
      expect(e.vendorMessage).toBe("供应商消息");
      expect(e.path).toBe("/cc/describe_queue");
      expect(e.message).toContain(code);
      expect(e.message).toContain(e.requestId!);
      expect(e.retryable).toBe(false);
      expect(server.seen).toHaveLength(1);
      expectNoSecrets(
        e,
        server.seen.map((s) => s.signature),
      );
    },
  );

  it("InternalError is retried for GETs up to the limit", async () => {
    for (const [code, status] of [["InternalError", 500]] as const) {
      const { server, client } = await setup((_req, res) => json(res, status, { error: { code, message: "m" } }), {
        maxRetries: 3,
      });
      const e = await failure(client.request("GET", "/cc/list_queues"));
      expect(e.code).toBe(code);
      expect(e.retryable).toBe(true);
      expect(e.attempts).toBe(4);
      expect(server.seen).toHaveLength(4);
      expectNoSecrets(
        e,
        server.seen.map((s) => s.signature),
      );
    }
  });
});

describe("retries", () => {
  it("a GET that fails twice with 500 then succeeds returns the answer", async () => {
    const { server, client } = await setup((_req, res, n) =>
      n <= 2 ? json(res, 500, { error: { code: "InternalError", message: "m" } }) : json(res, 200, { ok: 1 }),
    );
    expect((await client.request("GET", "/cc/list_queues")).ok).toBe(1);
    expect(server.seen).toHaveLength(3);
  });

  it("a POST that gets a 500 is not repeated: the outcome is unknown", async () => {
    const { server, client } = await setup((_req, res) =>
      json(res, 500, { error: { code: "InternalError", message: "m" } }),
    );
    const e = await failure(client.request("POST", "/cc/create_queue", { body: { qno: "1" } }));
    expect(e.code).toBe("OutcomeUnknown");
    expect(e.outcomeUnknown).toBe(true);
    expect(e.message).toMatch(/may or may not have been applied/);
    expect(server.seen).toHaveLength(1);
  });

  it("a POST marked idempotent is retried on 500", async () => {
    const { server, client } = await setup((_req, res, n) =>
      n === 1 ? json(res, 500, { error: { code: "InternalError", message: "m" } }) : json(res, 200, {}),
    );
    await client.request("POST", "/cc/update_queue", { body: { qno: "1" }, idempotent: true });
    expect(server.seen).toHaveLength(2);
  });

  it("a POST refused with 429 is sent again: the server did not process it", async () => {
    const { server, client } = await setup((_req, res, n) =>
      n === 1 ? json(res, 429, { error: { code: "TooManyRequests", message: "m" } }) : json(res, 200, {}),
    );
    await client.request("POST", "/cc/create_queue", { body: { qno: "1" } });
    expect(server.seen).toHaveLength(2);
  });

  it("SignaturesExpired is re-signed once, with a new signature, then surfaces", async () => {
    const expired = { error: { code: "SignaturesExpired", message: "签名过期" } };
    const once = await setup((_req, res, n) => (n === 1 ? json(res, 403, expired) : json(res, 200, {})));
    await once.client.request("POST", "/cc/create_queue", { body: {} });
    expect(once.server.seen).toHaveLength(2);
    const always = await setup((_req, res) => json(res, 403, expired), { maxRetries: 5 });
    const e = await failure(always.client.request("GET", "/cc/list_queues"));
    expect(e.code).toBe("SignaturesExpired");
    expect(always.server.seen).toHaveLength(2);
  });

  it("a dropped connection is retried for a GET and reported as unknown outcome for a POST", async () => {
    const get = await setup((_req, res, n) => (n === 1 ? "drop" : json(res, 200, {})));
    await get.client.request("GET", "/cc/list_queues");
    expect(get.server.seen).toHaveLength(2);
    const post = await setup(() => "drop");
    const e = await failure(post.client.request("POST", "/cc/create_queue", { body: { qno: "1" } }));
    expect(e.code).toBe("OutcomeUnknown");
    expect(e.outcomeUnknown).toBe(true);
    expect(post.server.seen).toHaveLength(1);
    expectNoSecrets(
      e,
      post.server.seen.map((s) => s.signature),
    );
  });

  it("a refused connection is retried even for a POST (nothing was sent), then fails as a network error", async () => {
    const { server, client } = await setup(() => undefined, { maxRetries: 2 });
    await server.close();
    const e = await failure(client.request("POST", "/cc/create_queue", { body: {} }));
    expect(e.code).toBe("NetworkError");
    expect(e.attempts).toBe(3);
    expect(e.message).toBe(
      `POST /cc/create_queue failed: connection refused (127.0.0.1:${server.port}), after 3 attempts.`,
    );
  });

  it("names the host and the cause: DNS, TLS", async () => {
    const dns = new ClinkClient({
      accessKeyId: "k",
      accessKeySecret: SECRET,
      endpoint: "https://no-such-host.invalid",
      maxRetries: 0,
      rate: 0,
    });
    closers.push(() => dns.close());
    const e = await failure(dns.request("GET", "/cc/list_queues"));
    expect(e.code).toBe("NetworkError");
    expect(e.message).toBe("GET /cc/list_queues failed: host not found (DNS) (no-such-host.invalid), after 1 attempt.");
    // A plain-HTTP server answering a TLS client: the handshake fails.
    const { server } = await setup((_req, res) => json(res, 200, {}));
    const tls = new ClinkClient({
      accessKeyId: "k",
      accessKeySecret: SECRET,
      endpoint: `https://localhost:${server.port}`,
      maxRetries: 0,
      rate: 0,
    });
    closers.push(() => tls.close());
    const t = await failure(tls.request("GET", "/cc/list_queues"));
    expect(t.message).toMatch(new RegExp(`TLS handshake failed \\([A-Z_]+\\) \\(localhost:${server.port}\\)`));
  });

  it("times out a silent server and says so", async () => {
    const { server, client } = await setup(() => "hang", { responseTimeoutMs: 150, maxRetries: 1 });
    const e = await failure(client.request("GET", "/cc/list_queues"));
    expect(e.code).toBe("NetworkError");
    expect(e.message).toContain("response timeout");
    expect(server.seen).toHaveLength(2);
  });
});

describe("pacing (doc 2.6)", () => {
  const maxInAnyWindow = (times: number[], windowMs = 1000) =>
    Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + windowMs).length));

  it("a burst to one endpoint never puts more than 3 arrivals into any one-second window", async () => {
    const { server, client } = await setup((_req, res) => json(res, 200, {}), { rate: 3 });
    await Promise.all(Array.from({ length: 7 }, () => client.request("GET", "/cc/list_queues")));
    const at = server.seen.map((s) => s.at);
    expect(at).toHaveLength(7);
    expect(maxInAnyWindow(at)).toBe(3);
    // 7 calls at 3/s need two full windows between the first and the seventh.
    expect(present(at[6], "a seventh arrival") - present(at[0], "a first arrival")).toBeGreaterThanOrEqual(2000);
  });

  it("different endpoints do not wait on each other", async () => {
    const { server, client } = await setup((_req, res) => json(res, 200, {}), { rate: 3 });
    const paths = ["/cc/list_queues", "/cc/list_clients", "/cc/list_extens"];
    await Promise.all(paths.flatMap((p) => Array.from({ length: 3 }, () => client.request("GET", p))));
    const at = server.seen.map((s) => s.at);
    expect(at).toHaveLength(9);
    // Had they shared a window, the 4th call would have waited a full second.
    expect(Math.max(...at) - Math.min(...at)).toBeLessThan(1000);
  });

  it("is shared by every client of the process using the same key and endpoint", async () => {
    const { server, client } = await setup((_req, res) => json(res, 200, {}), { rate: 3 });
    const twin = new ClinkClient({
      accessKeyId: client.accessKeyId,
      accessKeySecret: SECRET,
      endpoint: server.url,
      rate: 3,
    });
    closers.push(() => twin.close());
    await Promise.all([
      ...Array.from({ length: 2 }, () => client.request("GET", "/cc/list_queues")),
      ...Array.from({ length: 2 }, () => twin.request("GET", "/cc/list_queues")),
    ]);
    const at = server.seen.map((s) => s.at);
    expect(maxInAnyWindow(at)).toBe(3);
  });
});

describe("pagination", () => {
  it("walks offset/limit pages until a short page", async () => {
    const all = Array.from({ length: 250 }, (_, i) => ({ id: i }));
    const { server, client } = await setup((req, res) => {
      const o = Number(req.query.offset);
      const l = Number(req.query.limit);
      json(res, 200, { totalCount: all.length, list: all.slice(o, o + l) });
    });
    const got = await client.listAll<{ id: number }>("/cc/list_x", "list");
    expect(got.map((x) => x.id)).toEqual(all.map((x) => x.id));
    expect(server.seen.map((s) => s.query.offset)).toEqual(["0", "100", "200"]);
    expect(server.seen.every((s) => s.query.limit === "100")).toBe(true);
  });

  it("fails clearly past the documented offset cap of 10000", async () => {
    const { client } = await setup((req, res) =>
      json(res, 200, { list: Array.from({ length: Number(req.query.limit) }, () => ({})) }),
    );
    const e = await failure(client.listAll("/cc/list_x", "list"));
    expect(e.code).toBe("ClientError");
    expect(e.message).toMatch(/offset cap of 10000/);
  });
});

describe("configuration", () => {
  it("refuses plain http except loopback", () => {
    expect(() => new ClinkClient({ accessKeyId: "a", accessKeySecret: "b", endpoint: "http://example.com" })).toThrow(
      /Refusing plain http:\/\/ to example.com/,
    );
    expect(
      () => new ClinkClient({ accessKeyId: "a", accessKeySecret: "b", endpoint: "http://localhost:1" }),
    ).not.toThrow();
  });

  it("reads CLINK_* from the environment and picks the region endpoint", () => {
    const saved = { ...process.env };
    try {
      process.env.CLINK_ACCESS_KEY_ID = "env-id";
      process.env.CLINK_ACCESS_KEY_SECRET = "env-secret";
      process.env.CLINK_REGION = "sh";
      delete process.env.CLINK_ENDPOINT;
      const c = new ClinkClient();
      expect(c.accessKeyId).toBe("env-id");
      expect(c.endpoint.origin).toBe("https://api-sh.clink.cn");
      expect(JSON.stringify(c)).not.toContain("env-secret");
      expect(inspect(c)).not.toContain("env-secret");
      delete process.env.CLINK_ACCESS_KEY_SECRET;
      expect(() => new ClinkClient()).toThrow(/CLINK_ACCESS_KEY_SECRET/);
      process.env.CLINK_ACCESS_KEY_SECRET = "x";
      process.env.CLINK_REGION = "gz";
      expect(() => new ClinkClient()).toThrow(/Unknown Clink region "gz"/);
    } finally {
      process.env = saved;
    }
  });
});
