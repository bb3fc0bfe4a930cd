/**
 * From the center as read to declarations: for every object, the fields `read` would report
 * (the schema's `declaredFormOf`, so `api.read` names, `fromApi`/`mergeApi` and the settled forms are
 * the provider's own), minus what equals the documented default (`default`), minus computed and
 * write-only fields (passwords are never answered: doc 3.1.5 and 3.4.1 `password`). Each
 * declaration is checked the way the provider will check it (`checkFields`, with adopt) and
 * converged the way adoption converges (`toConverge`): an export whose declarations would make
 * the first `up` write anything is reported, never written silently.
 */
import { createHash } from "node:crypto";
import {
  asLists,
  catalog,
  deepEqual,
  checkFields,
  declaredFormOf,
  descriptorOf,
  toConverge,
  type DeclareContext,
  type Descriptor,
  type Inputs,
  type ResourceSchema,
} from "./definitions";
import { kindInfo, KINDS, type Kind } from "./kinds";
import { passes, referable, type Filter } from "./options";
import type { Expr } from "./print";
import type { Center } from "./read";

/**
 * The package's named constants by the name `enumName`/`bitmaskName` give (each is exported by the
 * package index under that name: test/cli/export-unit.test.ts checks both directions).
 */
export const CONSTANTS: Record<string, Record<string, number>> = Object.assign(
  {},
  ...catalog.map((k) => k.constants),
) as Record<string, Record<string, number>>;

export interface Declaration {
  kind: Kind;
  /** The variable and the Pulumi resource name, from the natural key: agent_1001. */
  ident: string;
  /** The natural key, for order and messages. */
  key: string;
  args: Array<[string, Expr]>;
  /** Comment lines written above the declaration. */
  notes: string[];
  /** Modules of the export this declaration refers to (for the imports). */
  uses: Set<Kind>;
}

export interface ExportModel {
  byKind: Map<Kind, Declaration[]>;
  /** Things a reviewer must know: objects left out, fields left undeclared, and why. */
  warnings: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const text = (v: unknown) => (v === undefined || v === null ? "" : String(v));

// ---------------------------------------------------------------------------------------------
// Named constants in the field descriptors: the codes a field (or a list's element, an object's
// key) takes.
// ---------------------------------------------------------------------------------------------

interface Hint {
  enumName?: string;
  bitmask?: string;
  element?: Hint;
  shape?: Record<string, Hint>;
}

/** The named constants a value takes, from its field's descriptor (a list's element, an object's key). */
export function hintOf(schema: Parameters<typeof descriptorOf>[0]): Hint {
  return hintFrom(descriptorOf(schema));
}

function hintFrom(d: Descriptor): Hint {
  switch (d.kind) {
    case "code":
      return d.name ? { enumName: d.name } : {};
    case "bitmask":
      return d.name ? { bitmask: d.name } : {};
    case "set":
    case "keyed set":
    case "list":
      return { element: hintFrom(d.element) };
    case "object":
      return { shape: Object.fromEntries(Object.entries(d.keys).map(([k, info]) => [k, hintFrom(info.descriptor)])) };
    case "union": {
      // 1, or [1, 2]: a number takes the codes of the one option, a list its element's.
      const hint: Hint = {};
      for (const other of d.options.map(hintFrom)) {
        hint.enumName ??= other.enumName;
        hint.bitmask ??= other.bitmask;
        hint.element ??= other.element;
        hint.shape ??= other.shape;
      }
      return hint;
    }
    default:
      return {};
  }
}

function constantExpr(hint: Hint, value: number): Expr | undefined {
  if (hint.enumName) {
    const constant = CONSTANTS[hint.enumName];
    const member = constant && Object.entries(constant).find(([, v]) => v === value)?.[0];
    if (member) return { t: "ref", text: `clink.${hint.enumName}.${member}` };
  }
  if (hint.bitmask && value > 0) {
    const constant = CONSTANTS[hint.bitmask];
    if (constant) {
      const members = Object.entries(constant).filter(([, bit]) => (value & bit) === bit && bit > 0);
      if (members.reduce((sum, [, bit]) => sum | bit, 0) === value) {
        const [only, ...more] = members;
        return only && more.length === 0
          ? { t: "ref", text: `clink.${hint.bitmask}.${only[0]}` }
          : { t: "or", items: members.map(([m]) => `clink.${hint.bitmask}.${m}`) };
      }
    }
  }
  return undefined;
}

/** A declared value as code: named constants where the schema names them, literals elsewhere. */
export function toExpr(value: unknown, hint: Hint = {}): Expr {
  if (typeof value === "number") return constantExpr(hint, value) ?? { t: "num", v: value };
  if (typeof value === "string") return { t: "str", v: value };
  if (typeof value === "boolean") return { t: "bool", v: value };
  if (Array.isArray(value)) return { t: "arr", items: value.map((v) => toExpr(v, hint.element ?? {})) };
  if (isRecord(value))
    return {
      t: "obj",
      props: Object.entries(value)
        .filter(([, v]) => v !== undefined && v !== null)
        .map(([k, v]) => [k, toExpr(v, hint.shape?.[k] ?? {})]),
    };
  return { t: "str", v: text(value) };
}

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

/** Identifiers (and resource names) stay short enough that `export const x = new clink.T("x", {` fits 120 columns. */
const MAX_IDENT_WIDTH = 34;

function identWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /\p{Script=Han}/u.test(ch) ? 2 : 1;
  return w;
}

