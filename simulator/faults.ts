/** Injected faults for tests: matched by path (and method), consumed one per matching request. */
/** `not-found`: ResourceNotFound (404) without touching the model, as for an endpoint the server lacks. */
export type FaultKind = "500" | "429" | "slow" | "drop-before" | "drop-after" | "not-found";

export interface Fault {
  path: string;
  method?: string;
  kind: FaultKind;
  /** How many matching requests it affects. @default 1 */
  count?: number;
  /** For "slow": the delay before answering. @default 3000 */
  delayMs?: number;
}

const KINDS: FaultKind[] = ["500", "429", "slow", "drop-before", "drop-after", "not-found"];
const isKind = (k: unknown): k is FaultKind => KINDS.includes(k as FaultKind);

/** A fault from the admin API's JSON body (`POST /__sim/faults`), its fields checked. */
export function faultFrom(body: Record<string, unknown>): Fault {
  const { path, method, kind, count, delayMs } = body;
  if (typeof path !== "string" || !isKind(kind))
    throw new Error(`a fault needs a path and a kind (${KINDS.join(", ")})`);
  const wrong = (name: string, type: string) => new Error(`a fault's ${name}, when given, must be a ${type}`);
  if (method !== undefined && typeof method !== "string") throw wrong("method", "string");
  if (count !== undefined && typeof count !== "number") throw wrong("count", "number");
  if (delayMs !== undefined && typeof delayMs !== "number") throw wrong("delayMs", "number");
  return { path, method, kind, count, delayMs };
}

export class Faults {
  private list: Array<Required<Omit<Fault, "method">> & { method?: string }> = [];

  add(f: Fault): void {
    if (!f || typeof f.path !== "string" || !KINDS.includes(f.kind))
      throw new Error(`a fault needs a path and a kind (${KINDS.join(", ")})`);
    this.list.push({
      path: f.path.replace(/\/$/, ""),
      method: f.method?.toUpperCase(),
      kind: f.kind,
      count: f.count ?? 1,
      delayMs: f.delayMs ?? 3000,
    });
  }

  clear(): void {
    this.list = [];
  }

  pending(): Fault[] {
    return this.list.map((f) => ({ ...f }));
  }

  /** The fault for this request, if any; consumes one use. */
  take(method: string, path: string): { kind: FaultKind; delayMs: number } | undefined {
    const f = this.list.find((x) => x.path === path && (!x.method || x.method === method) && x.count > 0);
    if (!f) return undefined;
    f.count -= 1;
    if (f.count <= 0) this.list = this.list.filter((x) => x !== f);
    return { kind: f.kind, delayMs: f.delayMs };
  }
}
