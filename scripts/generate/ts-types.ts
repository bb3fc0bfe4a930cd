/**
 * TypeScript types from a field's descriptor, for the generated Args and outputs. The Args side
 * is the declared form (what `check` accepts): numeric codes named by their `codes()` constant,
 * lists of `pulumi.Input`s, nested objects as named interfaces (zod metadata `clinkType`).
 */
import type { z } from "zod";
import { descriptorOf, type Descriptor, type KeyInfo } from "../../provider/schema/core";

/** A nested object type met while typing fields: emitted once as `<name>Args` and `<name>`. */
export interface NamedObject {
  name: string;
  fields: { name: string; optional: boolean; doc?: string; descriptor: Descriptor }[];
}

export type Side = "args" | "output";

export class TypeWriter {
  readonly named = new Map<string, NamedObject>();
  readonly enums = new Set<string>();

  /** The field's type, unwrapped (the caller adds `pulumi.Input<...>` / `pulumi.Output<...>`). */
  type(schema: z.ZodType, side: Side): string {
    return this.typeOf(descriptorOf(schema), side);
  }

  typeOf(d: Descriptor, side: Side): string {
    switch (d.kind) {
      case "code":
        if (d.name) {
          this.enums.add(d.name);
          return d.name;
        }
        return "number";
      case "integer":
      case "flag":
      case "bitmask":
      case "number":
        return "number";
      case "digits":
      case "text":
      case "area code":
      case "pattern":
      case "phone number":
      case "password":
      case "string":
        return "string";
      case "boolean":
        return "boolean";
      case "literal":
        return d.values.map((v) => JSON.stringify(v)).join(" | ");
      case "set":
      case "keyed set":
      case "list":
        return `${this.wrap(this.typeOf(d.element, side), side, true)}[]`;
      case "union":
        return [...new Set(d.options.map((o) => this.typeOf(o, side)))].join(" | ");
      case "record":
        return `Record<string, ${this.wrap(this.typeOf(d.value, side), side)}>`;
      case "object":
        return this.object(d.name, d.keys, side);
      default:
        return "unknown";
    }
  }

  /** `pulumi.Input<T>` on the Args side; lists and unions parenthesised where needed. */
  wrap(type: string, side: Side, element = false): string {
    if (side === "args") return `pulumi.Input<${type}>`;
    return element && /[|&]/.test(type) ? `(${type})` : type;
  }

  private object(name: string | undefined, keys: Record<string, KeyInfo>, side: Side): string {
    const fields = Object.entries(keys).map(([key, info]) => ({
      name: key,
      optional: info.optional,
      ...(info.doc !== undefined ? { doc: info.doc } : {}),
      descriptor: info.descriptor,
    }));
    if (name !== undefined) {
      if (!this.named.has(name)) {
        this.named.set(name, { name, fields });
        // Type the members now so the enums they use are imported.
        for (const f of fields) this.typeOf(f.descriptor, side);
      }
      return side === "args" ? `${name}Args` : name;
    }
    return `{ ${fields.map((f) => `${f.name}${f.optional ? "?" : ""}: ${this.wrap(this.typeOf(f.descriptor, side), side)}`).join("; ")} }`;
  }
}
