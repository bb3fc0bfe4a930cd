/**
 * Credentials and endpoint for the provider process, read at run time and never stored in
 * state (docs/design.md, Credentials): first the stack config handed to the dynamic provider's
 * `configure` (`clink:accessKeyId`, `clink:accessKeySecret`, `clink:region`, `clink:endpoint`,
 * `clink:rate`, `clink:responseTimeoutMs`, `clink:passwordEncryption`, `clink:rateLimitWaitSeconds`,
 * `clink:rateBudget`, `clink:rateBudgetKey`, `clink:rateLimitRedis`), then the `CLINK_*` environment the API client reads itself.
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
