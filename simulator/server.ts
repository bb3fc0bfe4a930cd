/**
 * The simulator's HTTP layer: sockets, authentication (doc 2.1), rate limiting (doc 2.6), faults,
 * the request log, the admin API under /__sim/ and persistence. It never interprets a Clink
 * payload: the enterprise model (domain/) does (see contract.ts).
 */
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { decodePairs, verify } from "./auth";
import { AdminError, type Enterprise, type EnterpriseAdmin, type Seed } from "./contract";
import { createEnterprise } from "./domain";
import { Faults, faultFrom, type Fault } from "./faults";
import { RateLimiter } from "./rate-limit";

export const DEFAULT_ACCESS_KEY_ID = "b1fcdc6c62be261cf97b00b25be6a2af"; // the document's example key id (doc 2.1.3)
export const DEFAULT_ACCESS_KEY_SECRET = "clink-simulator-secret";

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** @default "127.0.0.1" */
  host?: string;
  accessKeyId?: string;
  accessKeySecret?: string;
  /** Requests per second per access key and endpoint (doc 2.6: 3). 0 turns the limit off. @default 3 */
  rate?: number;
  seed?: Seed;
  /**
   * `aes` (default): agent passwords must arrive AES-encrypted under the access key secret, as
   * doc 3.1.1 `password` says and the vendor SDK sends them; `none`: plain text is taken, like a
   * tenant that does not encrypt.
   */
  passwordEncryption?: "aes" | "none";
  /**
   * Strict answers: ResourceNotFound wherever a request names an object that does not exist, also
   * where the document's own error table is empty (list_client_tels for an unknown agent, ...; see
   * README.md, Strict answers). Default: on when the environment has CLINK_SIMULATOR_STRICT=1
   * (the e2e suite and the fault soak set it), else off.
   */
  strict?: boolean;
  /** Load the state from this file when it exists; save it after every change. */
  statePath?: string;
  now?: () => number;
}

export interface LogEntry {
  at: number;
  method: string;
  path: string;
  status: number;
  code?: string;
  ms: number;
  fault?: string;
  /** The names of the parameters sent (query or body keys), never their values: passwords stay out of the log. */
  params?: string[];
}

export interface Simulator {
  url: string;
  /** Whether it answers the strict way (SimulatorOptions.strict). */
  strict: boolean;
  close(): Promise<void>;
  admin: EnterpriseAdmin;
  /** Every API request (admin calls excluded). */
  log(): LogEntry[];
  /** Accepted-and-served calls per "METHOD path" (429s and auth failures excluded). */
  counts(): Record<string, number>;
  addFault(f: Fault): void;
  clearFaults(): void;
  setRate(rate: number): void;
  reset(): void;
}

/**
 * The host forms a signature may be computed over. Doc 2.1.3 signs over the request domain
 * (请求域名, e.g. api-bj.clink.cn) without a port; the vendor SDK signs so while its HTTP client
 * sends `Host: 127.0.0.1:PORT` on a non-default port, and other clients sign the Host header as
 * sent: both are accepted.
 */
