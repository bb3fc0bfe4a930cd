/**
 * The change model: one entry per object of the center (one resource of the program), with what
 * happens to it (added, changed, replaced, removed, unchanged) and which of its fields change.
 *
 * The Node dynamic provider cannot tell the engine which fields changed (its diff returns only
 * "changes" and the fields forcing a replacement), so the log's `diffs` is empty for these
 * resources. Changes are found by comparing the step's old and new checked inputs, which check
 * normalized (sets keyed by element, numeric strings settled), so equal means unchanged. Secrets are
 * masked in the log and cannot be compared: an update that changes nothing visible on a kind with
 * a secret field is a change of that field (the provider reported a change; nothing else differs).
 */
import { adoptionChanges, adoptionOf } from "./adoption";
import type { EventLog, ResourceState, ResourceSteps } from "./events";
import {
  checkedDefault,
  idFields,
  isBookkeeping,
  isKnownKind,
  isPartlyDeclared,
  isSecretField,
  isSetField,
  secretFields,
  setKeyField,
} from "./fields";
import { isRecord, isSecret, isUnknown, sameValue, type Props } from "./values";

export type Action = "added" | "changed" | "replaced" | "removed" | "unchanged";

export type FieldChange =
  /** A value, or one key of an object field (`key`: permission.record). */
  | { type: "value"; field: string; key?: string; before?: unknown; after: unknown }
  /** A secret field: never a value, only that it changed (or is set, on an added object). */
  | { type: "secret"; field: string }
  /** A set: elements added, removed, and (sets of objects) changed. */
  | {
      type: "set";
      field: string;
      added: string[];
      removed: string[];
      changed: { element: string; before: unknown; after: unknown }[];
    }
  /** Declared before, not now: the field is no longer managed and stays as it is. */
  | { type: "undeclared"; field: string; before: unknown };

export interface CenterObject {
  /** The resource kind ("Client"), or the type token of a resource that is not a Clink object. */
  kind: string;
  clink: boolean;
  /** The resource's name in the program. */
  name: string;
  action: Action;
  old?: ResourceState;
  new?: ResourceState;
  changes: FieldChange[];
  /** Fields forcing the replacement. */
  replaceKeys: string[];
  /** The resource was renamed in the program and keeps the object (a delete of the old name plus an adopting create). */
  renamedFrom?: string;
  failed: boolean;
}

const REPLACE_OPS = new Set(["replace", "create-replacement", "delete-replaced", "import-replacement"]);

function actionOf(ops: string[]): Action {
  if (ops.some((op) => REPLACE_OPS.has(op))) return "replaced";
  if (ops.includes("create") || ops.includes("import")) return "added";
  if (ops.includes("delete")) return "removed";
  if (ops.includes("update")) return "changed";
  return "unchanged";
}

/** "pulumi-nodejs:dynamic/clink:Client" → "Client"; undefined for other providers' types. */
function clinkKind(type: string): string | undefined {
  const last = type.split(":").pop() ?? "";
  return type.includes("clink") && isKnownKind(last) ? last : undefined;
}

/** Where a state's values are: the checked inputs, completed by the outputs (a refresh-only log). */
export function valuesOf(state: ResourceState | undefined): Props {
  return state ? { ...state.outputs, ...state.inputs } : {};
}

/** A set in its keyed form; state written before keyed sets holds lists. */
function keyed(kind: string, field: string, v: unknown): Record<string, unknown> | undefined {
  if (isRecord(v)) return v;
  if (!Array.isArray(v)) return undefined;
  const keyField = setKeyField(kind, field);
  const out: Record<string, unknown> = {};
  for (const el of v) {
    if (typeof el === "string") out[el] = true;
    else if (isRecord(el) && keyField && el[keyField] !== undefined) {
      const { [keyField]: k, ...rest } = el;
      out[String(k)] = rest;
    }
  }
  return out;
}

export function setElements(kind: string, field: string, v: unknown): Record<string, unknown> {
  return keyed(kind, field, v) ?? {};
}

