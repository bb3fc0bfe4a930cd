/**
 * The vocabulary every resource schema is written in.
 *
 * A resource schema lists its fields once, with everything the rest of the package needs to know
 * about each: how to validate it, its documented default, its lifecycle (what a change costs),
 * whether it is secret, whether its order matters, and how it is spelled in each API payload.
 * The provider (check/diff/create/read/update), the Resource classes and the field tables in
 * docs/ all derive from these declarations; nothing else knows a field's constraint.
 */
import { z } from "zod";

/**
 * - `identity`: the natural key the API addresses the object by (cno, qno, extenNumber). A change
 *   replaces the object.
 * - `updatable`: accepted by create and update.
 * - `replace`: accepted by create, absent from the update endpoint: a change replaces the object.
 * - `updateOnly`: absent from create, accepted by update: create sends it with a follow-up update.
 * - `computed`: read-only, reported by the server (never declared).
 */
export type Lifecycle = "identity" | "updatable" | "replace" | "updateOnly" | "computed";

export interface ApiNames {
  /** Key in the create payload; `false` when create does not take the field. Default: the field name. */
  create?: string | false;
  /** Key in the update payload; `false` when update does not take the field. Default: the field name. */
  update?: string | false;
  /** Key in the describe answer; `false` when describe does not return it. Default: the field name. */
  read?: string | false;
}

export interface FieldSpec<T = unknown> {
  /** Validates the declared value and settles its form (numeric strings, sorted sets). */
  schema: z.ZodType<T>;
  /** English description with the vendor's term, unit, range and default, for docs and errors. */
  doc: string;
  lifecycle: Lifecycle;
  /**
   * The server-side default the document states, for docs and the cross-field rules. Never sent
   * for an undeclared field (an undeclared field is not managed), except where `requiredOnCreate`.
   */
  default?: T;
  /** Must be declared (the create endpoint requires it). */
  required?: boolean;
  /**
   * The create endpoint requires it (必填 true) though a program may leave it out: a create of an
   * undeclared one sends the documented `default`, the value the server would otherwise pick.
   */
  requiredOnCreate?: boolean;
  /**
   * The update endpoint requires it: every update call carries it, also partial follow-up updates.
   * Undeclared (or declared in part, `partialKeys`), it carries the value the server holds,
   * read just before the write.
   */
  requiredOnUpdate?: boolean;
  /**
   * Declared fields restated whenever this one is sent: the document says the server picks a
   * default for them otherwise (doc 3.4.2 update_exten, `jittBuffer`: 当开启时,语音编码类型默认为5).
   */
  sendWith?: string[];
  /**
   * An object whose keys are managed one by one (an agent's `permission`): only the declared keys
   * are compared and sent; the others keep the server's values.
   */
  partialKeys?: boolean;
  /** For `partialKeys`: each key's documented server default (docs, the exporter); never sent. */
  keyDefaults?: Record<string, unknown>;
  /**
   * The server holds one object with this value at a time (a phone is bound to one agent): a
   * replacement that keeps the value deletes the old object before creating the new one.
   */
  serverUnique?: boolean;
  /** Stored as a Pulumi secret and never printed. */
  secret?: boolean;
  /** Never comes back from describe in usable form (masked or absent): compared against the last declared value only. */
  writeOnly?: boolean;
  api?: ApiNames;
  /** Converts a describe value to the declared form (e.g. epoch ms to `yyyy-MM-dd`). */
  fromApi?: (value: unknown) => unknown;
  /**
   * Like fromApi, for values describe returns only in part (e.g. an agent's clidArea without its
   * number-group keys): merges the server's value with the previous declared one.
   */
  mergeApi?: (value: unknown, previous: unknown) => unknown;
  /** Converts a declared value to the payload form. */
  toApi?: (value: T) => unknown;
  /** For keyed sets: the list form the API takes and the outputs show (`stringsOf`, `objectsOf`). */
  asList?: (value: unknown) => unknown;
  /** A computed field the server always reports (an id): its output is never undefined. */
  alwaysReported?: boolean;
  /**
   * The TypeScript type of the output, for the generated class, when the settled form differs from
   * the declared one in a way the zod schema cannot show (a transform's result).
   */
  outputType?: string;
}

/**
 * The field never comes back from the API (a password, or a key the describe table lacks, such as
 * an agent's assignType, doc 3.1.5): drift cannot be seen, so it is sent only when declared.
 */
export function neverReported(field: FieldSpec): boolean {
  return field.lifecycle !== "computed" && (field.writeOnly === true || field.api?.read === false);
}

