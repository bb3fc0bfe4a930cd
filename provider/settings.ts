/**
 * Credentials and endpoint for the provider process, read at run time and never stored in
 * state (docs/design.md, Credentials): first the stack config handed to the dynamic provider's
 * `configure` (`clink:accessKeyId`, `clink:accessKeySecret`, `clink:region`, `clink:endpoint`,
 * `clink:rate`, `clink:responseTimeoutMs`, `clink:passwordEncryption`, `clink:liveAgentWaitSeconds`,
 * `clink:liveAgentWaitForWrapup`, `clink:rateLimitWaitSeconds`, `clink:rateBudget`, `clink:rateBudgetKey`,
 * `clink:rateLimitRedis`), then the `CLINK_*` environment the API client reads itself.
 */
import { ClinkClient } from "./api";

export interface ProviderSettings {
  accessKeyId?: string;
  accessKeySecret?: string;
  region?: string;
  endpoint?: string;
  /** Requests per second per endpoint (doc 2.6: 3 by default). */
  rate?: number;
  /** How long to wait for an answer before the outcome counts as unknown. @default 30000 */
  responseTimeoutMs?: number;
  /** `aes` (default) or `none`: how agent passwords travel (doc 3.1.1 `password`). */
  passwordEncryption?: string;
  /** How long one call keeps being repeated while the server answers 429. @default 300 */
  rateLimitWaitSeconds?: number;
  /** Who shares each endpoint's budget: `machine` (default) or `process`. */
  rateBudget?: string;
  /** What the budget is counted by (default: the access key id). */
  rateBudgetKey?: string;
  /** A Redis URL where runners on several machines hold one budget. */
  rateLimitRedis?: string;
  /**
   * Every create adopts an object that already exists with the same natural key (recovery after
   * an interrupted run). Default: `CLINK_ADOPT_EXISTING`.
   */
  adoptExisting?: boolean;
  /**
   * How long a step that would interrupt an agent on a call waits for the call to end (doc 7.1
   * agent_status), in seconds; 0 refuses at once. Default: `CLINK_LIVE_AGENT_WAIT_SECONDS`, then 300.
   */
  liveAgentWaitSeconds?: number;
  /** Whether an agent in wrap-up (整理) is waited for too. Default: `CLINK_LIVE_AGENT_WAIT_FOR_WRAPUP`, then true. */
  liveAgentWaitForWrapup?: boolean;
  /**
   * What a delete does when the access key may not read agent states (doc 7.1 agent_status answers
   * UnauthorizedOperation): `refuse` (default) or `proceed`, unguarded.
   */
  liveAgentUnreadable?: string;
  /** Days, hours and time zone deletes and replacements of agents, phones and queues belong in: "Mon-Fri 22:00-06:00 Asia/Shanghai". */
  changeWindow?: string;
  /** `advisory` (default: a warning) or `mandatory` (the step is refused) outside the change window. */
  changeWindowEnforcement?: string;
}

/** What the dynamic provider's configure hook receives (a subset of pulumi's ConfigureRequest). */
export interface ConfigSource {
  get(key: string): string | undefined;
}

let settings: ProviderSettings = {};
let client: ClinkClient | undefined;

/** The `clink:*` stack config as settings (also read by the lookups in the program's process). */
export function settingsFromConfig(config: ConfigSource): ProviderSettings {
  const number = (key: string) => {
    const v = config.get(key);
    return v !== undefined && v !== "" ? Number(v) : undefined;
  };
  return {
    accessKeyId: config.get("clink:accessKeyId") || undefined,
    accessKeySecret: config.get("clink:accessKeySecret") || undefined,
    region: config.get("clink:region") || undefined,
    endpoint: config.get("clink:endpoint") || undefined,
    rate: number("clink:rate"),
    responseTimeoutMs: number("clink:responseTimeoutMs"),
    passwordEncryption: config.get("clink:passwordEncryption") || undefined,
    rateLimitWaitSeconds: number("clink:rateLimitWaitSeconds"),
    rateBudget: config.get("clink:rateBudget") || undefined,
    rateBudgetKey: config.get("clink:rateBudgetKey") || undefined,
    rateLimitRedis: config.get("clink:rateLimitRedis") || undefined,
    adoptExisting: flag(config.get("clink:adoptExisting")),
    liveAgentWaitSeconds: number("clink:liveAgentWaitSeconds"),
    liveAgentWaitForWrapup: flag(config.get("clink:liveAgentWaitForWrapup")),
    liveAgentUnreadable: config.get("clink:liveAgentUnreadable") || undefined,
    changeWindow: config.get("clink:changeWindow") || undefined,
    changeWindowEnforcement: config.get("clink:changeWindowEnforcement") || undefined,
  };
}

function flag(v: string | undefined): boolean | undefined {
  if (v === undefined || v === "") return undefined;
  return ["true", "1", "yes"].includes(v.trim().toLowerCase());
}

