/**
 * Field builders for sets. A list whose order carries no meaning is sorted so order never shows
 * as a diff. A keyed set is declared as a list, but the checked inputs keep it as an object keyed
 * by its elements: the engine's preview compares lists by position ("[0]: 1001 => 1002" when one
 * element left), objects by key ("- 1001", "~ 1002: penalty 2 => 5"). `asList` turns the keyed
 * form back into the list the API takes and the outputs show. Either form is accepted as input
 * (state written before keyed sets holds lists).
 */
import { z } from "zod";
import { isMasked, masks } from "./strings";
import { described, descriptorOf } from "./zod-internals";

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

const sortedKeys = (o: Record<string, unknown>) => Object.keys(o).sort();

/** A list whose order carries no meaning: sorted so order never shows as a diff; duplicates refused. */
export function sortedSet(item: z.ZodType<string>, what: string): z.ZodType<string[]> {
  const schema = z
    .array(item, { error: `must be a list of ${what}` })
    .refine((list) => new Set(list).size === list.length, { error: `must name each ${what} at most once` })
    .transform((list) => [...list].sort());
  return described(schema, { kind: "set", element: descriptorOf(item), what });
}

/** A set of strings, kept as `{ element: true }`. */
export function stringSet(item: z.ZodType<string>, what: string): z.ZodType<Record<string, true>> {
  const schema = z.preprocess(
    (v) => (isRecord(v) ? Object.keys(v) : v),
    sortedSet(item, what).transform((list) => Object.fromEntries(list.map((k) => [k, true as const]))),
  );
  return described(schema, { kind: "set", element: descriptorOf(item), what });
}

/** The list form of a `stringSet` (sorted); other values pass through. */
export function stringsOf(value: unknown): unknown {
  return isRecord(value) ? sortedKeys(value) : value;
}

/** A set of objects keyed by `keyField`, kept as `{ key: { ...the rest } }`. */
export function keyedSet<T extends Record<string, unknown>>(
  item: z.ZodType<T>,
  keyField: keyof T & string,
  what: string,
): z.ZodType<Record<string, Omit<T, typeof keyField>>> {
  const schema = z.preprocess(
    (v) =>
      isRecord(v) ? Object.entries(v).map(([k, rest]) => ({ ...(isRecord(rest) ? rest : {}), [keyField]: k })) : v,
    z
      .array(item, { error: `must be a list of ${what}` })
      .refine((list) => new Set(list.map((m) => String(m[keyField]))).size === list.length, {
        error: `must name each ${keyField} at most once`,
      })
      .transform((list) =>
        Object.fromEntries(
          [...list]
            .sort((a, b) =>
              String(a[keyField]) < String(b[keyField]) ? -1 : String(a[keyField]) > String(b[keyField]) ? 1 : 0,
            )
            .map((m) => {
              const { [keyField]: key, ...rest } = m;
              return [String(key), rest];
            }),
        ),
      ),
  );
  return described(schema, { kind: "keyed set", element: descriptorOf(item), key: keyField, what });
}

/** The list form of a `keyedSet` (sorted by key); other values pass through. */
export function objectsOf(keyField: string): (value: unknown) => unknown {
  return (value) =>
    isRecord(value)
      ? sortedKeys(value).map((k) => ({ [keyField]: k, ...(isRecord(value[k]) ? (value[k] as object) : {}) }))
      : value;
}

/** The number of elements of a set in either form. */
export function setSize(value: unknown): number {
  return Array.isArray(value) ? value.length : isRecord(value) ? Object.keys(value).length : 0;
}

/** mergeApi for a set of numbers: each masked element takes the one previous element it fits. */
export function unmaskNumbers(value: unknown, previous: unknown): unknown {
  const before = isRecord(previous) ? Object.keys(previous) : previous;
  if (!Array.isArray(value) || !Array.isArray(before)) return value;
  return value.map((v) => {
    if (typeof v !== "string" || !isMasked(v)) return v;
    const fits = before.filter((p): p is string => typeof p === "string" && masks(v, p));
    return fits.length === 1 ? fits[0] : v;
  });
}
