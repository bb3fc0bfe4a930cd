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
  AssignType,
  ChatStrategy,
  ClidRule,
  ClidType,
  ClientRole,
  ClientType,
  ExtenCodec,
  ExtenType,
  IbWrapupType,
  RecordDownload,
  JoinEmptyState,
  MaxPauseClientType,
  QueueStrategy,
  RestrictDirection,
  RestrictTelSettingValue,
  RestrictTelType,
  RestrictType,
  asLists,
  bitmaskName,
  deepEqual,
  enumName,
  declaredFormOf,
  masks,
  mergeEntries,
  checkFields,
  toConverge,
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
export const CONSTANTS: Record<string, Record<string, number>> = {
  QueueStrategy,
  JoinEmptyState,
  ChatStrategy,
  MaxPauseClientType,
  ClientRole,
  ClientType,
  ClidType,
  ClidRule,
  AssignType,
  IbWrapupType,
  RecordDownload,
  ExtenType,
  ExtenCodec,
  RestrictType,
  RestrictDirection,
  RestrictTelType,
  RestrictTelSettingValue,
};

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
const MASK = /[xX*]/;

// ---------------------------------------------------------------------------------------------
// Named constants in the zod schemas: the codes a field (or a list's element, an object's key)
// takes, found through the wrappers a schema is built of (optional, preprocess, transform, union).
// ---------------------------------------------------------------------------------------------

interface Hint {
  enumName?: string;
  bitmask?: string;
  element?: Hint;
  shape?: Record<string, Hint>;
}

type ZodDef = {
  type: string;
  innerType?: unknown;
  in?: unknown;
  out?: unknown;
  options?: unknown[];
  element?: unknown;
  shape?: Record<string, unknown>;
};

