/**
 * How the policy pack reads a resource: the engine hands it our resources' properties in two
 * forms, and some values are not known yet during a preview.
 *
 * - A resource's own check (`validateResource`) sees its checked inputs: only the declared
 *   fields (a documented default nobody declared is left out; the rules fall back to the
 *   schema's default), sets keyed (`members` as `{ cno: { penalty } }`, `qnos` as `{ qno: true }`, see
 *   docs/design.md "Sets are keyed in the checked inputs"). A field that holds an unknown value
 *   keeps its declared form (a list) with the unknown inside (provider/schema/ops.ts normalize).
 * - The stack-wide check (`validateStack`) sees each resource's outputs: for a resource a preview
 *   plans to create or update they are its checked inputs again; for an unchanged one they are
 *   the outputs in the state, where sets are lists (`asList` on the field) and, for state written
 *   before keyed sets, always were.
 *
 * So every set is read in either form, and an unknown value anywhere is reported as unknown: a
 * rule then gives no verdict it could not stand by once the value is known.
 */
import type { FieldSpec, ResourceSchema } from "../provider/schema/core";
import { UNKNOWN } from "../provider/schema/core";
import { schemas } from "../provider/resources/schemas";

/**
 * The engine sends every unknown as the string sentinel `UNKNOWN` (the one provider/schema/core.ts
 * names); @pulumi/policy knows six more, one per type, which the Node SDK writes. Any of them is unknown here.
 */
const SENTINELS = new Set([
  UNKNOWN,
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  "030794c1-ac77-496b-92df-f27374a8bd58",
  "e48ece36-62e2-4504-bad9-02848725956a",
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

export const isUnknown = (v: unknown): boolean => typeof v === "string" && SENTINELS.has(v);

/** A value that is not known during this preview. */
export const Unknown: unique symbol = Symbol("unknown");
export type Maybe<T> = T | typeof Unknown;

/** The type token the engine gives a resource of ours: `pulumi-nodejs:dynamic/clink:Queue`. */
export const tokenOf = (type: string): string => `pulumi-nodejs:dynamic/clink:${type}`;

/** The resource type (`Queue`) of one of our type tokens; undefined for anything else. */
export function typeOfToken(token: string): string | undefined {
  const prefix = tokenOf("");
  if (!token.startsWith(prefix)) return undefined;
  const type = token.slice(prefix.length);
  return type in schemas ? type : undefined;
}

/** One of our resources as the rules see it: its properties as plain data, unknowns as sentinels. */
export interface ClinkResource {
  /** The resource type as the schemas name it (`Queue`). */
  type: string;
  /** The resource's name in the program (`support`). */
  name: string;
  urn: string;
  props: Record<string, unknown>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * The properties @pulumi/policy hands a policy are wrapped in a proxy that throws on reading an
 * unknown value (its `unknownCheckingProxy`), which would turn every rule touching one into a
 * "can't run during preview" note. The proxy traps only property reads: the descriptors hold the
 * raw values (and nested objects unwrapped), which the readers below check for unknowns themselves.
 */
export function plainProps(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(props)) out[key] = Object.getOwnPropertyDescriptor(props, key)?.value;
  return out;
}

export function fieldSpec(type: string, field: string): FieldSpec {
  const spec = (schemas[type] as ResourceSchema | undefined)?.fields[field];
  if (!spec) throw new Error(`policy: ${type} has no field '${field}' in its schema`);
  return spec;
}

/**
 * A field's value: the declared one, else the documented default the server applies (the
 * schema's `default`), `Unknown` when not known yet, undefined when neither declared nor defaulted.
 */
export function valueOf(r: ClinkResource, field: string): Maybe<unknown> {
  const spec = fieldSpec(r.type, field);
  const v = r.props[field];
  if (v === undefined || v === null) return spec.default;
  return containsUnknownValue(v) ? Unknown : v;
}

function containsUnknownValue(v: unknown): boolean {
  if (isUnknown(v)) return true;
  if (Array.isArray(v)) return v.some(containsUnknownValue);
  if (isRecord(v)) return Object.entries(v).some(([k, x]) => isUnknown(k) || containsUnknownValue(x));
  return false;
}

/** An integer field (numeric strings settled, as check does): undefined when absent and without default. */
export function intOf(r: ClinkResource, field: string): Maybe<number | undefined> {
  const v = valueOf(r, field);
  if (v === Unknown || v === undefined) return v;
  const n = typeof v === "string" && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
  return typeof n === "number" && Number.isInteger(n) ? n : undefined;
}

/** A text field: undefined when absent. */
export function textOf(r: ClinkResource, field: string): Maybe<string | undefined> {
  const v = valueOf(r, field);
  if (v === Unknown || v === undefined) return v;
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
}

/** The elements of a set, in either form: known keys, and how many elements are not known yet. */
export interface SetRead {
  keys: string[];
  unknownElements: number;
}

/**
 * A set field (`stringSet` or `keyedSet` in provider/schema/core.ts) in any form it reaches a
 * policy: keyed (`{ "1001": { penalty: 1 } }`, `{ "0001": true }`), a list of strings
 * (`["0001"]`), or a list of objects keyed by `keyField` (`[{ cno: "1001", penalty: 1 }]`).
 * `Unknown` when the whole set is unknown; undefined when the field is not declared.
 */
export function setOf(r: ClinkResource, field: string, keyField?: string): Maybe<SetRead | undefined> {
  const v = r.props[field];
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return Unknown;
  const keys: string[] = [];
  let unknownElements = 0;
  const take = (k: unknown) => {
    if (typeof k === "string" && !isUnknown(k)) keys.push(k);
    else if (typeof k === "number") keys.push(String(k));
    else unknownElements++;
  };
  if (Array.isArray(v)) {
    for (const el of v) take(isRecord(el) && keyField ? el[keyField] : el);
  } else if (isRecord(v)) {
    for (const k of Object.keys(v)) take(k);
  } else {
    return Unknown;
  }
  return { keys: [...new Set(keys)], unknownElements };
}

/** `clink.Queue "support"`, as the provider's own messages name a resource. */
export const who = (r: ClinkResource): string => `clink.${r.type} "${r.name}"`;
