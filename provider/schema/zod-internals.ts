/**
 * The one module that reads zod's internals (`_zod.def`): zod 4 documents no public way to walk a
 * schema's structure, so every reader goes through here (test/architecture/zod-internals.test.ts
 * refuses `_zod` anywhere else). Field builders register their descriptor here; readers ask
 * `descriptorOf`.
 *
 * Descriptors are kept in a WeakMap keyed by the schema's definition object: `.meta()` and
 * `.describe()` return a clone that shares its definition, so a described field keeps its
 * descriptor, and `.optional()` wraps it in a schema whose `innerType` leads back to it.
 */
import { z } from "zod";
import type { Descriptor, KeyInfo } from "./descriptor";

interface Def {
  type: string;
  in?: z.ZodType;
  out?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  values?: unknown[];
  checks?: { _zod: { def: { check: string; length?: number } } }[];
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const registered = new WeakMap<object, Descriptor>();

/**
 * Attaches a descriptor to a schema built by a field builder and returns it typed as the field's
 * value. zod's own composite types (a preprocess pipe, a transform) say more than the field means:
 * the builder's declared type is the one the rest of the package sees.
 */
export function described<T>(schema: z.ZodType, descriptor: Descriptor): z.ZodType<T> {
  registered.set(defOf(schema), descriptor);
  return schema as unknown as z.ZodType<T>;
}

/** zod's metadata of a schema (`.meta({...})`): its public registry, looked up by the schema itself. */
function metaOf(s: z.ZodType): Record<string, unknown> {
  return (z.globalRegistry.get(s) as Record<string, unknown> | undefined) ?? {};
}

const WRAPPERS = new Set(["optional", "nullable", "default", "readonly", "prefault", "catch"]);

/**
 * The descriptor of a field's schema: the one its builder registered, found through the wrappers
 * zod adds (`.optional()`, a preprocess or transform pipe); otherwise one read from the schema's
 * structure.
 */
export function descriptorOf(schema: z.ZodType, depth = 0): Descriptor {
  const def = defOf(schema);
  const own = registered.get(def);
  if (own) return own;
  if (depth > 16) return { kind: "unknown" };
  const next = (s: z.ZodType | undefined) => (s ? descriptorOf(s, depth + 1) : ({ kind: "unknown" } as const));
  if (WRAPPERS.has(def.type)) return next(def.innerType);
  switch (def.type) {
    case "pipe":
      // z.preprocess(fn, s) is pipe(transform, s); s.transform(fn) is pipe(s, transform): the
      // declared form is whichever side is a schema.
      return def.in && defOf(def.in).type === "transform" ? next(def.out) : next(def.in);
    case "string":
      return { kind: "string" };
    case "number":
    case "int":
      return { kind: "number" };
    case "boolean":
      return { kind: "boolean" };
    case "literal":
      return { kind: "literal", values: def.values ?? [] };
    case "array": {
      const length = def.checks?.map((c) => c._zod.def).find((c) => c.check === "length_equals")?.length;
      return { kind: "list", element: next(def.element), ...(length !== undefined ? { length } : {}) };
    }
    case "union":
      return { kind: "union", options: (def.options ?? []).map((o) => next(o)) };
    case "record":
      return { kind: "record", value: next(def.valueType) };
    case "object":
      return objectOf(schema, def, depth);
    default:
      return { kind: "unknown" };
  }
}

function objectOf(schema: z.ZodType, def: Def, depth: number): Descriptor {
  const keys: Record<string, KeyInfo> = {};
  for (const [key, s] of Object.entries(def.shape ?? {})) {
    // A key's metadata sits on the outermost schema (`.optional().meta(...)`) or just inside it.
    const inner = defOf(s).innerType;
    const meta = { ...(inner ? metaOf(inner) : {}), ...metaOf(s) };
    keys[key] = {
      optional: ["optional", "default"].includes(defOf(s).type),
      ...(typeof meta.label === "string" ? { label: meta.label } : {}),
      ...(typeof meta.term === "string" ? { term: meta.term } : {}),
      ...(typeof meta.description === "string" ? { doc: meta.description } : {}),
      descriptor: descriptorOf(s, depth + 1),
    };
  }
  const name = metaOf(schema).clinkType;
  return { kind: "object", keys, ...(typeof name === "string" ? { name } : {}) };
}
