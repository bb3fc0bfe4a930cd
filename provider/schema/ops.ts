/**
 * What the provider does with a resource schema: checkFields declared inputs (check), compare two
 * normalized input sets (diff), build API payloads, and map a describe answer back into the
 * declared shape (read). Generic over every resource; the resources only declare fields.
 */
import { createHmac, randomBytes } from "node:crypto";
import { containsUnknown, describeField, type Failure, type FieldSpec, type ResourceSchema } from "./core";
import { oldFormFingerprint, canonical } from "./state-upgrade";
import { FINGERPRINTS, WRITE_ONLY_TAGS } from "./wire";

export { FINGERPRINTS, WRITE_ONLY_TAGS };

export type Inputs = Record<string, unknown>;

export interface CheckResult {
  inputs: Inputs;
  failures: Failure[];
}

/**
 * Validates every declared field; unknown (preview) values pass untouched. A field the program
 * leaves out stays out: it is not managed (issue 23, docs/design.md "Undeclared fields"), so no
 * documented default is filled in. The cross-field rules (`schema.validate`) read an undeclared
 * field as its documented default, which is what a create leaves the server with.
 *
 * `adopting`: the resource takes over an existing object (`adopt: true`, or the provider's
 * clink:adoptExisting): write-only fields (passwords) are then optional, since the object keeps
 * its own unless one is declared.
 */