export interface Failure {
  property: string;
  reason: string;
}

export interface ResourceSchema {
  /** The resource type name used in type tokens and messages, e.g. "Queue". */
  type: string;
  /** The vendor's own term, e.g. "队列". */
  vendorTerm: string;
  /** What one object is called in prose: "agent", "queue", "phone". */
  noun: string;
  /** The id of a resource the center has exactly one of (idFields empty): `get` needs no id. */
  singletonId?: string;
  /** The field(s) whose values make the id. */
  idFields: string[];
  /**
   * The field sets that each name one server object (default: `[idFields]`): two resources of a
   * program with equal values for any of them are refused at preview (provider/program/one-object.ts).
   */
  uniqueKeys?: string[][];
  /** Said after the refusal of two resources for one object: how to declare it once. */
  oneObjectHint?: string;
  /** What the id is, for docs, when it is not simply the idFields (server ids, singletons). */
  idDoc?: string;
  fields: Record<string, FieldSpec>;
  /** Options this resource takes besides its fields and `adopt` (never sent to the API), with their docs. */
  options?: Record<string, string>;
  /** Cross-field rules (conditional requirements); runs only on fields that are known. */
  validate?: (inputs: Record<string, unknown>, known: (field: string) => boolean) => Failure[];
}

// ---------------------------------------------------------------------------------------------
// Field builders. Each produces a zod schema whose error message says what is allowed, so a
// failure reads "wrapupTime: must be an integer from 3 to 300 (seconds)".
// ---------------------------------------------------------------------------------------------

const settleInteger = (value: unknown): unknown =>
  typeof value === "string" && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;

/** An integer in [min, max]; numeric strings ("20") are settled to numbers. */
export function int(min: number, max: number, unit = ""): z.ZodType<number> {
  const allowed = `an integer from ${min} to ${max}${unit ? ` (${unit})` : ""}`;
  return z.preprocess(
    settleInteger,
    z
      .number({ error: `must be ${allowed}` })
      .int({ error: `must be ${allowed}` })
      .min(min, { error: `must be ${allowed}` })
      .max(max, { error: `must be ${allowed}` }),
  ) as unknown as z.ZodType<number>;
}

/**
 * Named integer codes written once: `values` are the named constants a program writes
 * (`QueueStrategy.SkillsBased`), `labels` explain each code in errors and docs (`oneOf`, `bitmask`),
 * `name` is the constant's exported name (the generated Args type the field with it; the
 * exporter writes the constant instead of the number).
 */
export interface Codes<V extends Record<string, number> = Record<string, number>> {
  readonly name: string;
  readonly values: V;
  readonly labels: Record<number, string>;
}

export function codes<const T extends Record<string, readonly [number, string]>>(
  name: string,
  def: T,
): Codes<{ readonly [K in keyof T]: T[K][0] }> {
  return {
    name,
    values: Object.fromEntries(Object.entries(def).map(([key, [code]]) => [key, code])) as {
      readonly [K in keyof T]: T[K][0];
    },
    labels: Object.fromEntries(Object.values(def).map(([code, label]) => [code, label])),
  };
}

/** The value type of a named-codes constant: `CodeOf<typeof QueueStrategy>` is 1 | 2 | ... | 14. */
export type CodeOf<V> = V[keyof V];

/**
 * Zod metadata keys naming the codes a field takes (`codes().name`), read back by `enumName` and
 * `bitmaskName`. Zod's own registry carries them, so wrapping (`.optional()`) keeps them findable.
 */
const ENUM_META = "clinkEnum";
const BITMASK_META = "clinkBitmask";

const isCodes = (v: unknown): v is Codes => typeof v === "object" && v !== null && "labels" in v && "name" in v;

/** One of the listed integer codes; `labels` (or named `codes`) explain them in errors and docs. */
export function oneOf(labelsOrCodes: Record<number, string> | Codes): z.ZodType<number> {
  const labels = isCodes(labelsOrCodes) ? labelsOrCodes.labels : labelsOrCodes;
  const values = Object.keys(labels).map(Number);
  const allowed = values.map((v) => `${v} (${labels[v]})`).join(", ");
  const schema = z.preprocess(
    settleInteger,
    z.number({ error: `must be one of ${allowed}` }).refine((v) => values.includes(v), {
      error: `must be one of ${allowed}`,
    }),
  );
  return (isCodes(labelsOrCodes)
    ? schema.meta({ [ENUM_META]: labelsOrCodes.name })
    : schema) as unknown as z.ZodType<number>;
}

