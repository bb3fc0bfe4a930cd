/**
 * Credentials and endpoint for the provider process, read at run time and never stored in
 * state (DESIGN.md 3): first the stack config handed to the dynamic provider's `configure`
 * (`clink:accessKeyId`, `clink:accessKeySecret`, `clink:region`, `clink:endpoint`,
 * `clink:rate`), then the `CLINK_*` environment the API client reads itself.
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
}

/** What the dynamic provider's configure hook receives (a subset of pulumi's ConfigureRequest). */
export interface ConfigSource {
  get(key: string): string | undefined;
}

let settings: ProviderSettings = {};
let client: ClinkClient | undefined;

export function configureFromStack(config: ConfigSource): void {
  const rate = config.get("clink:rate");
  const timeout = config.get("clink:responseTimeoutMs");
  const next: ProviderSettings = {
    accessKeyId: config.get("clink:accessKeyId") || undefined,
    accessKeySecret: config.get("clink:accessKeySecret") || undefined,
    region: config.get("clink:region") || undefined,
    endpoint: config.get("clink:endpoint") || undefined,
    rate: rate !== undefined && rate !== "" ? Number(rate) : undefined,
    responseTimeoutMs: timeout !== undefined && timeout !== "" ? Number(timeout) : undefined,
  };
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
  if (!client) {
    const env = process.env;
    client = new ClinkClient({
      accessKeyId: settings.accessKeyId ?? env.CLINK_ACCESS_KEY_ID,
      accessKeySecret: settings.accessKeySecret ?? env.CLINK_ACCESS_KEY_SECRET,
      region: (settings.region ?? env.CLINK_REGION) as never,
      endpoint: settings.endpoint ?? env.CLINK_ENDPOINT,
      ...(settings.rate !== undefined ? { rate: settings.rate } : {}),
      ...(settings.responseTimeoutMs !== undefined ? { responseTimeoutMs: settings.responseTimeoutMs } : {}),
    } as ConstructorParameters<typeof ClinkClient>[0]);
  }
  return client;
}
