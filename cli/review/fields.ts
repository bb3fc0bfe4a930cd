/**
 * What the review knows about resources and their fields, read from the resource schemas: the
 * only module of the review that imports the schemas. Labels, code meanings and defaults are the
 * fields' own data (their `label`, `term` and descriptors), never written a second time here.
 */
import { schemas } from "../../provider/resources/schemas";
import { codesIn, descriptorOf, fieldTitle, type KeyInfo } from "../../provider/schema/core";

type ResourceSchema = (typeof schemas)[string];
type FieldSpec = ResourceSchema["fields"][string];

export type Lifecycle = FieldSpec["lifecycle"];

/** Inputs that are bookkeeping, never a change of the server object. */
const BOOKKEEPING = new Set(["adopt", "adopted"]);

export function isKnownKind(kind: string): boolean {
  return kind in schemas;
}

/** Every field of every kind with its label (for tests that check each label). */
export function allFields(): { kind: string; field: string; label: string }[] {
  return Object.entries(schemas).flatMap(([kind, s]) =>
    Object.entries(s.fields).map(([field, f]) => ({ kind, field, label: f.label })),
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

/** The field's label (`label` and `term` of its spec); the field name for what has none. */
export function fieldLabel(kind: string, field: string): string {
  if (isOption(kind, field)) return `option ${field}`;
  const f = spec(kind, field);
  return f ? fieldTitle(f) : field;
}

/** The descriptor of one key of an object field (an agent's permission.record), if the field has keys. */
function keyInfo(kind: string, field: string, key: string): KeyInfo | undefined {
  const f = spec(kind, field);
  const d = f ? descriptorOf(f.schema) : undefined;
  return d?.kind === "object" ? d.keys[key] : undefined;
}

/** The label of one key of an object field ("call recording (通话录音权限)"); the key where it has none. */
export function keyLabel(kind: string, field: string, key: string): string {
  const info = keyInfo(kind, field, key);
  return info?.label ? fieldTitle({ label: info.label, term: info.term }) : key;
}

export interface Codes {
  /** Each code's meaning. */
  labels: Map<number, string>;
  /** The value is a sum of the codes (joinEmpty). */
  bitmask: boolean;
}

/** The meaning of a field's integer codes, from its descriptor. `key` is one key of an object field. */
export function codesOf(kind: string, field: string, key?: string): Codes | undefined {
  const f = spec(kind, field);
  if (!f) return undefined;
  const found = codesIn(key === undefined ? descriptorOf(f.schema) : keyInfo(kind, field, key)?.descriptor);
  return found && { labels: new Map(found.codes.map((c) => [c.value, c.label])), bitmask: found.bitmask };
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

/** For a set of objects, the key field its elements are keyed by (members: "cno"); undefined for a set of strings. */
export function setKeyField(kind: string, field: string): string | undefined {
  const f = spec(kind, field);
  const d = f ? descriptorOf(f.schema) : undefined;
  return d?.kind === "keyed set" ? d.key : undefined;
}
