/**
 * TypeScript types from a field's zod schema, for the generated Args and outputs. The Args side
 * is the declared form (what `check` accepts): numeric codes named by their `codes()` constant,
 * lists of `pulumi.Input`s, nested objects as named interfaces (zod metadata `clinkType`).
 */
import { z } from "zod";
import { bitmaskName, enumName } from "../../provider/schema/core";

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
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const meta = (s: z.ZodType): Record<string, unknown> =>
  (z.globalRegistry.get(s) as Record<string, unknown> | undefined) ?? {};

/** A nested object type met while typing fields: emitted once as `<name>Args` and `<name>`. */
export interface NamedObject {
  name: string;
  fields: { name: string; optional: boolean; doc?: string; schema: z.ZodType }[];
}

export type Side = "args" | "output";

export class TypeWriter {
  readonly named = new Map<string, NamedObject>();
  readonly enums = new Set<string>();

  /** The field's type, unwrapped (the caller adds `pulumi.Input<...>` / `pulumi.Output<...>`). */
  type(schema: z.ZodType, side: Side): string {
    const e = enumName(schema);
    if (e) {
      this.enums.add(e);
      return e;
    }
    if (bitmaskName(schema)) return "number";
    const def = defOf(schema);
    switch (def.type) {
      case "pipe":
        // z.preprocess(fn, s) is pipe(transform, s); s.transform(fn) is pipe(s, transform):
        // the declared form is whichever side is a schema.
        return defOf(def.in!).type === "transform" ? this.type(def.out!, side) : this.type(def.in!, side);
      case "optional":
      case "nullable":
      case "default":
      case "readonly":
        return this.type(def.innerType!, side);
      case "string":
        return "string";
      case "number":
      case "int":
        return "number";
      case "boolean":
        return "boolean";
      case "literal":
        return def.values!.map((v) => JSON.stringify(v)).join(" | ");
      case "array":
        return `${this.wrap(this.type(def.element!, side), side, true)}[]`;
      case "union":
        return [...new Set(def.options!.map((o) => this.type(o, side)))].join(" | ");
      case "record":
        return `Record<string, ${this.wrap(this.type(def.valueType!, side), side)}>`;
      case "object":
        return this.object(schema, def, side);
      default:
        return "unknown";
    }
  }

  /** `pulumi.Input<T>` on the Args side; lists and unions parenthesised where needed. */
  wrap(type: string, side: Side, element = false): string {
    if (side === "args") return `pulumi.Input<${type}>`;
    return element && /[|&]/.test(type) ? `(${type})` : type;
  }

  private object(schema: z.ZodType, def: Def, side: Side): string {
    const name = meta(schema).clinkType;
    const fields = Object.entries(def.shape!).map(([key, s]) => ({
      name: key,
      optional: ["optional", "default"].includes(defOf(s).type),
      doc:
        (meta(s).description as string | undefined) ??
        (meta(defOf(s).innerType ?? s).description as string | undefined),
      schema: s,
    }));
    if (typeof name === "string") {
      if (!this.named.has(name)) {
        this.named.set(name, { name, fields });
        // Type the members now so the enums they use are imported.
        for (const f of fields) this.type(f.schema, side);
      }
      return side === "args" ? `${name}Args` : name;
    }
    return `{ ${fields.map((f) => `${f.name}${f.optional ? "?" : ""}: ${this.wrap(this.type(f.schema, side), side)}`).join("; ")} }`;
  }
}
