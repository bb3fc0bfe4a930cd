/**
 * The Clink HTTP client: signed (doc 2.1.3), paced per endpoint (doc 2.6), retried where that is
 * safe, with typed errors (doc 2.4). Knows nothing about Pulumi.
 */
import { Agent, type Dispatcher } from "undici";
import { ClinkApiError, configError } from "./errors";
import { listAll } from "./list-all";
import { MachineSlotStore } from "./machine-budget";
import { pacerFor, RequestsHalted } from "./pacer";
import { closeRedisBudgets, RedisSlotStore } from "./redis-budget";
import type { SlotStore } from "./slot-store";
import { encryptAgentPassword, type PasswordEncryption } from "./password-encryption";
import { isSealed, seal, unseal } from "./sealed";
import { flattenQuery } from "./signing";
import { send, type Outcome } from "./send";
import {
  REGION_ENDPOINTS,
  type ClinkClientOptions,
  type ClinkResponse,
  type Region,
  type RequestOptions,
} from "./options";

export { REGION_ENDPOINTS, type ClinkClientOptions, type ClinkResponse, type Region, type RequestOptions };

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);
const MAX_BACKOFF_MS = 8000;
const WINDOW_MS = 1000;
const MARGIN_MS = 25;

export class ClinkClient {
  readonly endpoint: URL;
  readonly accessKeyId: string;
  readonly rate: number;
  readonly passwordEncryption: PasswordEncryption;
  readonly #secret: string;
  readonly #opts: Required<
    Pick<
      ClinkClientOptions,
      | "expiresSeconds"
      | "maxRetries"
      | "backoffMs"
      | "rateLimitWaitMs"
      | "rateBudget"
      | "rateBudgetKey"
      | "rateLimitRedis"
    >
  >;
  readonly #responseTimeoutMs: number;
  readonly #now: () => number;
  readonly #dispatcher: Dispatcher;

  constructor(options: ClinkClientOptions = {}) {
    const env = process.env;
    const accessKeyId = options.accessKeyId ?? env.CLINK_ACCESS_KEY_ID;
    const secret = options.accessKeySecret ?? env.CLINK_ACCESS_KEY_SECRET;
    if (!accessKeyId) throw configError("No Clink access key id: set clink:accessKeyId or CLINK_ACCESS_KEY_ID.");
    if (!secret)
      throw configError(
        "No Clink access key secret: set clink:accessKeySecret (as a secret) or CLINK_ACCESS_KEY_SECRET.",
      );
    const region = (options.region ?? env.CLINK_REGION ?? "bj") as string;
    const base = options.endpoint ?? env.CLINK_ENDPOINT ?? REGION_ENDPOINTS[region as Region];
    if (!base) throw configError(`Unknown Clink region "${region}": use "bj" or "sh", or set an endpoint.`);
    let url: URL;
    try {
      url = new URL(base);
    } catch {
      throw configError(`The Clink endpoint "${base}" is not a URL.`);
    }
    if (url.protocol === "http:" && !LOOPBACK.has(url.hostname))
      throw configError(
        `Refusing plain http:// to ${url.hostname}: use https:// (plain http is allowed for loopback only).`,
      );
    if (url.protocol !== "http:" && url.protocol !== "https:")
      throw configError(`The Clink endpoint must be https:// (got ${url.protocol}).`);
    const expires = options.expiresSeconds ?? 600;
    if (!(Number.isInteger(expires) && expires >= 1 && expires <= 86400))
      throw configError("expiresSeconds must be an integer from 1 to 86400 (doc 2.1.2).");
    this.endpoint = url;
    this.accessKeyId = accessKeyId;
    this.#secret = secret;
    this.rate = options.rate ?? 3;
    const encryption = options.passwordEncryption ?? env.CLINK_PASSWORD_ENCRYPTION ?? "aes";
    if (encryption !== "aes" && encryption !== "none")
      throw configError(
        `passwordEncryption (clink:passwordEncryption / CLINK_PASSWORD_ENCRYPTION) must be "aes" or "none"; got "${encryption}".`,
      );
    this.passwordEncryption = encryption;
    const waitSeconds = env.CLINK_RATE_LIMIT_WAIT_SECONDS;
    const rateLimitWaitMs =
      options.rateLimitWaitMs ??
      (waitSeconds !== undefined && waitSeconds !== "" ? Number(waitSeconds) * 1000 : 300_000);
    if (!(Number.isFinite(rateLimitWaitMs) && rateLimitWaitMs >= 0))
      throw configError(
        `The rate-limit wait (clink:rateLimitWaitSeconds / CLINK_RATE_LIMIT_WAIT_SECONDS) must be a number of seconds, 0 or more; got "${waitSeconds}".`,
      );
    const rateBudget = options.rateBudget ?? (env.CLINK_RATE_BUDGET || "machine");
    if (rateBudget !== "machine" && rateBudget !== "process")
      throw configError(
        `The rate budget (clink:rateBudget / CLINK_RATE_BUDGET) must be "machine" or "process"; got "${rateBudget}".`,
      );
    this.#opts = {
      expiresSeconds: expires,
      maxRetries: options.maxRetries ?? 5,
      backoffMs: options.backoffMs ?? 250,
      rateLimitWaitMs,
      rateBudget,
      rateBudgetKey: options.rateBudgetKey ?? (env.CLINK_RATE_BUDGET_KEY || accessKeyId),
      rateLimitRedis: options.rateLimitRedis ?? (env.CLINK_RATE_LIMIT_REDIS || ""),
    };
    if (this.#opts.rateLimitRedis && !/^rediss?:\/\//.test(this.#opts.rateLimitRedis))
      throw configError(
        `The shared rate budget (clink:rateLimitRedis / CLINK_RATE_LIMIT_REDIS) must be a redis:// or rediss:// URL.`,
      );
    this.#responseTimeoutMs = options.responseTimeoutMs ?? 30_000;
    this.#now = options.now ?? Date.now;
    this.#dispatcher =
      options.dispatcher ??
      new Agent({
        connect: { timeout: options.connectTimeoutMs ?? 10_000 },
        headersTimeout: this.#responseTimeoutMs,
        bodyTimeout: this.#responseTimeoutMs,
        keepAliveTimeout: 10_000,
      });
  }