function hostForms(host: string): string[] {
  const bare = host.replace(/:\d+$/, "");
  return bare !== host ? [host, bare] : [host];
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const now = options.now ?? Date.now;
  const keys = [
    {
      accessKeyId: options.accessKeyId ?? DEFAULT_ACCESS_KEY_ID,
      accessKeySecret: options.accessKeySecret ?? DEFAULT_ACCESS_KEY_SECRET,
    },
  ];
  const loadState = () =>
    options.statePath && fs.existsSync(options.statePath)
      ? JSON.parse(fs.readFileSync(options.statePath, "utf8"))
      : undefined;
  const passwordEncryption = options.passwordEncryption ?? "aes";
  const strict = options.strict ?? process.env.CLINK_SIMULATOR_STRICT === "1";
  let enterprise: Enterprise = createEnterprise({
    seed: options.seed,
    state: loadState(),
    now,
    passwordEncryption,
    strict,
  });
  const limiter = new RateLimiter(options.rate ?? 3);
  const faults = new Faults();
  const log: LogEntry[] = [];

  const save = () => {
    if (!options.statePath) return;
    fs.mkdirSync(path.dirname(options.statePath), { recursive: true });
    const tmp = `${options.statePath}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(enterprise.exportState()));
    fs.renameSync(tmp, options.statePath);
  };
  const routes = () => enterprise.routes();

  const send = (res: ServerResponse, status: number, body: Record<string, unknown>) => {
    if (res.destroyed) return;
    const text = JSON.stringify(body);
    res.writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "content-length": Buffer.byteLength(text),
    });
    res.end(text);
  };
  const apiError = (res: ServerResponse, status: number, code: string, message: string) =>
    send(res, status, { requestId: randomUUID(), error: { code, message } });

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      req.on("error", reject);
    });

  async function handleApi(req: IncomingMessage, res: ServerResponse, rawPath: string, rawQuery: string, text: string) {
    const method = (req.method ?? "GET").toUpperCase();
    const started = now();
    const entry: LogEntry = { at: started, method, path: rawPath, status: 0, ms: 0 };
    const finish = (status: number, code?: string) => {
      entry.status = status;
      entry.code = code;
      entry.ms = now() - started;
      log.push(entry);
    };
    const fail = (status: number, code: string, message: string) => {
      apiError(res, status, code, message);
      finish(status, code);
    };

    // The vendor SDK requests `/cc/x/?...` (docs/design.md): accept it and a signature over either form.
    const normalized = rawPath.length > 1 ? rawPath.replace(/\/+$/, "") : rawPath;
    entry.path = normalized;
    const known = routes().filter((r) => r.path === normalized);
    if (known.length === 0) return fail(404, "ResourceNotFound", "请求资源不存在。");
    if (!known.some((r) => r.method === method)) return fail(405, "HttpRequestMethodNotSupported", "HTTP方法不支持。");

    const pairs = decodePairs(rawQuery);
    const denied = verify({
      method,
      hosts: hostForms(req.headers.host ?? ""),
      paths: [...new Set([normalized, rawPath])],
      pairs,
      keys,
      now: now(),
    });
    if (denied) return fail(denied.status, denied.code, denied.message);
    const keyId = pairs.find(([k]) => k === "AccessKeyId")![1];
    const accessKeySecret = keys.find((k) => k.accessKeyId === keyId)?.accessKeySecret;
    if (!limiter.admit(`${keyId} ${normalized}`, now())) return fail(429, "TooManyRequests", "请求超限");

    let body: unknown;
    if (method === "POST") {
      const type = String(req.headers["content-type"] ?? "");
      if (!/^application\/json\b/i.test(type))
        return fail(400, "HttpMediaTypeNotSupported", "HttpMediaType不支持,只支持application/json");
      if (text.trim() === "") return fail(400, "MissingRequestBody", "缺少请求body。");
      try {
        body = JSON.parse(text);
      } catch {
        return fail(400, "InvalidParameter", "请求体不是合法的JSON");
      }
    }
    const query = new URLSearchParams();
    for (const [k, v] of pairs)
      if (!["AccessKeyId", "Expires", "Timestamp", "Signature"].includes(k)) query.append(k, v);
    entry.params = [
      ...new Set([
        ...query.keys(),
        ...(body && typeof body === "object" && !Array.isArray(body) ? Object.keys(body) : []),
      ]),
    ];

    const fault = faults.take(method, normalized);
    if (fault) entry.fault = fault.kind;
    if (fault?.kind === "500")
      return fail(500, "InternalError", "发生内部错误。 重试您的请求,但如果问题仍然存在,请联系技术支持。");
    if (fault?.kind === "429") return fail(429, "TooManyRequests", "请求超限");
    // An endpoint this server (or this key) does not serve: doc 2.4.1's general answer.
    if (fault?.kind === "not-found") return fail(404, "ResourceNotFound", "请求资源不存在。");
    if (fault?.kind === "drop-before") {
      finish(0, "dropped-before");
      req.socket.destroy();
      return;
    }
    if (fault?.kind === "slow") await new Promise((r) => setTimeout(r, fault.delayMs));

    const result = enterprise.handle({ method, path: normalized, query, body, accessKeySecret });
    if (method === "POST" && result.status < 300) save();
    if (fault?.kind === "drop-after") {
      finish(0, "dropped-after");
      req.socket.destroy();
      return;
    }
    const error = (result.body as { error?: { code?: string } }).error;
    send(res, result.status, { requestId: randomUUID(), ...result.body });
    finish(result.status, error?.code);
  }

  function counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const e of log) {
      if (e.status === 429 || e.status === 401 || (e.status === 0 && e.code === "dropped-before")) continue;
      const k = `${e.method} ${e.path}`;
      out[k] = (out[k] ?? 0) + 1;
    }
    return out;
  }

  async function handleAdmin(req: IncomingMessage, res: ServerResponse, rawPath: string, text: string) {
    const method = req.method ?? "GET";
    const parts = rawPath.split("/").filter(Boolean).slice(1).map(decodeURIComponent); // drop "__sim"
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    const admin = enterprise.admin;
    const ok = (value: unknown = { ok: true }) => send(res, 200, value as Record<string, unknown>);
    const [a, b, c] = parts;
    try {
      if (method === "GET" && a === "state") return ok({ state: enterprise.exportState() });
      if (method === "POST" && a === "reset") {
        sim.reset();
        return ok();
      }
      if (a === "objects" && b) {
        if (method === "GET" && !c) return ok({ objects: admin.list(b) });
        if (method === "POST" && !c) return (ok({ object: admin.insert(b, body) }), save());
        if (method === "PATCH" && c) return (ok({ object: admin.edit(b, c, body) }), save());
        if (method === "DELETE" && c) return (admin.remove(b, c), save(), ok());
      }
      if (method === "POST" && a === "agents" && c === "online" && b)
        return (admin.setAgentOnline(b, body.online !== false), save(), ok());
      if (method === "POST" && a === "agents" && c === "state" && b)
        return (admin.setAgentState(b, String(body.state ?? "")), save(), ok());
      if (method === "GET" && a === "calls-cut") return ok({ callsCut: admin.callsCut() });
      if (method === "POST" && a === "queues" && c === "ivr" && b)
        return (admin.setQueueUsedByIvr(b, body.used !== false), save(), ok());
      if (method === "POST" && a === "extens" && c === "registered" && b)
        return (admin.setExtenRegistered(b, body.registered !== false), save(), ok());
      if (a === "faults") {
        if (method === "POST") return (faults.add(faultFrom(body)), ok());
        if (method === "DELETE") return (faults.clear(), ok());
        if (method === "GET") return ok({ faults: faults.pending() });
      }
      if (method === "GET" && a === "log") return ok({ log });
      if (method === "GET" && a === "counts") return ok({ counts: counts() });
      if (method === "POST" && a === "config") {
        if (typeof body.rate === "number") limiter.rate = body.rate;
        return ok({ rate: limiter.rate });
      }
      send(res, 404, { error: { code: "NotFound", message: `no admin route ${method} ${rawPath}` } });
    } catch (e) {
      const status = e instanceof AdminError ? e.status : 400;
      send(res, status, { error: { code: "AdminError", message: (e as Error).message } });
    }
  }

  const server = createServer((req, res) => {
    const [rawPath = "/", rawQuery = ""] = (req.url ?? "/").split("?", 2);
    readBody(req)
      .then((text) =>
        rawPath.startsWith("/__sim/") || rawPath === "/__sim"
          ? handleAdmin(req, res, rawPath, text)
          : handleApi(req, res, rawPath, rawQuery, text),
      )
      .catch(() => {
        if (!res.headersSent) apiError(res, 500, "InternalError", "发生内部错误。");
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  const sim: Simulator = {
    url: `http://${host}:${address.port}`,
    strict,
    get admin() {
      return enterprise.admin;
    },
    log: () => [...log],
    counts,
    addFault: (f) => faults.add(f),
    clearFaults: () => faults.clear(),
    setRate: (rate) => {
      limiter.rate = rate;
    },
    reset() {
      enterprise = createEnterprise({ seed: options.seed, now, passwordEncryption, strict });
      faults.clear();
      log.length = 0;
      save();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return sim;
}
