/**
 * What the engine writes per resource: the stack's state file (the file backend's
 * `.pulumi/stacks/<project>/<stack>.json`, as written, indentation included), split by resource
 * type, and within a resource by part (inputs, outputs, `__provider`, the engine's own fields).
 */
import * as fs from "node:fs";
import * as path from "node:path";

export interface KindSize {
  /** The resource type without the `pulumi-nodejs:dynamic/` prefix. */
  type: string;
  count: number;
  /** Mean bytes per resource in the file as written. */
  bytes: number;
  /** Mean bytes of `__provider` (inputs and outputs together) per resource. */
  provider: number;
  /** Mean bytes of inputs and outputs (without `__provider`) per resource. */
  props: number;
}

export interface StateSize {
  file: string;
  fileBytes: number;
  kinds: KindSize[];
}

/** The state file of the only stack in a file backend directory. */
export function stateFile(backendDir: string): string {
  const stacks = path.join(backendDir, ".pulumi", "stacks");
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".json")) found.push(p);
    }
  };
  walk(stacks);
  const [only, ...more] = found;
  if (only === undefined || more.length > 0)
    throw new Error(`expected one state file under ${stacks}, found ${found.length}`);
  return only;
}

/**
 * Bytes per resource as the file holds them: compact JSON (what the file backend writes today),
 * or indented JSON measured re-indented at its depth, should a backend write it so.
 */
export function measureState(file: string): StateSize {
  const text = fs.readFileSync(file, "utf8");
  const doc = JSON.parse(text) as { checkpoint?: { latest?: { resources?: Record<string, unknown>[] } } };
  const resources = doc.checkpoint?.latest?.resources ?? [];
  const indent = detectIndent(text);
  const sized = (v: unknown, depth: number) => Buffer.byteLength(sizedText(v, depth, indent));
  const byType = new Map<string, { count: number; bytes: number; provider: number; props: number }>();
  for (const r of resources) {
    const type = String(r.type).replace("pulumi-nodejs:dynamic/", "");
    const entry = byType.get(type) ?? { count: 0, bytes: 0, provider: 0, props: 0 };
    entry.count++;
    // Resources sit at depth 4 (root > checkpoint > latest > resources > element).
    entry.bytes += Buffer.byteLength(sizedText(r, 4, indent));
    for (const part of ["inputs", "outputs"] as const) {
      const bag = (r[part] ?? {}) as Record<string, unknown>;
      const { __provider, ...rest } = bag;
      if (__provider !== undefined) entry.provider += Buffer.byteLength(`"__provider":${JSON.stringify(__provider)},`);
      entry.props += sized(rest, 5);
    }
    byType.set(type, entry);
  }
  const kinds = [...byType.entries()].map(([type, e]) => ({
    type,
    count: e.count,
    bytes: e.bytes / e.count,
    provider: e.provider / e.count,
    props: e.props / e.count,
  }));
  return { file, fileBytes: Buffer.byteLength(text), kinds };
}

function detectIndent(text: string): number {
  const [, spaces = ""] = /\n( +)"/.exec(text) ?? [];
  return spaces.length;
}

function sizedText(v: unknown, depth: number, indent: number): string {
  if (indent === 0) return JSON.stringify(v);
  const body = JSON.stringify(v, null, indent);
  return body.replace(/\n/g, "\n" + " ".repeat(depth * indent));
}
