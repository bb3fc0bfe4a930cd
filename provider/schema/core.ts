/**
 * The vocabulary every resource schema is written in: the field spec and the resource schema.
 * The field builders are in numbers.ts, strings.ts and sets.ts (re-exported here), their
 * descriptors in descriptor.ts.
 *
 * A resource schema lists its fields once, with everything the rest of the package needs to know
 * about each: how to validate it, its documented default, its lifecycle (what a change costs),
 * whether it is secret, whether its order matters, and how it is spelled in each API payload.
 * The provider (check/diff/create/read/update), the Resource classes and the field tables in
 * docs/ all derive from these declarations; nothing else knows a field's constraint.
 */
import type { z } from "zod";
import { allowedText } from "./descriptor";
import { descriptorOf } from "./zod-internals";

export * from "./descriptor";
export * from "./numbers";
export * from "./sets";
export * from "./strings";
export { described, descriptorOf } from "./zod-internals";

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
  /** Short English name of the field, for the review and docs ("Wrap-up time"). */
  label: string;
  /** The vendor document's term for the field ("整理时长"), shown after the label. */
  term?: string;
  /**
   * What the field means beyond its label: prose for docs and errors. The range, unit, codes and
   * default are data (the schema's descriptor, `default`): the generator writes them, so the
   * prose does not repeat them.
   */
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

/** The field's label with the vendor's term: "Wrap-up time (整理时长)". */
/** A field of `schema` by name; a name the schema lacks is the caller's bug, said plainly. */
export function fieldSpec(schema: Pick<ResourceSchema, "type" | "fields">, name: string): FieldSpec {
  const field = schema.fields[name];
  if (!field) throw new Error(`${schema.type} has no field '${name}'`);
  return field;
}

export function fieldTitle(field: Pick<FieldSpec, "label" | "term">): string {
  return field.term ? `${field.label} (${field.term})` : field.label;
}

/**
 * The field in one line for messages and docs, all from its data and prose: "Queue name (队列名称).
 * Text of 1 to 20 characters: Chinese characters, letters, digits and _."
 */
export function describeField(field: FieldSpec): string {
  const allowed = allowedText(descriptorOf(field.schema));
  return [`${fieldTitle(field)}.`, allowed, field.doc].filter((t) => t).join(" ");
}

export interface Failure {
  property: string;
  reason: string;
}

/** A list endpoint: its path and the answer key (or keys, where the document shows two) holding the rows. */
export interface ListEndpoint {
  path: string;
  key: string | string[];
  /**
   * The row field holding the natural key, when a listing without filters holds every object of
   * the kind: a preview's look-ups of new objects then ask one listing (plugin/presence.ts).
   */
  keyField?: string;
}

export interface ResourceSchema {
  /** The resource type name used in type tokens and messages, e.g. "Queue". */
  type: string;
  /**
   * The kind's list endpoint: what the exporter and the lookups page through. It lives with the
   * schema (shared core), so program-side lookups need no plugin or CLI module.
   */
  list?: ListEndpoint;
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
