/** What a ClinkClient and one request take: the region or endpoint, credentials, pacing, retries. */
import type { Dispatcher } from "undici";
import type { PasswordEncryption } from "./password-encryption";

export type Region = "bj" | "sh";

/** Doc 2.1.1 接入地址: the public platforms. */
export const REGION_ENDPOINTS: Record<Region, string> = {
  bj: "https://api-bj.clink.cn",
  sh: "https://api-sh.clink.cn",
};

export interface ClinkClientOptions {
  /** Default: `CLINK_ACCESS_KEY_ID`. */
  accessKeyId?: string;
  /** Default: `CLINK_ACCESS_KEY_SECRET`. Never logged, never put into errors. */
  accessKeySecret?: string;
  /** `bj` or `sh` (default `CLINK_REGION`, then `bj`). Ignored when `endpoint` is set. */
  region?: Region;
  /** Base URL, e.g. `https://api-bj.clink.cn` (default `CLINK_ENDPOINT`). `http://` only for loopback. */
  endpoint?: string;
  /** Requests per second per endpoint (doc 2.6: 3). 0 disables pacing. */
  rate?: number;
  /** Signature validity, seconds (doc 2.1.2: 1..86400). @default 600, as the vendor's SDK. */
  expiresSeconds?: number;
  /** TCP/TLS connect timeout. @default 10000 */
  connectTimeoutMs?: number;
  /** Time to the answer's headers, and between body chunks. @default 30000 */
  responseTimeoutMs?: number;
  /** Retries after the first attempt for 5xx and network failures. @default 5 */
  maxRetries?: number;
  /**
   * How long one call keeps being repeated while the server answers 429 (refused before
   * processing, doc 2.4.1, so safe to repeat for every call). Default: `CLINK_RATE_LIMIT_WAIT_SECONDS`,
   * then 300 s.
   */
  rateLimitWaitMs?: number;
  /**
   * Who shares each endpoint's budget: `machine` (default: every process of this user on this
   * machine using the same budget key, through a file in the temporary directory) or `process`.
   * Default: `CLINK_RATE_BUDGET`.
   */
  rateBudget?: "machine" | "process";
  /**
   * What the budget is counted by: doc 2.6 does not say whether the limit is per access key or per
   * enterprise; an enterprise with several keys that share one limit sets one name for all of
   * them. Default: `CLINK_RATE_BUDGET_KEY`, then the access key id.
   */
  rateBudgetKey?: string;
  /**
   * A Redis URL (`redis://[:password@]host:port[/db]`, `rediss://` for TLS) where runners on
   * several machines hold one budget. Unreachable, each runner falls back to `rateBudget`.
   * Default: `CLINK_RATE_LIMIT_REDIS`.
   */
  rateLimitRedis?: string;
  /** First backoff; doubles per attempt with full jitter, capped at 8 s. @default 250 */
  backoffMs?: number;
  /**
   * How agent passwords travel (doc 3.1.1 `password`: "采用 AES加密"): `aes` (default) encrypts
   * them with a key derived from the access key secret, as the vendor SDK's AesUtil does; `none`
   * sends them as given, for a tenant that expects plain text. Default: `CLINK_PASSWORD_ENCRYPTION`.
   */
  passwordEncryption?: PasswordEncryption;
  /** For tests: the clock used to sign and pace. */
  now?: () => number;
  /** For tests: a dispatcher instead of the client's own undici Agent. */
  dispatcher?: Dispatcher;
}

export interface RequestOptions {
  /** Query parameters (GET). Arrays become `name[i]`, objects `name.key`. */
  query?: Record<string, unknown>;
  /** JSON body (POST). Not part of the signature (doc 2.1.3, POST example). */
  body?: unknown;
  /**
   * Whether repeating the call is harmless. GETs are idempotent by default; a POST is not
   * unless the caller says so (an update that sets the full object, a delete).
   */
  idempotent?: boolean;
}

/** Parsed success body: the endpoint's fields plus `requestId` (doc 2.2). */
export type ClinkResponse = Record<string, unknown> & { requestId?: string };