export function checkFields(schema: ResourceSchema, raw: Inputs, options: { adopting?: boolean } = {}): CheckResult {
  const adopting = options.adopting === true || raw.adopt === true || raw.adopt === "true";
  const inputs: Inputs = {};
  const failures: Failure[] = [];
  const unknownFields = new Set<string>();

  for (const key of Object.keys(raw)) {
    if (key.startsWith("__")) {
      inputs[key] = raw[key]; // the engine's own properties (__provider)
    } else if (!(key in schema.fields) && !optionNames(schema).includes(key)) {
      failures.push({ property: key, reason: `${schema.type} has no field '${key}'` });
    }
  }
  // Options are switches: true or "true" (config strings) turn them on.
  for (const key of optionNames(schema)) {
    if (raw[key] !== undefined) inputs[key] = raw[key] === true || raw[key] === "true";
  }

  for (const [name, field] of Object.entries(schema.fields)) {
    if (field.lifecycle === "computed") continue;
    const value = raw[name];
    if (value === undefined || value === null) {
      if (field.required && !(adopting && field.writeOnly))
        failures.push({
          property: name,
          reason: `${schema.type} field '${name}' is required: ${describeField(field)}`,
        });
      continue;
    }
    if (containsUnknown(value)) {
      inputs[name] = value;
      unknownFields.add(name);
      continue;
    }
    const parsed = field.schema.safeParse(value);
    if (parsed.success) {
      inputs[name] = parsed.data;
    } else {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${name}.${issue.path.join(".")}` : name;
      failures.push({
        property: name,
        reason: `${schema.type} field '${where}' ${issue?.message ?? "is invalid"}${shown(field, value)}`,
      });
    }
  }

  if (schema.validate && failures.length === 0) {
    const known = (field: string) => !unknownFields.has(field);
    // The rules see an undeclared field as its documented default; a field a rule derives from
    // others would be a declaration and is kept (no rule derives one now: issue 23).
    const defaults = documentedDefaults(schema);
    const view = withDefaults(schema, inputs);
    for (const failure of schema.validate(view, known)) {
      failures.push({ property: failure.property, reason: `${schema.type}: ${failure.reason}` });
    }
    for (const [k, v] of Object.entries(view)) if (inputs[k] === undefined && !(k in defaults)) inputs[k] = v;
  }
  return { inputs, failures };
}

const parsedDefaults = new WeakMap<ResourceSchema, Inputs>();

/**
 * Every documented default in its canonical form (as `checkFields` fills it in: `permission`'s `{}`
 * is the ten switches), by field.
 */
export function documentedDefaults(schema: ResourceSchema): Inputs {
  let out = parsedDefaults.get(schema);
  if (!out) {
    out = {};
    for (const [name, field] of Object.entries(schema.fields)) {
      if (field.lifecycle === "computed" || field.default === undefined) continue;
      const parsed = field.schema.safeParse(field.default);
      out[name] = parsed.success ? parsed.data : field.default;
    }
    parsedDefaults.set(schema, out);
  }
  return out;
}

/**
 * The values with every documented default filled in where a field is absent: what a create
 * leaves on the server. Only the cross-field rules read this view (`checkFields`); nothing is sent
 * from it.
 */
export function withDefaults(schema: ResourceSchema, values: Inputs): Inputs {
  const out: Inputs = { ...values };
  for (const [name, value] of Object.entries(documentedDefaults(schema)))
    if (out[name] === undefined || out[name] === null) out[name] = value;
  return out;
}

/**
 * The switches a resource takes besides its fields (never sent to the API): `adopt` on every
 * resource (take over an existing object with the same natural key instead of failing), and the
 * resource's own (`schema.options`, e.g. Client's forceOfflineOnDelete).
 */
export function optionNames(schema: ResourceSchema): string[] {
  return ["adopt", ...Object.keys(schema.options ?? {})];
}

function shown(field: FieldSpec, value: unknown): string {
  if (field.secret) return " (value hidden: secret)";
  const text = JSON.stringify(value);
  return text !== undefined && text.length <= 80 ? `; got ${text}` : "";
}

// ---------------------------------------------------------------------------------------------
// Write-only values (passwords) never sit in a resource's outputs: every RPC answer, engine event
// and debug log that carries outputs would carry them. What change detection needs instead is a
// salted HMAC per field, itself kept as a Pulumi secret, under this output.
// ---------------------------------------------------------------------------------------------

/**
 * `salt:mac`, the HMAC-SHA256 of the value under a random salt: 64 random bits of salt and the
 * first 128 bits of the MAC, base64url (34 characters). Change detection needs no more, and the
 * fingerprint is stored per resource, twice encrypted in size (a Pulumi secret).
 */
export function fingerprint(value: unknown, salt = randomBytes(8).toString("base64url")): string {
  return `${salt}:${createHmac("sha256", salt).update(JSON.stringify(value)).digest().subarray(0, 16).toString("base64url")}`;
}

export function matchesFingerprint(print: string, value: unknown): boolean {
  const [salt, mac] = print.split(":");
  if (mac === undefined) return false;
  return (oldFormFingerprint(print, value) ?? fingerprint(value, salt)) === print;
}

/**
 * The fingerprints of the write-only fields: a declared value gets a fresh one unless the previous
 * one still matches it; an undeclared field keeps its previous fingerprint.
 */
export function fingerprintsOf(schema: ResourceSchema, values: Inputs, previous: unknown): Record<string, string> {
  const before = (previous && typeof previous === "object" ? previous : {}) as Record<string, string>;
  const out: Record<string, string> = {};
  for (const [name, field] of Object.entries(schema.fields)) {
    if (!field.writeOnly) continue;
    const value = values[name];
    if (value === undefined) {
      if (before[name] !== undefined) out[name] = before[name];
    } else
      out[name] =
        before[name] !== undefined && matchesFingerprint(before[name], value) ? before[name] : fingerprint(value);
  }
  return out;
}

/** Values without their write-only fields. */
export function withoutWriteOnly(schema: ResourceSchema, values: Inputs): Inputs {
  const out: Inputs = { ...values };
  for (const [name, field] of Object.entries(schema.fields)) if (field.writeOnly) delete out[name];
  return out;
}

export interface DiffResult {
  changed: string[];
  replaces: string[];
}

/**
 * Compares the last applied inputs (`olds`) with the new declaration. A field the new
 * declaration leaves out is not managed, so dropping it changes nothing on the server.
 */
export function compare(schema: ResourceSchema, olds: Inputs, news: Inputs): DiffResult {
  const changed: string[] = [];
  const replaces: string[] = [];
  const prints = (olds[FINGERPRINTS] ?? {}) as Record<string, string>;
  for (const [name, field] of Object.entries(schema.fields)) {
    if (field.lifecycle === "computed" || news[name] === undefined) continue;
    if (field.writeOnly && olds[name] === undefined && prints[name] !== undefined) {
      if (matchesFingerprint(prints[name], news[name])) continue;
    } else if (sameAsDeclared(field, canonical(field, olds[name]), news[name])) continue;
    changed.push(name);
    if (field.lifecycle === "identity" || field.lifecycle === "replace") replaces.push(name);
  }
  return { changed, replaces };
}

/**
 * Whether `value` holds what `declared` asks: equal, or for an object whose keys are managed one by
 * one (`partialKeys`), equal in every declared key.
 */
export function sameAsDeclared(field: FieldSpec, value: unknown, declared: unknown): boolean {
  if (field.partialKeys && isObject(value) && isObject(declared))
    return Object.entries(declared).every(([k, v]) => v === undefined || deepEqual(value[k], v));
  return deepEqual(value, declared);
}

const isObject = (v: unknown): v is Inputs => v !== null && typeof v === "object" && !Array.isArray(v);

/** Keyed sets in their list form, as the API and the outputs show them. */
export function asLists(schema: ResourceSchema, values: Inputs): Inputs {
  const out: Inputs = { ...values };
  for (const [name, field] of Object.entries(schema.fields))
    if (field.asList && out[name] !== undefined) out[name] = field.asList(out[name]);
  return out;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a).filter((k) => (a as Inputs)[k] !== undefined);
    const kb = Object.keys(b).filter((k) => (b as Inputs)[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual((a as Inputs)[k], (b as Inputs)[k]));
  }
  return false;
}

/**
 * The payload of a create or update call: declared fields under their API names (`only`: just
 * these, besides the identity and what the update endpoint requires). Nothing undeclared is sent,
 * except a field the create endpoint requires (`requiredOnCreate`, its documented default).
 */
export function payload(schema: ResourceSchema, op: "create" | "update", inputs: Inputs, fields?: string[]): Inputs {
  const body: Inputs = {};
  const only = fields && [...fields, ...fields.flatMap((n) => schema.fields[n]?.sendWith ?? [])];
  for (const [name, field] of Object.entries(schema.fields)) {
    if (field.lifecycle === "computed") continue;
    if (op === "create" && field.lifecycle === "updateOnly") continue;
    if (op === "update" && field.lifecycle === "replace") continue;
    if (only && !only.includes(name) && field.lifecycle !== "identity" && !field.requiredOnUpdate) continue;
    const key = field.api?.[op] ?? name;
    if (key === false) continue;
    let value = inputs[name];
    // Doc's request table marks it required (必填 true): a create sends the documented default.
    if (value === undefined && op === "create" && field.requiredOnCreate) value = canonicalDefault(field);
    if (value === undefined) continue;
    body[key] = field.toApi ? field.toApi(value as never) : field.asList ? field.asList(value) : value;
  }
  return body;
}

/** A field's documented default in its canonical form (permission's `{}`), or undefined. */
export function canonicalDefault(field: FieldSpec): unknown {
  if (field.default === undefined) return undefined;
  const parsed = field.schema.safeParse(field.default);
  return parsed.success ? parsed.data : field.default;
}

/** Fields the create call cannot take but that were declared: they need an update right after create. */
export function updateOnlyDeclared(schema: ResourceSchema, inputs: Inputs): string[] {
  return Object.entries(schema.fields)
    .filter(([name, f]) => f.lifecycle === "updateOnly" && inputs[name] !== undefined)
    .map(([name]) => name);
}

/**
 * Maps a describe answer into the declared shape. Write-only fields (passwords) and fields the
 * describe answer omits keep their previous value, so they never show a diff on refresh; other
 * fields take the server's value, so drift shows.
 */
export function declaredFormOf(schema: ResourceSchema, remote: Inputs, previous: Inputs): Inputs {
  const out: Inputs = {};
  for (const [name, field] of Object.entries(schema.fields)) {
    const key = field.api?.read ?? name;
    const readable = key !== false && !field.writeOnly && key in remote;
    if (!readable) {
      if (previous[name] !== undefined) out[name] = previous[name];
      continue;
    }
    let value: unknown = remote[key as string];
    if (value === null || value === undefined) {
      continue;
    }
    if (field.fromApi) value = field.fromApi(value);
    if (field.mergeApi) value = field.mergeApi(value, previous[name]);
    if (value === undefined || value === null) continue; // e.g. crmId "" (doc 3.1.5 example): not set
    if (field.lifecycle !== "computed") {
      // Settle the server's form (e.g. "20" vs 20, order of a set) the same way declared values are.
      const parsed = field.schema.safeParse(value);
      if (parsed.success) value = parsed.data;
    }
    out[name] = value;
  }
  return out;
}

/**
 * The value without `undefined` at any depth (object keys dropped, list elements removed): the
 * engine's serializer (protobuf Struct) refuses `undefined` with "Unexpected struct type", so
 * nothing handed to the engine may hold one.
 */
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(withoutUndefined) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = withoutUndefined(v);
    return out as T;
  }
  return value;
}

/** The id: the natural key fields joined by ':' (the API's own addressing). */
export function idOf(schema: ResourceSchema, inputs: Inputs): string {
  return schema.idFields.map((f) => String(inputs[f])).join(":");
}
