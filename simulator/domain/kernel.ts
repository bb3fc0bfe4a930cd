/**
 * The enterprise model's shared mechanics: the object store, errors as answers, parameter
 * reading and the validation vocabulary every endpoint module uses. Endpoint modules
 * (`clients.ts`, `queues.ts`, ...) register routes through `EndpointModule` and keep their
 * objects in the store under their own kind.
 *
 * Written from the vendor's API document only, so it can check our reading of it: never import provider/ or schema/.
 */
import { randomUUID } from "node:crypto";
import type { ApiRequest, ApiResult, HttpMethod } from "../contract";

/** A failed call: becomes `{ error: { code, message } }` with `status` (doc 2.2, 2.4). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiFailure";
  }
}

/** Doc 2.4.1 common client errors. */
export const fail = {
  invalid: (message: string) => new ApiFailure(400, "InvalidParameter", message),
  missing: (field: string) => new ApiFailure(400, "MissingParameter", `缺少必需参数: ${field}`),
  notFound: (message = "指定的资源不存在") => new ApiFailure(404, "ResourceNotFound", message),
  /**
   * Strict answers only (Ctx.strict): a named object that does not exist, on an endpoint that
   * answers an empty result otherwise. Doc 2.4.1: ResourceNotFound, HTTP 404, for any call.
   */
  strictlyNotFound: (ctx: { strict: boolean }, missing: boolean, message = "指定的资源不存在") => {
    if (ctx.strict && missing) throw new ApiFailure(404, "ResourceNotFound", message);
  },
  /** Endpoint-specific codes with the status the endpoint's error table gives. */
  code: (status: number, code: string, message: string) => new ApiFailure(status, code, message),
};

export type Obj = Record<string, unknown>;

/** Objects by kind, then by id (string). Insertion order is kept, which is the list order. */
export class Store {
  private readonly kinds = new Map<string, Map<string, Obj>>();
  private readonly counters = new Map<string, number>();

  table(kind: string): Map<string, Obj> {
    let t = this.kinds.get(kind);
    if (!t) {
      t = new Map();
      this.kinds.set(kind, t);
    }
    return t;
  }

  /** Server-assigned numeric ids (pauses, dynamic tel groups, ...), never reused. */
  nextId(kind: string): number {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return n;
  }

  kindNames(): string[] {
    return [...this.kinds.keys()];
  }

  export(): { kinds: Record<string, Array<[string, Obj]>>; counters: Record<string, number> } {
    const kinds: Record<string, Array<[string, Obj]>> = {};
    for (const [k, t] of this.kinds) kinds[k] = [...t.entries()];
    return { kinds, counters: Object.fromEntries(this.counters) };
  }

  static import(state: unknown): Store {
    const s = new Store();
    const st = state as { kinds?: Record<string, Array<[string, Obj]>>; counters?: Record<string, number> } | undefined;
    for (const [k, entries] of Object.entries(st?.kinds ?? {})) s.kinds.set(k, new Map(entries));
    for (const [k, n] of Object.entries(st?.counters ?? {})) s.counters.set(k, n);
    return s;
  }
}

/** Seed data: the enterprise's fixed configuration (see `seed.ts`). */
export interface SeedData {
  enterpriseId: number;
  /** 3.5.1 caller numbers (外显号码). */
  clids: string[];
  /** 3.5.2 hotlines. */
  hotlines: string[];
  /** Doc 3.1.1 `cloudNumberModes`: cloudNumber* agent settings fail unless the enterprise has cloud-phone calling. */
  cloudNumberEnabled: boolean;
  /** Doc 3.1.7 ClientTelVerification: with voice verification on, a mobile or landline must be verified before binding. */
  telVerification: boolean;
  /** Doc 3.1.1 `password` ("默认长度为 8 位"): the enterprise's password rule, as a minimum length. */
  passwordMinLength: number;
  /** Doc 3.4.1 `password` ("密码规则参见企业配置"): the phone password rule, as a minimum length. */
  extenPasswordMinLength: number;
  /** Doc 3.4.1 notes: the phone quota is (phone agents + PC agents) * 3; the seed states it directly. */
  extenLimit: number;
  /** 3.6.1 IVRs and 3.6.2 their nodes. */
  ivrs: Obj[];
  ivrNodes: Obj[];
  /** 3.8.1 satisfaction setting, 3.8.2 templates. */
  satisfaction: Obj;
  satisfactionTemplates: Obj[];
  /** 3.9.1 voice mails. */
  voiceMails: Obj[];
  /** 3.10.1 concurrency. */
  concurrency: Obj;
  /** Area codes by number prefix for 3.5.4 (prefix -> { province, city, areaCode }). */
  areaCodes: Record<string, Obj>;
}