/** A natural key as part of an identifier: ASCII letters, digits, _ and Chinese characters; the rest becomes _. */
export function identPart(key: string): string {
  return [...key].map((c) => (/[A-Za-z0-9_]/.test(c) || /\p{Script=Han}/u.test(c) ? c : "_")).join("");
}

function shortened(ident: string, key: string): string {
  if (identWidth(ident) <= MAX_IDENT_WIDTH) return ident;
  const hash = createHash("sha256").update(key).digest("hex").slice(0, 6);
  let out = "";
  for (const ch of ident) {
    if (identWidth(out + ch) > MAX_IDENT_WIDTH - 7) break;
    out += ch;
  }
  return `${out}_${hash}`;
}

/** Names for one kind: from the key, made unique (in key order) where two keys read the same. */
function nameAll<T>(items: T[], key: (t: T) => string, ident: (t: T) => string): Map<T, string> {
  const out = new Map<T, string>();
  const taken = new Set<string>();
  for (const item of [...items].sort((a, b) => compareKeys(key(a), key(b)))) {
    const base = shortened(ident(item), key(item));
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    out.set(item, name);
  }
  return out;
}

/** Code-unit order: the same on every machine, whatever its locale. */
export const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// One object
// ---------------------------------------------------------------------------------------------

/** Fields another declaration of the export owns, by type (an agent's `qnos` are the queues' `members`). */
const NOT_DECLARED: Record<string, string[]> = Object.fromEntries(
  KINDS.map((k) => [k.schema.type, k.notDeclared ?? []]),
);

interface Declared {
  /** The fields to declare, in declared (list) form, in the schema's order. */
  fields: Inputs;
  notes: string[];
}

/**
 * The declaration of one server object, or undefined when it cannot be declared faithfully
 * (a value the provider's check refuses, where leaving the field out would declare its default).
 */
function declareObject(
  schema: ResourceSchema,
  remote: Inputs,
  label: string,
  warn: (message: string) => void,
  converges = true,
): Declared | undefined {
  const seen = declaredFormOf(schema, remote, {});
  const fields: Inputs = {};
  const notes: string[] = [];
  for (const [name, field] of Object.entries(schema.fields)) {
    if (field.lifecycle === "computed" || field.writeOnly || NOT_DECLARED[schema.type]?.includes(name)) continue;
    const value = seen[name];
    if (value === undefined) continue;
    const parsed = field.schema.safeParse(value);
    if (!parsed.success) {
      const why = `${name} ${JSON.stringify(value)} is not a value pulumi-clink accepts (${parsed.error.issues[0]?.message ?? "invalid"})`;
      if (field.required || field.default !== undefined) {
        // Left out, the field would be declared as its default (or be missing): not this object.
        warn(`${label} is not exported: ${why}. Declare it by hand, or fix the value in the Clink console.`);
        return undefined;
      }
      warn(`${label}: ${why}; left undeclared (the object keeps it, unmanaged).`);
      continue;
    }
    const v = parsed.data;
    if (field.keyDefaults && isRecord(v)) {
      // Keys managed one by one (permission): only the keys off their documented default.
      const keyDefaults = field.keyDefaults;
      const subset = Object.fromEntries(Object.entries(v).filter(([k, x]) => !deepEqual(x, keyDefaults[k])));
      if (Object.keys(subset).length > 0) fields[name] = subset;
      continue;
    }
    if (field.default !== undefined) {
      const dflt = field.schema.safeParse(field.default);
      const d = dflt.success ? dflt.data : field.default;
      if (deepEqual(v, d)) continue;
      // An object with defaults per key (permission): only the keys that differ, when the schema
      // fills the others back to the same object.
      if (isRecord(v) && isRecord(d)) {
        const subset = Object.fromEntries(Object.entries(v).filter(([k, x]) => !deepEqual(x, d[k])));
        const back = field.schema.safeParse(subset);
        if (back.success && deepEqual(back.data, v)) {
          fields[name] = subset;
          continue;
        }
      }
    }
    fields[name] = v;
  }

  // The provider's check, with adopt: a cross-field rule that fails (e.g. statisticDays answered
  // with the analysis off, doc 3.5.5) drops the offending field when it has no default.
  for (let attempt = 0; ; attempt++) {
    const { inputs, failures } = checkFields(schema, { ...fields, adopt: true }, { adopting: true });
    if (failures.length === 0) {
      if (converges) {
        const pending = toConverge(schema, remote, inputs);
        if (pending.length > 0)
          warn(`${label}: adopting it would write ${pending.join(", ")} (the declaration differs from what was read).`);
      }
      return { fields: asLists(schema, fields), notes };
    }
    const droppable = failures.filter(
      (f) =>
        fields[f.property] !== undefined &&
        schema.fields[f.property]?.default === undefined &&
        !schema.fields[f.property]?.required,
    );
    if (droppable.length === 0 || attempt > 8) {
      const reasons = failures.map((f) => f.reason.replace(/\.$/, "")).join("; ");
      warn(`${label} is not exported: ${reasons}. Declare it by hand.`);
      return undefined;
    }
    for (const f of droppable) {
      warn(`${label}: ${f.reason}; ${f.property} left undeclared (the object keeps it, unmanaged).`);
      delete fields[f.property];
    }
  }
}