  /**
   * An agent password in the form create_client/update_client take (doc 3.1.1, 3.1.2 `password`):
   * AES-encrypted under the access key secret unless `passwordEncryption` is `none`. The secret
   * never leaves the client.
   */
  agentPassword(password: string): string {
    return this.passwordEncryption === "aes" ? encryptAgentPassword(password, this.#secret) : password;
  }

  /** A write-only value sealed under a key derived from the access key secret (sealed.ts). */
  seal(value: string): string {
    return isSealed(value) ? value : seal(value, this.#secret);
  }

  /** The sealed value opened; plain values pass through; undefined when sealed under another secret. */
  unseal(value: string): string | undefined {
    return isSealed(value) ? unseal(value, this.#secret) : value;
  }

  /** Keeps secrets out of `console.log(client)` and JSON dumps. */
  toJSON() {
    return { endpoint: this.endpoint.origin, accessKeyId: this.accessKeyId, rate: this.rate };
  }
  [Symbol.for("nodejs.util.inspect.custom")]() {
    return `ClinkClient ${JSON.stringify(this.toJSON())}`;
  }

  async request<T extends ClinkResponse = ClinkResponse>(
    method: "GET" | "POST",
    path: string,
    options: RequestOptions = {},
  ): Promise<T & { requestId?: string }> {
    const idempotent = options.idempotent ?? method === "GET";
    const budget = `${this.endpoint.host}|${this.#opts.rateBudgetKey}|${path}`;
    const shared = this.#opts.rateLimitRedis ? `redis:${this.#opts.rateLimitRedis}` : this.#opts.rateBudget;
    const pacer = pacerFor(`${shared}|${budget}`, {
      limit: this.rate,
      now: this.#now,
      windowMs: WINDOW_MS,
      marginMs: MARGIN_MS,
      // A slot in flight longer than any answer can take belongs to a process that died mid-request.
      inFlightLeaseMs: this.#responseTimeoutMs + WINDOW_MS,
      store: this.#store(budget),
    });
    const params = flattenQuery(options.query);
    const body = method === "POST" ? JSON.stringify(options.body ?? {}) : undefined;
    let resigned = false;
    let refusedSince: number | undefined;
    let refusals = 0;
    // 5xx and network failures have their own count: a long 429 wait must not use up their retries.
    let failures = 0;
    for (let attempt = 1; ; attempt++) {
      let release: () => void;
      try {
        release = await pacer.acquire();
      } catch (err) {
        if (!(err instanceof RequestsHalted)) throw err;
        throw new ClinkApiError({
          code: "ClientError",
          method,
          path,
          attempts: attempt,
          message: `${method} ${path} was not sent: ${err.message}`,
        });
      }
      let outcome: Outcome;
      try {
        outcome = await send(
          {
            endpoint: this.endpoint,
            accessKeyId: this.accessKeyId,
            secret: this.#secret,
            expiresSeconds: this.#opts.expiresSeconds,
            now: this.#now,
            dispatcher: this.#dispatcher,
          },
          method,
          path,
          params,
          body,
        );
      } finally {
        release();
      }
      const fail = (init: Partial<ConstructorParameters<typeof ClinkApiError>[0]>) =>
        new ClinkApiError({ code: "InternalError", message: "", method, path, attempts: attempt, ...init } as never);

      if (outcome.kind === "answer") {
        const { status, json } = outcome;
        if (status === 429) pacer.throttled();
        else pacer.accepted();
        if (status >= 200 && status < 300) return json as T & { requestId?: string };
        const code =
          json.error?.code ?? (status === 429 ? "TooManyRequests" : status >= 500 ? "InternalError" : "BadResponse");
        const vendorMessage = json.error?.message;
        const requestId = json.requestId;
        // Doc 2.4.1: SignaturesExpired is a stale timestamp or a skewed clock; a fresh signature fixes the first.
        if (code === "SignaturesExpired" && !resigned) {
          resigned = true;
          continue;
        }
        // A 429 is a refusal before processing (doc 2.4.1): repeating it is safe even for creates,
        // for as long as the wait allows (others on the same key may hold the limit for a while).
        if (status === 429) {
          const t = this.#now();
          refusedSince ??= t;
          refusals++;
          if (t - refusedSince < this.#opts.rateLimitWaitMs) {
            // The pacer spaces the repeat (pacer.ts, throttled). Without pacing, or when the server
            // says when to come back (Retry-After), a backoff of our own.
            if (pacer.limit <= 0 || outcome.retryAfterMs !== undefined)
              await sleep(Math.min(this.#backoff(Math.min(refusals, 4), outcome.retryAfterMs), MAX_BACKOFF_MS));
            continue;
          }
          throw fail({
            code,
            httpStatus: status,
            requestId,
            vendorMessage,
            retryable: true,
            message:
              `${method} ${path} failed: ${code}` +
              (vendorMessage ? ` (${vendorMessage})` : "") +
              ` [HTTP 429${requestId ? `, requestId ${requestId}` : ""}]: refused ${refusals} time${refusals === 1 ? "" : "s"} over ${Math.round((t - refusedSince) / 1000)} s. ` +
              pacer.competition() +
              ` Run fewer stacks on this key at once, share one budget (docs/large-centers.md), or wait longer (clink:rateLimitWaitSeconds).`,
          });
        }
        const transient = status >= 500;
        if (transient && idempotent && ++failures <= this.#opts.maxRetries) {
          await sleep(this.#backoff(failures, outcome.retryAfterMs));
          continue;
        }
        const unknown = status >= 500 && !idempotent;
        throw fail({
          code: unknown ? "OutcomeUnknown" : code,
          httpStatus: status,
          requestId,
          vendorMessage,
          retryable: transient,
          outcomeUnknown: unknown,
          message:
            `${method} ${path} failed: ${code}` +
            (vendorMessage ? ` (${vendorMessage})` : "") +
            ` [HTTP ${status}${requestId ? `, requestId ${requestId}` : ""}]` +
            (unknown
              ? `. The server failed while handling a call that is not safe to repeat: it may or may not have been applied; look the object up before trying again.`
              : transient
                ? `, after ${attempt} attempt${attempt > 1 ? "s" : ""}`
                : ""),
        });
      }

      // No answer. Before the request was written (refused, DNS), repeating is harmless.
      const safe = idempotent || !outcome.sent;
      if (safe && ++failures <= this.#opts.maxRetries) {
        await sleep(this.#backoff(failures));
        continue;
      }
      throw fail({
        code: safe ? "NetworkError" : "OutcomeUnknown",
        retryable: true,
        outcomeUnknown: !safe,
        message: safe
          ? `${method} ${path} failed: ${outcome.reason}, after ${attempt} attempt${attempt > 1 ? "s" : ""}.`
          : `${method} ${path}: ${outcome.reason} after the request was sent; it may or may not have been applied. Look the object up before trying again.`,
      });
    }
  }

  /** Every object of a list endpoint: ./list-all.ts. */
  listAll<T = Record<string, unknown>>(
    path: string,
    key: string | string[],
    query: Record<string, unknown> = {},
    limit = 100,
  ): Promise<T[]> {
    return listAll<T>(this, path, key, query, limit);
  }

  async close(): Promise<void> {
    await this.#dispatcher.close();
    if (this.#opts.rateLimitRedis) await closeRedisBudgets();
  }

  /** Where an endpoint's slots are held: Redis, this machine, or this process (pacer.ts). */
  #store(budget: string): SlotStore | undefined {
    const machine = () => new MachineSlotStore(budget, WINDOW_MS + MARGIN_MS, this.#now);
    if (this.#opts.rateLimitRedis)
      return new RedisSlotStore(
        this.#opts.rateLimitRedis,
        budget,
        this.#opts.rateBudget === "machine" ? machine : undefined,
      );
    return this.#opts.rateBudget === "machine" ? machine() : undefined;
  }

  #backoff(attempt: number, retryAfterMs?: number): number {
    const cap = Math.min(MAX_BACKOFF_MS, this.#opts.backoffMs * 2 ** (attempt - 1));
    return Math.max(retryAfterMs ?? 0, Math.random() * cap);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