function setChange(kind: string, field: string, before: unknown, after: unknown): FieldChange | undefined {
  const b = setElements(kind, field, before);
  const a = setElements(kind, field, after);
  const added = Object.keys(a).filter((k) => !(k in b));
  const removed = Object.keys(b).filter((k) => !(k in a));
  const changed = Object.keys(a)
    .filter((k) => k in b && !sameValue(a[k], b[k]))
    .map((element) => ({ element, before: b[element], after: a[element] }));
  if (added.length + removed.length + changed.length === 0) return undefined;
  return { type: "set", field, added, removed, changed };
}

/**
 * The provider's clear tag of each sealed write-only value (`__writeOnlyTags`, checked inputs):
 * a password changed when its tag did, or when one is declared where none was. State written
 * before tags existed has none: then only the provider's word says anything.
 */
function tagChanged(before: Props, after: Props, field: string): boolean {
  const tagOf = (p: Props) => (isRecord(p.__writeOnlyTags) ? p.__writeOnlyTags[field] : undefined);
  const b = tagOf(before);
  const a = tagOf(after);
  if (a === undefined) return false;
  if (b !== undefined) return a !== b;
  // No tag before: a first declaration, unless the state holds a fingerprint (inputs read back by a
  // refresh carry no password, only the fingerprint the provider compares with): then unknown.
  return before[field] === undefined && !hasFingerprints(before);
}

/** Inputs read back by `read` (refresh) keep the write-only fingerprints, never the values. */
const hasFingerprints = (p: Props) => p.__fingerprints !== undefined;

const visibleFields = (inputs: Props) => Object.keys(inputs).filter((f) => !isBookkeeping(f));

/** Field changes between two checked inputs of one object. */
function compareInputs(
  kind: string,
  before: Props,
  after: Props,
  reported: string[],
  /** A replacement: its key changed, so its tags differ whatever the password (the tag names the object). */
  replaced = false,
): FieldChange[] {
  const changes: FieldChange[] = [];
  const fields = [...new Set([...visibleFields(before), ...visibleFields(after)])].sort();
  for (const field of fields) {
    const b = before[field];
    const a = after[field];
    if (isSecretField(kind, field) || isSecret(a) || isSecret(b)) {
      // Masked values compare equal whatever they hold: only the provider's word, or a value
      // that became or stopped being secret, says anything.
      // After a refresh the old inputs hold no write-only value (only its fingerprint): no evidence.
      const readBack = b === undefined && isSecretField(kind, field) && hasFingerprints(before);
      if (
        reported.includes(field) ||
        (!readBack && isSecret(a) !== isSecret(b)) ||
        (!replaced && tagChanged(before, after, field))
      )
        changes.push({ type: "secret", field });
      continue;
    }
    if (a === undefined) {
      if (b !== undefined) changes.push({ type: "undeclared", field, before: b });
      continue;
    }
    if (isSetField(kind, field) && (isRecord(a) || Array.isArray(a))) {
      const c = setChange(kind, field, b, a);
      if (c) changes.push(c);
      continue;
    }
    if (isRecord(a) && isRecord(b)) {
      // A partly declared object: a key the new declaration leaves out is not managed, so it is no
      // removal (old inputs read back by a refresh before 0.2.0's fix hold every server key).
      const keys = isPartlyDeclared(kind, field) ? Object.keys(a) : [...Object.keys(b), ...Object.keys(a)];
      for (const key of [...new Set(keys)].sort())
        if (!sameValue(a[key], b[key])) changes.push({ type: "value", field, key, before: b[key], after: a[key] });
      continue;
    }
    if (!sameValue(a, b)) changes.push({ type: "value", field, before: b, after: a });
  }
  return changes;
}