export function hintOf(schema: unknown, depth = 0): Hint {
  const hint: Hint = {};
  if (!schema || typeof schema !== "object" || depth > 12) return hint;
  const e = enumName(schema as never);
  const b = bitmaskName(schema as never);
  if (e) hint.enumName = e;
  if (b) hint.bitmask = b;
  const def = (schema as { _zod?: { def?: ZodDef } })._zod?.def;
  if (!def) return hint;
  const merge = (other: Hint) => {
    hint.enumName ??= other.enumName;
    hint.bitmask ??= other.bitmask;
    hint.element ??= other.element;
    hint.shape ??= other.shape;
  };
  if (def.innerType) merge(hintOf(def.innerType, depth + 1));
  if (def.type === "pipe") {
    merge(hintOf(def.in, depth + 1));
    merge(hintOf(def.out, depth + 1));
  }
  if (def.type === "union") for (const o of def.options ?? []) merge(hintOf(o, depth + 1));
  if (def.type === "array") hint.element = hintOf(def.element, depth + 1);
  if (def.type === "object" && def.shape)
    hint.shape = Object.fromEntries(Object.entries(def.shape).map(([k, s]) => [k, hintOf(s, depth + 1)]));
  return hint;
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
      if (members.reduce((sum, [, bit]) => sum | bit, 0) === value)
        return members.length === 1
          ? { t: "ref", text: `clink.${hint.bitmask}.${members[0][0]}` }
          : { t: "or", items: members.map(([m]) => `clink.${hint.bitmask}.${m}`) };
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

/**
 * Fields another declaration of the export owns: an agent's queues (`qnos`) are the queues'
 * `members` (with the penalty qnos cannot carry); declaring both is refused at preview
 * (docs/membership.md).
 */
const NOT_DECLARED: Record<string, string[]> = { Client: ["qnos"] };

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
  for (const name of Object.keys(schema.fields)) {
    if (fields[name] === undefined) continue;
    args.push([name, override[name] ?? toExpr(fields[name], hintOf(schema.fields[name].schema))]);
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

export function declareCenter(center: Center, filter: Filter): ExportModel {
  const warnings: string[] = [];
  const warn = (m: string) => warnings.push(m);
  const byKind = new Map<Kind, Declaration[]>();
  const add = (d: Declaration) => {
    const list = byKind.get(d.kind) ?? [];
    list.push(d);
    byKind.set(d.kind, list);
  };
  const schemaOf = (k: Kind) => kindInfo(k).schema;

  // Number groups.
  const groups = center.groups
    .filter((g) => text(g.name) !== "" && passes(filter, "dynamicTelGroup", [text(g.name)]))
    .sort((a, b) => compareKeys(text(a.name), text(b.name)));
  const groupNames = nameAll(
    groups,
    (g) => text(g.name),
    (g) => `group_${identPart(text(g.name))}`,
  );
  for (const g of groups) {
    const label = `number group "${text(g.name)}" (id ${text(g.id)})`;
    // Masked numbers are never declarations (doc 2.7): said before check refuses them in general terms.
    if (Array.isArray(g.selectedTels) && g.selectedTels.some((t) => MASK.test(String(t)))) {
      warn(`${label} is not exported: its numbers are answered masked (e.g. 138xxxx8888, doc 3.5.8 example).`);
      continue;
    }
    const d = declareObject(schemaOf("dynamicTelGroup"), g, label, warn);
    if (!d) continue;
    add({
      kind: "dynamicTelGroup",
      ident: groupNames.get(g)!,
      key: text(g.name),
      args: argsOf(schemaOf("dynamicTelGroup"), d.fields),
      notes: d.notes,
      uses: new Set(),
    });
  }
  const groupByName = new Map((byKind.get("dynamicTelGroup") ?? []).map((d) => [d.key, d.ident] as const));

  // Agents: everyone read in full (roots that match, and the ones references pulled in).
  const agentKeys = [...center.clients.keys()];
  const agentNames = nameAll(
    agentKeys,
    (k) => k,
    (k) => `agent_${identPart(k)}`,
  );
  const exportedAgents = new Map<string, string>();
  for (const cno of [...agentKeys].sort(compareKeys)) {
    const remote = center.clients.get(cno)!;
    const label = `agent ${cno}`;
    if (text(remote.cno) !== "" && text(remote.cno) !== cno) {
      warn(`${label} is not exported: describe_client answered agent ${text(remote.cno)} for it.`);
      continue;
    }
    const d = declareObject(schemaOf("client"), remote, label, warn);
    if (!d) continue;
    // Describe_client answers no number group (doc 3.1.5's answer table); should a server answer
    // one anyway, say so in a comment: declared, the provider could not compare it (it reads
    // nothing back) and the first up would restate it.
    const group = text(remote.dynamicTelGroupName);
    if (group !== "")
      d.notes.push(
        `Draws caller numbers from number group "${group}" (answered by this server, not in doc 3.1.5). To manage it, add` +
          (groupByName.has(group)
            ? ` dynamicTelGroupName: ${moduleVar("dynamicTelGroup")}.${groupByName.get(group)}.name, importing ./number-groups (the first up then restates it).`
            : ` dynamicTelGroupName (the first up then restates it).`),
      );
    const ident = agentNames.get(cno)!;
    exportedAgents.set(cno, ident);
    add({
      kind: "client",
      ident,
      key: cno,
      args: argsOf(schemaOf("client"), d.fields),
      notes: d.notes,
      uses: new Set(),
    });
  }

  // Phones: roots that match, and (pulled in) the ones an exported binding names.
  const boundTels = new Set<string>();
  if (filter.roots.has("clientPhone"))
    for (const [cno, row] of center.listedClients)
      if (text(row.bindTel) !== "" && passes(filter, "clientPhone", [cno])) boundTels.add(text(row.bindTel));
  const extenKeys = [...center.extens.keys()].filter(
    (n) =>
      passes(filter, "exten", [n]) &&
      (filter.roots.has("exten") || (referable(filter, "exten") && [...boundTels].some((t) => t === n || masks(t, n)))),
  );
  const extenNames = nameAll(
    extenKeys,
    (k) => k,
    (k) => `exten_${identPart(k)}`,
  );
  const exportedExtens = new Map<string, string>();
  for (const n of [...extenKeys].sort(compareKeys)) {
    const d = declareObject(schemaOf("exten"), center.extens.get(n)!, `phone ${n}`, warn);
    if (!d) continue;
    const ident = extenNames.get(n)!;
    exportedExtens.set(n, ident);
    add({ kind: "exten", ident, key: n, args: argsOf(schemaOf("exten"), d.fields), notes: d.notes, uses: new Set() });
  }

  // Queues, their members pointing at the agents' cno outputs.
  const queueKeys = [...center.queues.keys()];
  const queueNames = nameAll(
    queueKeys,
    (k) => k,
    (k) => `queue_${identPart(k)}`,
  );
  for (const qno of [...queueKeys].sort(compareKeys)) {
    const remote = center.queues.get(qno)!;
    if (text(remote.qno) !== "" && text(remote.qno) !== qno) {
      warn(`queue ${qno} is not exported: describe_queue answered queue ${text(remote.qno)} for it.`);
      continue;
    }
    const d = declareObject(schemaOf("queue"), remote, `queue ${qno}`, warn);
    if (!d) continue;
    const uses = new Set<Kind>();
    // Members as the whole list (authoritative: the queue has exactly these, doc 3.2.2
    // `queueMembers`); none is `[]`, which the provider reads the same way.
    const members = d.fields.members as Array<{ cno: string; penalty: number }> | undefined;
    const override: Record<string, Expr> = {};
    if (members)
      override.members = {
        t: "arr",
        items: members.map((m) => {
          const agent = exportedAgents.get(m.cno);
          if (agent) uses.add("client");
          return {
            t: "obj",
            props: [
              ["cno", agent ? refTo("client", agent, "cno") : { t: "str", v: m.cno }],
              ["penalty", { t: "num", v: m.penalty }],
            ],
          };
        }),
      };
    add({
      kind: "queue",
      ident: queueNames.get(qno)!,
      key: qno,
      args: argsOf(schemaOf("queue"), d.fields, override),
      notes: d.notes,
      uses,
    });
  }

  // Bindings: the agent's cno output, and the Exten's extenNumber when the phone is one of the center's.
  if (filter.roots.has("clientPhone")) {
    const rows = [...center.listedClients.entries()]
      .filter(([cno, row]) => text(row.bindTel) !== "" && passes(filter, "clientPhone", [cno]))
      .sort(([a], [b]) => compareKeys(a, b));
    const byTel = new Map<string, string>();
    const phoneNames = nameAll(
      rows.map(([cno]) => cno),
      (k) => k,
      (k) => `agent_${identPart(k)}_phone`,
    );
    for (const [cno, row] of rows) {
      let tel = text(row.bindTel);
      const label = `the phone of agent ${cno}`;
      if (MASK.test(tel)) {
        // Doc 3.1.4's example answers bindTel masked ("152xxxx0000"): only a phone of the center
        // that the mask fits, and no other, names the number.
        const fits = [...center.extens.keys()].filter((n) => masks(tel, n));
        if (fits.length !== 1) {
          warn(`${label} is not exported: list_clients answers it masked (${tel}); declare the binding by hand.`);
          continue;
        }
        tel = fits[0];
      }
      if (byTel.has(tel)) {
        warn(
          `${label} is not exported: phone ${tel} is also the bound phone of agent ${byTel.get(tel)} (ClientTelIsBind, doc 3.1.7).`,
        );
        continue;
      }
      const d = declareObject(schemaOf("clientPhone"), { cno, tel }, label, warn, false);
      if (!d) continue;
      byTel.set(tel, cno);
      const uses = new Set<Kind>();
      const agent = exportedAgents.get(cno);
      const exten = exportedExtens.get(tel);
      if (agent) uses.add("client");
      if (exten) uses.add("exten");
      add({
        kind: "clientPhone",
        ident: phoneNames.get(cno)!,
        key: cno,
        args: argsOf(schemaOf("clientPhone"), d.fields, {
          ...(agent ? { cno: refTo("client", agent, "cno") } : {}),
          ...(exten ? { tel: refTo("exten", exten, "extenNumber") } : {}),
        }),
        notes: d.notes,
        uses,
      });
    }
  }

  // Pause statuses.
  const pauses = center.pauses
    .filter((p) => text(p.pauseStatus) !== "" && passes(filter, "pause", [text(p.pauseStatus)]))
    .sort((a, b) => compareKeys(text(a.pauseStatus), text(b.pauseStatus)));
  const pauseNames = nameAll(
    pauses,
    (p) => text(p.pauseStatus),
    (p) => `pause_${identPart(text(p.pauseStatus))}`,
  );
  for (const p of pauses) {
    const d = declareObject(schemaOf("pause"), p, `pause status "${text(p.pauseStatus)}"`, warn);
    if (!d) continue;
    add({
      kind: "pause",
      ident: pauseNames.get(p)!,
      key: text(p.pauseStatus),
      args: argsOf(schemaOf("pause"), d.fields),
      notes: d.notes,
      uses: new Set(),
    });
  }

  // List entries: one per number and list, its directions together (as the provider reads them).
  const entries = new Map<string, Inputs[]>();
  for (const e of center.restrictTels) {
    const id = `${Number(e.restrictType)}:${text(e.tel)}`;
    if (text(e.tel) === "" || !passes(filter, "restrictTel", [text(e.tel), id])) continue;
    entries.set(id, [...(entries.get(id) ?? []), e]);
  }
  const entryIds = [...entries.keys()];
  const entryNames = nameAll(
    entryIds,
    (k) => k,
    (k) => `${k.startsWith("2:") ? "whitelist" : "blacklist"}_${identPart(k.slice(k.indexOf(":") + 1))}`,
  );
  for (const id of [...entryIds].sort(compareKeys)) {
    const mine = entries.get(id)!;
    const list = id.startsWith("2:") ? "whitelist" : "blacklist";
    const label = `${list} entry ${id.slice(id.indexOf(":") + 1)}`;
    if (MASK.test(id.slice(id.indexOf(":") + 1))) {
      warn(`${label} is not exported: the number is answered masked.`);
      continue;
    }
    const differ = (["description", "expirationTime"] as const).filter(
      (f) => new Set(mine.map((e) => JSON.stringify(e[f] ?? null))).size > 1,
    );
    const d = declareObject(schemaOf("restrictTel"), mergeEntries(mine, {}), label, warn);
    if (!d) continue;
    if (differ.length > 0) {
      const note = `its two directions differ in ${differ.join(" and ")}; one entry holds one value (the first direction's is declared)`;
      d.notes.push(`Note: ${note}.`);
      warn(`${label}: ${note}.`);
    }
    const schema = schemaOf("restrictTel");
    const types = d.fields.type as number[];
    const override: Record<string, Expr> =
      types.length === 1 ? { type: toExpr(types[0], hintOf(schema.fields.type.schema)) } : {};
    add({
      kind: "restrictTel",
      ident: entryNames.get(id)!,
      key: id,
      args: argsOf(schema, d.fields, override),
      notes: d.notes,
      uses: new Set(),
    });
  }

  // The switch: always there, so it takes no adopt (declaring it sets it only if it differs).
  if (center.setting && passes(filter, "restrictTelSetting", ["restrict-tel-setting"])) {
    const d = declareObject(schemaOf("restrictTelSetting"), center.setting, "the black/white-list switch", warn, false);
    if (d)
      add({
        kind: "restrictTelSetting",
        ident: "restrict_tel_setting",
        key: "restrict-tel-setting",
        args: argsOf(schemaOf("restrictTelSetting"), d.fields, {}, false),
        notes: d.notes,
        uses: new Set(),
      });
  }

  for (const list of byKind.values()) list.sort((a, b) => compareKeys(a.key, b.key));
  // Kinds in the order of KINDS (dependencies first).
  const ordered = new Map<Kind, Declaration[]>();
  for (const { kind } of KINDS) if (byKind.has(kind)) ordered.set(kind, byKind.get(kind)!);
  return { byKind: ordered, warnings };
}