export interface Ctx {
  store: Store;
  seed: SeedData;
  now(): number;
  /** Flags set through the admin API: online agents, queues an IVR routes to, registered phones. */
  flags: Flags;
  /** How agent passwords arrive (doc 3.1.1 `password`: AES-encrypted). */
  passwordEncryption: "aes" | "none";
  /** Strict answers (contract.ts `strict`): ResourceNotFound for a named object that does not exist. */
  strict: boolean;
}

export interface Flags {
  onlineAgents: Set<string>;
  ivrQueues: Set<string>;
  registeredExtens: Set<string>;
}

export type Handler = (p: Params, ctx: Ctx, req: ApiRequest) => Obj;

export interface EndpointDef {
  method: HttpMethod;
  path: string;
  handler: Handler;
}

/**
 * One area of the document (3.1 clients, 3.2 queues, ...): its routes and the object kinds it
 * owns for the admin API (`idField` names the field used as the admin id).
 */
export interface EndpointModule {
  endpoints: EndpointDef[];
  kinds?: Record<string, { idField: string }>;
}

/**
 * The request's parameters: the query of a GET, the JSON body of a POST (doc 2.1.3: POST
 * carries only the common parameters in the URL). Typed readers validate as they read, and
 * `unknown()` rejects names the endpoint does not define (doc 2.4.1 UnknownParameter).
 */
export class Params {
  private readonly values: Obj;
  private readonly seen = new Set<string>();

  constructor(req: ApiRequest) {
    if (req.method === "GET") {
      this.values = decodeQuery(req.query);
    } else {
      if (req.body === undefined) throw new ApiFailure(400, "MissingRequestBody", "缺少请求body");
      if (typeof req.body !== "object" || req.body === null || Array.isArray(req.body))
        throw fail.invalid("请求体必须是JSON对象");
      // The vendor SDK serializes every request property, unset ones as JSON null: a server
      // that serves it takes null as absent (never UnknownParameter, never a value). The
      // document's own examples put some POST parameters in the query (3.4.1 create_exten,
      // 3.4.2 update_exten) and the SDK sends those, and its delete/setting parameters, in both
      // places: query parameters count, the body's non-null values win.
      const body = Object.fromEntries(Object.entries(req.body as Obj).filter(([, v]) => v !== null));
      this.values = { ...decodeQuery(req.query), ...body };
    }
  }

  /** Reads a nested object (one element of a list parameter) with the same rules. */
  static of(values: Obj): Params {
    return new Params({ method: "POST", path: "", query: new URLSearchParams(), body: values });
  }

  has(name: string): boolean {
    this.seen.add(name);
    const v = this.values[name];
    return v !== undefined && v !== null && v !== "";
  }

  raw(name: string): unknown {
    this.seen.add(name);
    return this.values[name];
  }

  /** All names the caller sent. */
  names(): string[] {
    return Object.keys(this.values);
  }

  str(name: string, opts: { required?: boolean; max?: number; min?: number; pattern?: RegExp; what?: string } = {}) {
    if (!this.has(name)) {
      if (opts.required) throw fail.missing(name);
      return undefined;
    }
    const v = this.values[name];
    if (typeof v !== "string" && typeof v !== "number") throw fail.invalid(`${name} 必须是字符串`);
    const s = String(v);
    const len = [...s].length;
    if (opts.max !== undefined && len > opts.max) throw fail.invalid(`${name} 长度不能超过${opts.max}`);
    if (opts.min !== undefined && len < opts.min) throw fail.invalid(`${name} 长度不能少于${opts.min}`);
    if (opts.pattern && !opts.pattern.test(s))
      throw fail.invalid(`${name} 格式不正确${opts.what ? `: ${opts.what}` : ""}`);
    return s;
  }