/** What an added object declares beyond its documented defaults. */
function declaredFields(kind: string, inputs: Props): FieldChange[] {
  const changes: FieldChange[] = [];
  const shownInName = new Set([...idFields(kind), "name"]);
  for (const field of visibleFields(inputs).sort()) {
    const v = inputs[field];
    if (shownInName.has(field) || v === undefined) continue;
    // A new object's password is simply set: nothing to review.
    if (isSecretField(kind, field) || isSecret(v)) continue;
    const dflt = checkedDefault(kind, field);
    if (isSetField(kind, field)) {
      const c = setChange(kind, field, undefined, v);
      if (c) changes.push(c);
    } else if (isRecord(v) && isRecord(dflt)) {
      for (const key of Object.keys(v).sort())
        if (!sameValue(v[key], dflt[key])) changes.push({ type: "value", field, key, after: v[key] });
    } else if (!sameValue(v, dflt)) changes.push({ type: "value", field, after: v });
  }
  return changes;
}

function changesOf(o: CenterObject, reported: string[]): FieldChange[] {
  if (!o.clink) return [];
  const before = o.old?.inputs ?? {};
  const after = o.new?.inputs ?? {};
  if (o.action === "added") {
    const adoption = adoptionOf(o.new);
    return adoption ? adoptionChanges(adoption) : declaredFields(o.kind, after);
  }
  if (o.action !== "changed" && o.action !== "replaced") return [];
  const changes = compareInputs(o.kind, before, after, reported, o.action === "replaced");
  if (o.action === "changed" && changes.length === 0 && !o.renamedFrom) {
    // The provider reported a change and nothing visible differs: a masked value changed.
    const secrets = secretFields(o.kind).filter((f) => after[f] !== undefined);
    if (secrets.length > 0) for (const field of secrets) changes.push({ type: "secret", field });
    else if (Object.values(after).some(isSecret)) changes.push({ type: "secret", field: "" });
  }
  return changes;
}

/** The values naming an object (its id fields), as one comparable string; undefined when not known. */
function keyOf(kind: string, inputs: Props): string | undefined {
  const fields = idFields(kind);
  if (fields.length === 0) return kind; // a singleton (the list switch)
  const values = fields.map((f) => inputs[f]);
  if (values.some((v) => v === undefined || isUnknown(v) || isSecret(v))) return undefined;
  return JSON.stringify(values);
}

/**
 * A resource renamed in the program without `aliases` shows as a delete of the old name and a
 * create of the new one; with `adopt: true` the create takes the object over and the delete
 * leaves it alone (docs/membership.md, "Renaming a resource"). Such a pair is one changed object.
 */
function joinRenames(objects: CenterObject[]): CenterObject[] {
  const removed = new Map<string, CenterObject>();
  for (const o of objects)
    if (o.clink && o.action === "removed") {
      const k = keyOf(o.kind, o.old?.inputs ?? {});
      if (k !== undefined) removed.set(`${o.kind}:${k}`, o);
    }
  const gone = new Set<CenterObject>();
  for (const o of objects) {
    if (!o.clink || o.action !== "added") continue;
    const k = keyOf(o.kind, o.new?.inputs ?? {});
    const twin = k === undefined ? undefined : removed.get(`${o.kind}:${k}`);
    if (!twin || gone.has(twin)) continue;
    gone.add(twin);
    Object.assign(o, { action: "changed", old: twin.old, renamedFrom: twin.name });
  }
  return objects.filter((o) => !gone.has(o));
}

export function modelOf(log: EventLog): CenterObject[] {
  const reported = new Map<CenterObject, string[]>();
  const objects = log.resources.map((r: ResourceSteps) => {
    const kind = clinkKind(r.type);
    const o: CenterObject = {
      kind: kind ?? r.type,
      clink: kind !== undefined,
      name: r.name,
      action: actionOf(r.ops),
      old: r.old,
      new: r.ops.includes("delete") && !r.ops.some((op) => REPLACE_OPS.has(op)) ? undefined : r.new,
      changes: [],
      replaceKeys: r.replaceKeys.filter((k) => !isBookkeeping(k)),
      failed: r.failed,
    };
    reported.set(o, r.changedKeys);
    return o;
  });
  const joined = joinRenames(objects);
  for (const o of joined) o.changes = changesOf(o, reported.get(o) ?? []);
  return joined;
}