/** Schema field order, then `adopt: true` (every exported resource takes its object over). */
function argsOf(schema: ResourceSchema, fields: Inputs, override: Record<string, Expr> = {}, adopt = true) {
  const args: Array<[string, Expr]> = [];
  for (const [name, field] of Object.entries(schema.fields)) {
    if (fields[name] === undefined) continue;
    args.push([name, override[name] ?? toExpr(fields[name], hintOf(field.schema))]);
  }
  if (adopt) args.push(["adopt", { t: "bool", v: true }]);
  return args;
}

const moduleVar = (kind: Kind) => {
  const m = kindInfo(kind).module;
  return m.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
};

/** `agents.agent_1001.cno`: a reference to another module's declaration. */
const refTo = (kind: Kind, ident: string, output: string): Expr => ({
  t: "ref",
  text: `${moduleVar(kind)}.${ident}.${output}`,
});

export { moduleVar };

// ---------------------------------------------------------------------------------------------
// The whole center
// ---------------------------------------------------------------------------------------------

/**
 * Each kind declares its objects in the order of KINDS (a kind after those it refers to), with
 * its folder's `export.declare`; what every kind shares is here: names, the provider's check, the
 * references to what was exported before.
 */
export function declareCenter(center: Center, filter: Filter): ExportModel {
  const warnings: string[] = [];
  const warn = (m: string) => warnings.push(m);
  const byKind = new Map<Kind, Declaration[]>();
  const exported = new Map<Kind, Map<string, string>>();
  const none = new Map<string, Inputs>();
  for (const info of KINDS) {
    const { kind, schema } = info;
    const list: Declaration[] = [];
    const idents = new Map<string, string>();
    let uses = new Set<Kind>();
    const ctx: DeclareContext<Expr> = {
      isRoot: filter.roots.has(kind),
      passes: (keys) => passes(filter, kind, keys),
      referable: (k = kind) => referable(filter, k),
      objects: (k = kind) => center.objects.get(k) ?? none,
      wanted: () => center.wants.get(kind) ?? new Set(),
      warn,
      names: nameAll,
      identPart,
      compareKeys,
      // A generator: each warning comes out where its key falls among the declarations' own.
      inKeyOrder: function* (entries, prefix, described) {
        const idents = nameAll(
          entries,
          ([key]) => key,
          ([key]) => `${prefix}_${identPart(key)}`,
        );
        for (const entry of [...entries].sort(([a], [b]) => compareKeys(a, b))) {
          const [key, remote] = entry;
          const answered = described ? text(remote[described.field]) : "";
          if (described && answered !== "" && answered !== key)
            warn(
              `${described.noun} ${key} is not exported: ${described.endpoint} answered ${described.noun} ${answered} for it.`,
            );
          else yield { key, ident: idents.get(entry)!, remote };
        }
      },
      declare: (remote, label, converges = true) => declareObject(schema, remote, label, warn, converges),
      add: ({ ident, key, declared, override = {}, adopt = true }) => {
        list.push({
          kind,
          ident,
          key,
          args: argsOf(schema, declared.fields, override, adopt),
          notes: declared.notes,
          uses,
        });
        idents.set(key, ident);
        uses = new Set();
      },
      exported: (k) => exported.get(k) ?? new Map(),
      ref: (k, key, output) => {
        const ident = exported.get(k)?.get(key);
        if (ident === undefined) return undefined;
        uses.add(k);
        return refTo(k, ident, output);
      },
      refText: (k, key, output) => {
        const ident = exported.get(k)?.get(key);
        return ident === undefined ? undefined : `${moduleVar(k)}.${ident}.${output}`;
      },
      moduleOf: (k) => kindInfo(k).module,
      value: (v, field) => {
        if (field === undefined) return toExpr(v, {});
        const spec = schema.fields[field];
        // A folder's export spec naming a field its schema lacks is the folder's bug, not the center's.
        if (!spec) throw new Error(`pulumi-clink export: ${kind} has no field ${field}`);
        return toExpr(v, hintOf(spec.schema));
      },
      list: (items) => ({ t: "arr", items }),
      object: (props) => ({ t: "obj", props }),
    };
    info.declare(ctx);
    exported.set(kind, idents);
    if (list.length > 0)
      byKind.set(
        kind,
        list.sort((a, b) => compareKeys(a.key, b.key)),
      );
  }
  return { byKind, warnings };
}