/** A metadata value of a zod schema, looking through optional/nullable/default wrappers. */
function metaOf(schema: z.ZodType, key: string): unknown {
  let s: z.ZodType | undefined = schema;
  for (let depth = 0; s && depth < 8; depth++) {
    const meta = z.globalRegistry.get(s) as Record<string, unknown> | undefined;
    if (meta && key in meta) return meta[key];
    const def: { type: string; innerType?: z.ZodType } = (
      s as unknown as { _zod: { def: { type: string; innerType?: z.ZodType } } }
    )._zod.def;
    s = def.type === "optional" || def.type === "nullable" || def.type === "default" ? def.innerType : undefined;
  }
  return undefined;
}

/** The name of the named codes a field's schema takes (`QueueStrategy`), if it was built from `codes`. */
export function enumName(schema: z.ZodType): string | undefined {
  const name = metaOf(schema, ENUM_META);
  return typeof name === "string" ? name : undefined;
}

/** The name of the named codes a bitmask field adds up (`JoinEmptyState`), if it was built from `codes`. */
export function bitmaskName(schema: z.ZodType): string | undefined {
  const name = metaOf(schema, BITMASK_META);
  return typeof name === "string" ? name : undefined;
}

/** 0/1 switches, which the document writes as Integer. */
export function flag(off: string, on: string): z.ZodType<number> {
  return oneOf({ 0: off, 1: on });
}

/** A sum of bit values (e.g. joinEmpty: 1 busy + 2 talking + ...). */
export function bitmask(bitsOrCodes: Record<number, string> | Codes): z.ZodType<number> {
  const bits = isCodes(bitsOrCodes) ? bitsOrCodes.labels : bitsOrCodes;
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
  return (isCodes(bitsOrCodes)
    ? schema.meta({ [BITMASK_META]: bitsOrCodes.name })
    : schema) as unknown as z.ZodType<number>;
}

/**
 * Codes the document types as Integer but that carry leading zeros ("0001"): strings to us.
 * A number is refused rather than converted, because 0001 written as a number is already 1.
 */
export function digits(minLength: number, maxLength: number, what: string): z.ZodType<string> {
  const len = minLength === maxLength ? `${minLength}` : `${minLength} to ${maxLength}`;
  const allowed = `a string of ${len} digits (${what}), quoted so leading zeros survive`;
  return z
    .string({ error: `must be ${allowed}` })
    .regex(new RegExp(`^\\d{${minLength},${maxLength}}$`), { error: `must be ${allowed}` });
}

/**
 * Queue numbers (队列号): doc 3.2.1 create_queue `qno` says 4 digits; the vendor SDK's
 * QueueDetailModel says "默认四位数字支持3-5位" (4 by default, 3 to 5 supported). A center holding a
 * 3- or 5-digit queue must be adoptable, exportable and referable: 3 to 5 digits everywhere a qno appears.
 */
export const queueNumber = (): z.ZodType<string> => digits(3, 5, "queue number, 队列号");

/** Free text with a maximum length counted in characters (the document counts characters). */
export function text(maxLength: number, options: { minLength?: number; pattern?: RegExp; patternText?: string } = {}) {
  const min = options.minLength ?? 1;
  const what = `${options.patternText ? `${options.patternText}, ` : ""}${min} to ${maxLength} characters`;
  let s = z
    .string({ error: `must be text of ${what}` })
    .refine((v) => [...v].length >= min && [...v].length <= maxLength, { error: `must be ${what}` });
  if (options.pattern) {
    const pattern = options.pattern;
    s = s.refine((v) => pattern.test(v), { error: `must be ${what}` });
  }
  return s as z.ZodType<string>;
}

/** Chinese characters, letters, digits and underscores: the document's usual name rule. */
export const NAME_CHARS = /^[\p{Script=Han}A-Za-z0-9_]+$/u;

// ---------------------------------------------------------------------------------------------
// Unknown values. During a preview, an input computed from another resource not yet created
// arrives as this sentinel (the engine's "unknown"); it cannot be validated or compared yet.
// ---------------------------------------------------------------------------------------------

export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

/** A list whose order carries no meaning: sorted so order never shows as a diff; duplicates refused. */
export function sortedSet(item: z.ZodType<string>, what: string): z.ZodType<string[]> {
  return z
    .array(item, { error: `must be a list of ${what}` })
    .refine((list) => new Set(list).size === list.length, { error: `must name each ${what} at most once` })
    .transform((list) => [...list].sort()) as unknown as z.ZodType<string[]>;
}

