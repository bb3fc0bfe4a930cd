/**
 * What the review knows about resources and their fields, read from the resource schemas: the
 * only module of the review that imports the schemas. Labels, code meanings and defaults are derived from
 * the schema's own text and validators, never written a second time here.
 */
import { schemas } from "../../provider/resources/schemas";

type ResourceSchema = (typeof schemas)[string];
type FieldSpec = ResourceSchema["fields"][string];

export type Lifecycle = FieldSpec["lifecycle"];

/** Inputs that are bookkeeping, never a change of the server object. */
const BOOKKEEPING = new Set(["adopt", "adopted"]);

export function isKnownKind(kind: string): boolean {
  return kind in schemas;
}

/** Every field of every kind with its doc (for tests that check each label against its doc). */
export function allFields(): { kind: string; field: string; doc: string }[] {
  return Object.entries(schemas).flatMap(([kind, s]) =>
    Object.entries(s.fields).map(([field, f]) => ({ kind, field, doc: f.doc })),
  );
}

/** The kinds in the schemas' own order (the order the review groups by). */
export function knownKinds(): string[] {
  return Object.keys(schemas);
}

export function vendorTerm(kind: string): string | undefined {
  return schemas[kind]?.vendorTerm;
}

export function idFields(kind: string): string[] {
  return schemas[kind]?.idFields ?? [];
}

function spec(kind: string, field: string): FieldSpec | undefined {
  return schemas[kind]?.fields[field];
}

export function isBookkeeping(field: string): boolean {
  return field.startsWith("__") || BOOKKEEPING.has(field);
}

/** A partly declared object (`partialKeys`: an agent's permission): only its declared keys are managed. */
export function isPartlyDeclared(kind: string, field: string): boolean {
  return spec(kind, field)?.partialKeys === true;
}

/** A resource option (forceOfflineOnDelete): kept in the inputs, never sent to the API. */
function isOption(kind: string, field: string): boolean {
  return schemas[kind]?.options?.[field] !== undefined;
}

/** A secret or write-only field (passwords): its value is never printed, only that it changed. */
export function isSecretField(kind: string, field: string): boolean {
  const f = spec(kind, field);
  return f !== undefined && (f.secret === true || f.writeOnly === true);
}

/** The kind's secret fields. */
export function secretFields(kind: string): string[] {
  return Object.keys(schemas[kind]?.fields ?? {}).filter((f) => isSecretField(kind, f));
}

export function lifecycle(kind: string, field: string): Lifecycle | undefined {
  return spec(kind, field)?.lifecycle;
}

/**
 * The leading phrase of a doc: up to the first ':', '.', ',' or ';' outside parentheses, kept
 * through the last closing parenthesis before it ("Agent ring timeout (座席超时时间) in seconds,
 * 20-60" → "Agent ring timeout (座席超时时间)").
 */
export function leadingPhrase(doc: string): string {
  let depth = 0;
  let end = doc.length;
  for (let i = 0; i < doc.length; i++) {
    const c = doc[i];
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0 && /[:.,;]/.test(c) && !/\d/.test(doc[i + 1] ?? "")) {
      end = i;
      break;
    }
  }
  const head = doc.slice(0, end);
  const close = head.lastIndexOf(")");
  return (close > 0 ? head.slice(0, close + 1) : head).trim();
}

/** The field's label: its doc's leading phrase; the field name where the doc opens otherwise. */
export function fieldLabel(kind: string, field: string): string {
  if (isOption(kind, field)) return `option ${field}`;
  const doc = spec(kind, field)?.doc;
  if (doc === undefined) return field;
  // "Deprecated by the vendor (字段废弃): use ..." names no field.
  if (/^deprecated\b/i.test(doc)) return `${field} (deprecated)`;
  return leadingPhrase(doc) || field;
}

/**
 * The label of one key of an object field, from the field's doc where it lists the keys
 * ("...: asr speech-to-text (语音转写), default 0; call outbound calling (外呼权限), ...").
 */