  int(name: string, opts: { required?: boolean; min?: number; max?: number; oneOf?: number[] } = {}) {
    if (!this.has(name)) {
      if (opts.required) throw fail.missing(name);
      return undefined;
    }
    const v = this.values[name];
    const n = typeof v === "number" ? v : typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n)) throw fail.invalid(`${name} 必须是整数`);
    if (opts.oneOf && !opts.oneOf.includes(n)) throw fail.invalid(`${name} 取值必须是 ${opts.oneOf.join(", ")} 之一`);
    if (opts.min !== undefined && n < opts.min) throw fail.invalid(`${name} 不能小于${opts.min}`);
    if (opts.max !== undefined && n > opts.max) throw fail.invalid(`${name} 不能大于${opts.max}`);
    return n;
  }

  array<T = unknown>(name: string, opts: { required?: boolean; max?: number } = {}): T[] | undefined {
    if (!this.has(name)) {
      if (opts.required) throw fail.missing(name);
      return undefined;
    }
    const v = this.values[name];
    if (!Array.isArray(v)) throw fail.invalid(`${name} 必须是数组`);
    if (opts.max !== undefined && v.length > opts.max) throw fail.invalid(`${name} 最多${opts.max}个`);
    return v as T[];
  }

  object(name: string, opts: { required?: boolean } = {}): Obj | undefined {
    if (!this.has(name)) {
      if (opts.required) throw fail.missing(name);
      return undefined;
    }
    const v = this.values[name];
    if (typeof v !== "object" || v === null || Array.isArray(v)) throw fail.invalid(`${name} 必须是对象`);
    return v as Obj;
  }

  /** Doc 2.4.1 UnknownParameter for names outside `allowed`. */
  rejectUnknown(allowed: string[]): void {
    const ok = new Set(allowed);
    for (const n of this.names()) if (!ok.has(n)) throw new ApiFailure(400, "UnknownParameter", `未知参数: ${n}`);
  }
}

/**
 * GET parameters: `a=1` stays a string; `cnos[0]=x&cnos[1]=y` (doc 2.1.3's example) becomes
 * an array; `a.b=1` becomes a nested object.
 */
export function decodeQuery(q: URLSearchParams): Obj {
  const out: Obj = {};
  const arrays = new Map<string, Array<[number, string]>>();
  for (const [k, v] of q) {
    const [, name, index] = /^([^[\]]+)\[(\d+)\]$/.exec(k) ?? [];
    if (name !== undefined && index !== undefined) {
      const list = arrays.get(name) ?? [];
      list.push([Number(index), v]);
      arrays.set(name, list);
    } else if (k.includes(".")) {
      const dot = k.indexOf(".");
      const head = k.slice(0, dot);
      const o = (out[head] as Obj | undefined) ?? {};
      o[k.slice(dot + 1)] = v;
      out[head] = o;
    } else {
      out[k] = v;
    }
  }
  for (const [k, list] of arrays) out[k] = list.sort((a, b) => a[0] - b[0]).map((e) => e[1]);
  return out;
}

/** Doc 2.2 paging: offset/limit in, pageNumber/pageSize/totalCount out. */
export function page<T>(p: Params, items: T[], opts: { maxLimit?: number; defaultLimit?: number } = {}) {
  const offset = p.int("offset", { min: 0 }) ?? 0;
  const limit = p.int("limit", { min: 1, max: opts.maxLimit ?? 100 }) ?? opts.defaultLimit ?? 10;
  return {
    pageNumber: Math.floor(offset / limit) + 1,
    pageSize: limit,
    totalCount: items.length,
    slice: items.slice(offset, offset + limit),
  };
}

export function requestId(): string {
  return randomUUID();
}

export function omit(o: Obj, keys: string[]): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(o)) if (!keys.includes(k)) out[k] = v;
  return out;
}

export function clone<T>(v: T): T {
  return structuredClone(v);
}

/** Wraps handlers: ApiFailure -> error answer; anything else -> InternalError (doc 2.4.2). */
export function answer(run: () => Obj): ApiResult {
  try {
    return { status: 200, body: run() };
  } catch (e) {
    if (e instanceof ApiFailure) return { status: e.status, body: { error: { code: e.code, message: e.message } } };
    return { status: 500, body: { error: { code: "InternalError", message: "发生内部错误" } } };
  }
}