/** Whether creates adopt existing objects: clink:adoptExisting, then CLINK_ADOPT_EXISTING. */
export function adoptExisting(): boolean {
  return settings.adoptExisting ?? flag(process.env.CLINK_ADOPT_EXISTING) ?? false;
}

/**
 * The live-agent guard's settings (provider/plugin/agent-state.ts): clink:liveAgentWaitSeconds,
 * then CLINK_LIVE_AGENT_WAIT_SECONDS, then 300 s; clink:liveAgentWaitForWrapup, then
 * CLINK_LIVE_AGENT_WAIT_FOR_WRAPUP, then true; clink:liveAgentUnreadable, then
 * CLINK_LIVE_AGENT_UNREADABLE, then "refuse". A wait that is not a whole number of seconds from 0
 * to 86400 is refused by name.
 */
export function liveAgentWait(): { seconds: number; wrapup: boolean; unreadable: "refuse" | "proceed" } {
  const env = process.env.CLINK_LIVE_AGENT_WAIT_SECONDS;
  const seconds =
    settings.liveAgentWaitSeconds ?? (env !== undefined && env.trim() !== "" ? Number(env) : undefined) ?? 300;
  if (!(Number.isInteger(seconds) && seconds >= 0 && seconds <= 86400))
    throw new Error(
      `clink:liveAgentWaitSeconds (or CLINK_LIVE_AGENT_WAIT_SECONDS) must be a whole number of seconds from 0 to 86400; got ${String(
        settings.liveAgentWaitSeconds ?? env,
      )}.`,
    );
  const wrapup = settings.liveAgentWaitForWrapup ?? flag(process.env.CLINK_LIVE_AGENT_WAIT_FOR_WRAPUP) ?? true;
  const unreadable = settings.liveAgentUnreadable ?? (process.env.CLINK_LIVE_AGENT_UNREADABLE || "refuse");
  if (unreadable !== "refuse" && unreadable !== "proceed")
    throw new Error(
      `clink:liveAgentUnreadable (or CLINK_LIVE_AGENT_UNREADABLE) must be "refuse" or "proceed"; got "${unreadable}".`,
    );
  return { seconds, wrapup, unreadable };
}

/**
 * The change window as written (provider/plugin/change-window.ts reads it): clink:changeWindow, then
 * CLINK_CHANGE_WINDOW; undefined when none is set. Enforcement: clink:changeWindowEnforcement,
 * then CLINK_CHANGE_WINDOW_ENFORCEMENT, then advisory.
 */
export function changeWindowSettings(): { text: string; enforcement: "advisory" | "mandatory" } | undefined {
  const text = settings.changeWindow ?? (process.env.CLINK_CHANGE_WINDOW || undefined);
  if (text === undefined) return undefined;
  const enforcement = settings.changeWindowEnforcement ?? process.env.CLINK_CHANGE_WINDOW_ENFORCEMENT ?? "advisory";
  if (enforcement !== "advisory" && enforcement !== "mandatory")
    throw new Error(`clink:changeWindowEnforcement must be "advisory" or "mandatory"; got "${enforcement}".`);
  return { text, enforcement };
}

/** A client from settings, the `CLINK_*` environment filling what they leave out. */
export function clientFromSettings(s: ProviderSettings): ClinkClient {
  const env = process.env;
  return new ClinkClient({
    accessKeyId: s.accessKeyId ?? env.CLINK_ACCESS_KEY_ID,
    accessKeySecret: s.accessKeySecret ?? env.CLINK_ACCESS_KEY_SECRET,
    region: (s.region ?? env.CLINK_REGION) as never,
    endpoint: s.endpoint ?? env.CLINK_ENDPOINT,
    ...(s.rate !== undefined ? { rate: s.rate } : {}),
    ...(s.responseTimeoutMs !== undefined ? { responseTimeoutMs: s.responseTimeoutMs } : {}),
    ...(s.passwordEncryption !== undefined ? { passwordEncryption: s.passwordEncryption } : {}),
    ...(s.rateLimitWaitSeconds !== undefined ? { rateLimitWaitMs: s.rateLimitWaitSeconds * 1000 } : {}),
    ...(s.rateBudget !== undefined ? { rateBudget: s.rateBudget } : {}),
    ...(s.rateBudgetKey !== undefined ? { rateBudgetKey: s.rateBudgetKey } : {}),
    ...(s.rateLimitRedis !== undefined ? { rateLimitRedis: s.rateLimitRedis } : {}),
  } as ConstructorParameters<typeof ClinkClient>[0]);
}

export function configureFromStack(config: ConfigSource): void {
  const next = settingsFromConfig(config);
  if (JSON.stringify(next) !== JSON.stringify(settings)) {
    settings = next;
    client = undefined;
  }
}

/** For tests and scripts that drive the providers directly. */
export function configureProvider(next: ProviderSettings): void {
  settings = { ...next };
  client = undefined;
}

/** One client per provider process: connections and per-endpoint pacing are shared by every resource. */
export function apiClient(): ClinkClient {
  if (!client) client = clientFromSettings(settings);
  return client;
}
