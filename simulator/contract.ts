/**
 * The seam between the simulator's two halves:
 *
 * - the HTTP layer (`simulator/server.ts` and friends): sockets, signature checks (doc 2.1),
 *   per-key per-endpoint rate limiting (doc 2.6), fault injection, the request log, the admin
 *   API under `/__sim/`, persistence to a file, the CLI;
 * - the enterprise model (`simulator/domain/`): every endpoint of doc section 3 (and 4.2.8),
 *   its validation, server-side defaults, uniqueness, references and refusals.
 *
 * The HTTP layer never interprets a Clink payload; the model never sees a socket. That is what
 * lets the HTTP layer inject "connection dropped after the change was applied": it calls
 * `handle` and then destroys the socket instead of answering.
 *
 * Neither half may import anything from `provider/` (the schemas included): written from the document only,
 * it checks our reading of the document instead of repeating it.
 */

export type HttpMethod = "GET" | "POST";

/** A request that passed authentication and rate limiting, as the model sees it. */
export interface ApiRequest {
  method: string;
  /** Normalized path: no trailing slash, no query, e.g. "/cc/list_clients". */
  path: string;
  /** Decoded query parameters without AccessKeyId, Expires, Timestamp and Signature. */
  query: URLSearchParams;
  /** Parsed JSON body of a POST; undefined when there was none. */
  body: unknown;
  /** The secret of the access key that signed the request (agent passwords are AES-encrypted with it, doc 3.1.1). */
  accessKeySecret?: string;
}

/** The model's answer. The HTTP layer adds `requestId` to every body. */
export interface ApiResult {
  status: number;
  /** Success: the endpoint's documented fields (e.g. `{ client: {...} }`); failure: `{ error: { code, message } }`. */
  body: Record<string, unknown>;
}

export interface Route {
  method: HttpMethod;
  path: string;
}

/** Out-of-band operations for tests (drift, refusal set-ups). All throw `AdminError` on bad input. */
export interface EnterpriseAdmin {
  /** Object kinds `edit`/`remove`/`list` accept, e.g. "client", "queue", "exten", "pause", ... */
  kinds(): string[];
  list(kind: string): unknown[];
  /** Shallow-merge `patch` into the stored object (fields as describe returns them). */
  edit(kind: string, id: string, patch: Record<string, unknown>): unknown;
  remove(kind: string, id: string): void;
  /** Create an object directly, bypassing validation (e.g. an "existing" agent to adopt). */
  insert(kind: string, value: Record<string, unknown>): unknown;
  setAgentOnline(cno: string, online: boolean): void;
  /**
   * Puts an agent (logged in by this) into a doc 7.1 state: a code (IDLE, PAUSE, WRAPUP, CALLING,
   * RINGING, BUSY), a detail word (通话, 外呼振铃, ...), or END (the call ends, wrap-up 整理 begins).
   */
  setAgentState(cno: string, state: string): void;
  /** Calls cut so far: an agent calling, ringing or talking logged out by doc 4.2.8 offline_client. */
  callsCut(): number;
  setQueueUsedByIvr(qno: string, used: boolean): void;
  setExtenRegistered(extenNumber: string, registered: boolean): void;
}

export class AdminError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = "AdminError";
  }
}

export interface Enterprise {
  /** Every documented (method, path) the model serves. */
  routes(): Route[];
  /** Serve one request. Unknown paths are the HTTP layer's business (it checks `routes()`). */
  handle(req: ApiRequest): ApiResult;
  readonly admin: EnterpriseAdmin;
  /** A JSON-serializable image of the whole state, for `--state FILE` and `GET /__sim/state`. */
  exportState(): unknown;
}

/**
 * The enterprise's fixed data (doc 3.5.1 caller numbers, 3.5.2 hotlines, 3.6 IVRs and nodes,
 * 3.8 satisfaction, 3.9 voice mails, 3.10 concurrency). Every field is optional: the model has
 * documented-looking defaults. The exact shape is defined next to `createEnterprise` in
 * `simulator/domain/index.ts`, and `simulator/seed.example.json` shows one.
 */
export type Seed = Record<string, unknown>;

/** Implemented by `simulator/domain/index.ts`. `state` is a previous `exportState()`. */
export type CreateEnterprise = (options?: {
  seed?: Seed;
  state?: unknown;
  now?: () => number;
  /** `aes` (default, doc 3.1.1 `password`): agent passwords must decrypt; `none`: plain text is taken. */
  passwordEncryption?: "aes" | "none";
  /**
   * Answer ResourceNotFound wherever a request names an object that does not exist, also on the
   * endpoints whose own error table is empty (doc 2.4.1 lists ResourceNotFound for every call): the
   * strictest reading a real server may take. See simulator/README.md, Strict answers.
   */
  strict?: boolean;
}) => Enterprise;