export function keyLabel(kind: string, field: string, key: string): string {
  const doc = spec(kind, field)?.doc ?? "";
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(`(?:^|[:;]\\s)${escaped}\\s+([^;:]*?\\))`).exec(doc);
  return m ? m[1].trim() : key;
}

export interface Codes {
  /** Each code's meaning. */
  labels: Map<number, string>;
  /** The value is a sum of the codes (joinEmpty). */
  bitmask: boolean;
}

/** "1 (sequential), 2 (round robin), ..." → the pairs; one level of parentheses inside a label. */
function pairsOf(text: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of text.matchAll(/(-?\d+) \(((?:[^()]|\([^()]*\))*)\)/g)) out.set(Number(m[1]), m[2]);
  return out;
}

/**
 * The meaning of a field's integer codes. The schema's validators say them in their refusal
 * ("must be one of 0 (agent), 1 (supervisor)", "must be a sum of 1 (paused), ..."), so the review
 * asks the validator with a value nothing accepts. `key` is one key of an object field.
 */
export function codesOf(kind: string, field: string, key?: string): Codes | undefined {
  const at = `${kind}\u0000${field}\u0000${key ?? ""}`;
  if (!codeCache.has(at)) codeCache.set(at, probeCodes(kind, field, key));
  return codeCache.get(at);
}

const codeCache = new Map<string, Codes | undefined>();

function probeCodes(kind: string, field: string, key?: string): Codes | undefined {
  const f = spec(kind, field);
  if (!f) return undefined;
  const probe = "\u0000";
  const result = f.schema.safeParse(key === undefined ? probe : { [key]: probe });
  if (result.success) return undefined;
  const issue = key === undefined ? result.error.issues[0] : result.error.issues.find((i) => String(i.path[0]) === key);
  const message = issue?.message ?? "";
  if (message.startsWith("must be a sum of ")) return { labels: pairsOf(message), bitmask: true };
  const labels = pairsOf(message);
  if (message.startsWith("must be one of ") || labels.size >= 2) return { labels, bitmask: false };
  return undefined;
}

/** The meaning of one code value, or undefined. */
export function explainCode(codes: Codes | undefined, value: unknown): string | undefined {
  if (!codes || typeof value !== "number") return undefined;
  if (!codes.bitmask) return codes.labels.get(value);
  if (value === 0) return "none";
  const parts = [...codes.labels].filter(([bit]) => (value & bit) !== 0).map(([, l]) => l);
  return parts.length > 0 ? parts.join(" + ") : undefined;
}

/**
 * The field's documented default in its checked form, or undefined: what a create leaves on the
 * server where the program declares nothing. An object managed key by key (permission): each key's.
 */
export function checkedDefault(kind: string, field: string): unknown {
  const f = spec(kind, field);
  if (f?.keyDefaults) return f.keyDefaults;
  if (!f || f.default === undefined) return undefined;
  const parsed = f.schema.safeParse(f.default);
  return parsed.success ? parsed.data : f.default;
}

/** Fields kept as sets in the checked inputs (keyed by element, or by a key field). */
export function isSetField(kind: string, field: string): boolean {
  return spec(kind, field)?.asList !== undefined;
}

/**
 * For a set of objects, the key field its elements are keyed by (members: "cno"); undefined for
 * a set of strings. Read from the field's own list conversion (`asList`).
 */
export function setKeyField(kind: string, field: string): string | undefined {
  const asList = spec(kind, field)?.asList;
  if (!asList) return undefined;
  const probe = "\u0000key";
  const list = asList({ [probe]: {} });
  const first = Array.isArray(list) ? (list[0] as unknown) : undefined;
  if (first === null || typeof first !== "object") return undefined;
  return Object.entries(first as Record<string, unknown>).find(([, v]) => v === probe)?.[0];
}