// ---------------------------------------------------------------------------------------------
// Keyed sets. A set is declared as a list, but the checked inputs keep it as an object keyed by
// its elements: the engine's preview compares lists by position ("[0]: 1001 => 1002" when one
// element left), objects by key ("- 1001", "~ 1002: penalty 2 => 5"). `asList` turns the keyed
// form back into the list the API takes and the outputs show. Either form is accepted as input
// (state written before keyed sets holds lists).
// ---------------------------------------------------------------------------------------------

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

const sortedKeys = (o: Record<string, unknown>) => Object.keys(o).sort();

/** A set of strings, kept as `{ element: true }`. */
export function stringSet(item: z.ZodType<string>, what: string): z.ZodType<Record<string, true>> {
  return z.preprocess(
    (v) => (isRecord(v) ? Object.keys(v) : v),
    sortedSet(item, what).transform((list) => Object.fromEntries(list.map((k) => [k, true as const]))),
  ) as unknown as z.ZodType<Record<string, true>>;
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
  return z.preprocess(
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
  ) as unknown as z.ZodType<Record<string, Omit<T, typeof keyField>>>;
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

/** Area codes (区号): 0 then 2-3 digits, e.g. "010", "0571". */
export const areaCode = z
  .string({ error: 'must be an area code (区号): "0" then 2-3 digits, e.g. "010"' })
  .regex(/^0\d{2,3}$/, { error: 'must be an area code (区号): "0" then 2-3 digits, e.g. "010"' });

/** The characters a server (or the document) puts in place of hidden digits. */
const MASK = /[xX*]/;

/**
 * A phone number as a program declares it: digits only. Doc 2.7 says the DOCUMENT masks numbers
 * ("152xxxx8888"); the API takes and stores real numbers, so a masked value is never a declaration
 * (it would bind, list or show a number nobody has). The refusal says so, rather than "digits".
 */
export function telNumber(minLength: number, maxLength: number, what: string): z.ZodType<string> {
  const allowed = `${what}: ${minLength} to ${maxLength} digits`;
  return z
    .string({ error: `must be ${allowed}` })
    .refine((v) => !MASK.test(v), {
      error:
        `must be ${allowed}; it is masked (x, X or *): the vendor document masks numbers in its examples ` +
        "(doc 2.7), the API never does, so declare the full number",
    })
    .refine((v) => new RegExp(`^\\d{${minLength},${maxLength}}$`).test(v), { error: `must be ${allowed}` });
}

/** True when the text holds a number mask (x, X or *), as the document and number hiding show numbers. */
export const isMasked = (value: string): boolean => MASK.test(value);

/**
 * A password: 1 to 32 characters. The document names no maximum (doc 3.1.1 `password`: the
 * enterprise's rule; 3.4.1: "参见企业配置"); 32 is the simulator's, so check and server agree
 * (docs/design.md). The enterprise's own rule (its minimum length) is checked by the server.
 */
export function password(maxLength = 32): z.ZodType<string> {
  return z
    .string({ error: "must be text" })
    .refine((v) => v.length > 0 && [...v].length <= maxLength, { error: `must be 1 to ${maxLength} characters` });
}

// ---------------------------------------------------------------------------------------------
// Masked numbers. The document's example answers show phone numbers with digits replaced by
// `x` (doc 3.1.10 list_client_tels "152xxxx8888", 3.5.8 "138xxxx8888"); a server with number
// hiding (号码隐藏) answers so. A masked answer is the declared number when every shown digit
// matches: the form of a value never shows as drift.
// ---------------------------------------------------------------------------------------------

/** True when `shown` (digits with x/X/* masks) could be `declared`. */
export function masks(shown: string, declared: string): boolean {
  if (!MASK.test(shown) || shown.length !== declared.length) return false;
  return [...shown].every((c, i) => MASK.test(c) || c === declared[i]);
}

/** mergeApi for a number field: a masked answer that fits the previous declaration is that declaration. */
export function unmaskNumber(value: unknown, previous: unknown): unknown {
  return typeof value === "string" && typeof previous === "string" && masks(value, previous) ? previous : value;
}

/** mergeApi for a set of numbers: each masked element takes the one previous element it fits. */
export function unmaskNumbers(value: unknown, previous: unknown): unknown {
  const before = isRecord(previous) ? Object.keys(previous) : previous;
  if (!Array.isArray(value) || !Array.isArray(before)) return value;
  return value.map((v) => {
    if (typeof v !== "string" || !MASK.test(v)) return v;
    const fits = before.filter((p): p is string => typeof p === "string" && masks(v, p));
    return fits.length === 1 ? fits[0] : v;
  });
}
