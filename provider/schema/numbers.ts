/**
 * Field builders for numbers: integers in a range, named integer codes, 0/1 switches and bitmasks.
 * Each returns a zod schema whose error message says what is allowed ("wrapupTime: must be an
 * integer from 3 to 300 (seconds)") and carries its descriptor (provider/schema/descriptor.ts).
 */
import { z } from "zod";
import type { CodeLabel, Descriptor } from "./descriptor";
import { described, descriptorOf } from "./zod-internals";

export const settleInteger = (value: unknown): unknown =>
  typeof value === "string" && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;

/** An integer in [min, max]; numeric strings ("20") are settled to numbers. */
export function int(min: number, max: number, unit = ""): z.ZodType<number> {
  const allowed = `an integer from ${min} to ${max}${unit ? ` (${unit})` : ""}`;
  const schema = z.preprocess(
    settleInteger,
    z
      .number({ error: `must be ${allowed}` })
      .int({ error: `must be ${allowed}` })
      .min(min, { error: `must be ${allowed}` })
      .max(max, { error: `must be ${allowed}` }),
  );
  return described(schema, { kind: "integer", min, max, ...(unit ? { unit } : {}) });
}

/**
 * Named integer codes written once: `values` are the named constants a program writes
 * (`QueueStrategy.SkillsBased`), `labels` explain each code in errors and docs (`oneOf`, `bitmask`),
 * `list` adds the vendor's own term where the schema gives it, `name` is the constant's exported
 * name (the generated Args type the field with it; the exporter writes the constant instead of
 * the number).
 */
export interface Codes<V extends Record<string, number> = Record<string, number>> {
  readonly name: string;
  readonly values: V;
  readonly labels: Record<number, string>;
  readonly list: CodeLabel[];
}

/** `[code, English label]` or `[code, English label, the document's term]`. */
type CodeDef = readonly [number, string] | readonly [number, string, string];

export function codes<const T extends Record<string, CodeDef>>(
  name: string,
  def: T,
): Codes<{ readonly [K in keyof T]: T[K][0] }> {
  return {
    name,
    values: Object.fromEntries(Object.entries(def).map(([key, [code]]) => [key, code])) as {
      readonly [K in keyof T]: T[K][0];
    },
    labels: Object.fromEntries(Object.values(def).map(([code, label]) => [code, label])),
    list: Object.values(def).map(([value, label, term]) => ({ value, label, ...(term ? { term } : {}) })),
  };
}

/** The value type of a named-codes constant: `CodeOf<typeof QueueStrategy>` is 1 | 2 | ... | 14. */
export type CodeOf<V> = V[keyof V];

const isCodes = (v: unknown): v is Codes => typeof v === "object" && v !== null && "labels" in v && "name" in v;

const listOf = (labels: Record<number, string>): CodeLabel[] =>
  Object.entries(labels).map(([v, label]) => ({ value: Number(v), label }));

function oneOfSchema(labels: Record<number, string>) {
  const values = Object.keys(labels).map(Number);
  const allowed = values.map((v) => `${v} (${labels[v]})`).join(", ");
  return z.preprocess(
    settleInteger,
    z.number({ error: `must be one of ${allowed}` }).refine((v) => values.includes(v), {
      error: `must be one of ${allowed}`,
    }),
  );
}

/** One of the listed integer codes; `labels` (or named `codes`) explain them in errors and docs. */
export function oneOf(labelsOrCodes: Record<number, string> | Codes): z.ZodType<number> {
  const named = isCodes(labelsOrCodes) ? labelsOrCodes : undefined;
  const labels = named ? named.labels : (labelsOrCodes as Record<number, string>);
  return described(oneOfSchema(labels), {
    kind: "code",
    codes: named ? named.list : listOf(labels),
    ...(named ? { name: named.name } : {}),
  });
}

/** 0/1 switches, which the document writes as Integer. */
export function flag(off: string, on: string): z.ZodType<number> {
  const labels = { 0: off, 1: on };
  return described(oneOfSchema(labels), { kind: "flag", codes: listOf(labels) });
}

/** A sum of bit values (e.g. joinEmpty: 1 busy + 2 talking + ...). */
export function bitmask(bitsOrCodes: Record<number, string> | Codes): z.ZodType<number> {
  const named = isCodes(bitsOrCodes) ? bitsOrCodes : undefined;
  const bits = named ? named.labels : (bitsOrCodes as Record<number, string>);
  const all = Object.keys(bits)
    .map(Number)
    .reduce((a, b) => a | b, 0);
  const allowed = `a sum of ${Object.entries(bits)
    .map(([v, l]) => `${v} (${l})`)
    .join(", ")}, or 0 for none`;
  const schema = z.preprocess(
    settleInteger,
    z
      .number({ error: `must be ${allowed}` })
      .int({ error: `must be ${allowed}` })
      .refine((v) => v >= 0 && (v & ~all) === 0, { error: `must be ${allowed}` }),
  );
  return described(schema, {
    kind: "bitmask",
    codes: named ? named.list : listOf(bits),
    ...(named ? { name: named.name } : {}),
  });
}

const named = (d: Descriptor, kind: "code" | "bitmask") =>
  d.kind === kind && "name" in d ? (d.name as string | undefined) : undefined;

/** The name of the named codes a field's schema takes (`QueueStrategy`), if it was built from `codes`. */
export function enumName(schema: z.ZodType): string | undefined {
  return named(descriptorOf(schema), "code");
}

/** The name of the named codes a bitmask field adds up (`JoinEmptyState`), if it was built from `codes`. */
export function bitmaskName(schema: z.ZodType): string | undefined {
  return named(descriptorOf(schema), "bitmask");
}
