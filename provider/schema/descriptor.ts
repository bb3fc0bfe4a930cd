/**
 * Field descriptors: what a field takes, as data (issue 25). Every field builder (`int`, `oneOf`,
 * `digits`, `keyedSet`, ...) attaches one to the zod schema it returns, so the review, the exporter,
 * the type writer and the docs read a field's range, unit and code meanings from here instead of
 * parsing prose or a validator's error text. Schemas written with zod directly (a computed
 * `z.number()`, an object of keys) get a structural descriptor (provider/schema/zod-internals.ts).
 */

/** One integer code with its meaning, in English and, where given, the vendor document's own words. */
export interface CodeLabel {
  value: number;
  label: string;
  /** The document's term for the code (Chinese), when it was written down. */
  term?: string;
}

/** One key of an object field, or of an object in a list. */
export interface KeyInfo {
  optional: boolean;
  /** Short English name of the key ("call recording"). */
  label?: string;
  /** The vendor's term for it ("通话录音权限"). */
  term?: string;
  /** Prose for docs (zod's `description`). */
  doc?: string;
  descriptor: Descriptor;
}

export type Descriptor =
  /** An integer in [min, max]; numeric strings are settled to numbers. */
  | { kind: "integer"; min: number; max: number; unit?: string }
  /** One of the listed integer codes; `name` is the exported constant naming them (`QueueStrategy`). */
  | { kind: "code"; codes: CodeLabel[]; name?: string }
  /** A 0/1 switch. */
  | { kind: "flag"; codes: CodeLabel[] }
  /** A sum of bit values, 0 for none. */
  | { kind: "bitmask"; codes: CodeLabel[]; name?: string }
  /** A string of digits (leading zeros kept). */
  | { kind: "digits"; minLength: number; maxLength: number; what: string }
  /** Text counted in characters; `patternText` says which characters. */
  | { kind: "text"; minLength: number; maxLength: number; patternText?: string }
  | { kind: "area code" }
  /** A string of a shape the document describes in words (a date, one of several number forms). */
  | { kind: "pattern"; patternText: string }
  /** A phone number: digits only, never masked. */
  | { kind: "phone number"; minLength: number; maxLength: number; what: string }
  | { kind: "password"; minLength: number; maxLength: number }
  /** A set of values, declared as a list; `what` names one element. */
  | { kind: "set"; element: Descriptor; what: string }
  /** A set of objects keyed by `key`, declared as a list. */
  | { kind: "keyed set"; element: Descriptor; key: string; what: string }
  // Structural descriptors, for schemas written with zod directly:
  | { kind: "object"; name?: string; keys: Record<string, KeyInfo> }
  | { kind: "list"; element: Descriptor; length?: number }
  | { kind: "union"; options: Descriptor[] }
  | { kind: "record"; value: Descriptor }
  | { kind: "literal"; values: unknown[] }
  | { kind: "number" }
  | { kind: "string" }
  | { kind: "boolean" }
  | { kind: "unknown" };

export type DescriptorKind = Descriptor["kind"];

/** The codes a field's values mean (codes, switches, bitmasks; the first option of a union that has them). */
export function codesIn(d: Descriptor | undefined): { codes: CodeLabel[]; bitmask: boolean } | undefined {
  if (!d) return undefined;
  if (d.kind === "code" || d.kind === "flag") return { codes: d.codes, bitmask: false };
  if (d.kind === "bitmask") return { codes: d.codes, bitmask: true };
  if (d.kind === "union")
    for (const o of d.options) {
      const found = codesIn(o);
      if (found) return found;
    }
  return undefined;
}

/** "0 off, 1 on"; with "; " between codes when a label holds a comma ("8 longest idle, all queues"). */
const codeList = (codes: CodeLabel[]) =>
  codes
    .map((c) => `${c.value} ${c.label}${c.term ? ` (${c.term})` : ""}`)
    .join(codes.some((c) => c.label.includes(",")) ? "; " : ", ");

/** The label of one code value, for a default shown with its meaning ("2 (round robin)"). */
export function codeLabel(d: Descriptor, value: unknown): string | undefined {
  return codesIn(d)?.bitmask === false ? codesIn(d)?.codes.find((c) => c.value === value)?.label : undefined;
}

const lengths = (min: number, max: number) => (min === max ? `${min}` : `${min} to ${max}`);

/**
 * What a field takes, as one sentence for docs and JSDoc ("An integer from 3 to 300 (seconds)."),
 * or undefined where the descriptor says nothing a reader needs (a computed number).
 */
export function allowedText(d: Descriptor): string | undefined {
  switch (d.kind) {
    case "integer":
      return `An integer from ${d.min} to ${d.max}${d.unit ? ` (${d.unit})` : ""}.`;
    case "code":
      return `One of: ${codeList(d.codes)}${d.name ? ` (${d.name})` : ""}.`;
    case "flag":
      return `${codeList(d.codes)}.`;
    case "bitmask":
      return `A sum of: ${codeList(d.codes)}${d.name ? ` (${d.name})` : ""}; 0 for none.`;
    case "digits":
      return `${lengths(d.minLength, d.maxLength)} digits as a string (${d.what}).`;
    case "text":
      return `Text of ${lengths(d.minLength, d.maxLength)} characters${d.patternText ? `: ${d.patternText}` : ""}.`;
    case "area code":
      return 'An area code: "0" then 2-3 digits.';
    case "pattern":
      return `${upper(d.patternText)}.`;
    case "phone number":
      return `${upper(d.what)}: ${lengths(d.minLength, d.maxLength)} digits, never masked.`;
    case "password":
      return `${lengths(d.minLength, d.maxLength)} characters.`;
    case "set": {
      const el = allowedText(d.element);
      return el ? `A set; each: ${lower(el)}` : `A set of ${d.what}.`;
    }
    case "keyed set":
      return `A set of ${d.what}, one per ${d.key}.`;
    case "list": {
      const el = allowedText(d.element);
      return `A list${d.length !== undefined ? ` of ${d.length}` : ""}${el ? `; each: ${lower(el)}` : "."}`;
    }
    case "union": {
      const parts = d.options.map(allowedText).filter((t): t is string => t !== undefined);
      return parts.length > 0 ? parts.map((p, i) => (i === 0 ? p : `Or: ${lower(p)}`)).join(" ") : undefined;
    }
    default:
      return undefined;
  }
}

const lower = (s: string) => (/^[A-Z](?![A-Z])/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The keys of an object field managed key by key (an agent's permission), one sentence each:
 * "record call recording (通话录音权限): 0 off, 1 inbound, 2 outbound, 3 all; server default 3."
 */
export function keysText(d: Descriptor, keyDefaults: Record<string, unknown> = {}): string[] {
  if (d.kind !== "object" || d.name === undefined) return [];
  return Object.entries(d.keys).map(([key, info]) => {
    const title = info.label ? ` ${info.label}${info.term ? ` (${info.term})` : ""}` : "";
    const codes = codesIn(info.descriptor);
    const allowed = codes ? codeList(codes.codes) : allowedText(info.descriptor);
    const dflt = key in keyDefaults ? `; server default ${JSON.stringify(keyDefaults[key])}` : "";
    return `\`${key}\`${title}${allowed ? `: ${allowed.replace(/\.$/, "")}` : ""}${dflt}.`;
  });
}
