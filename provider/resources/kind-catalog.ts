/**
 * What one resource folder tells the tools outside the provider about its kind (issue 25): its
 * nouns, how `pulumi-clink export` lists and declares its objects, how `review` names and warns
 * about them, and the policy pack's rules about it. Each provider/resources/<folder>/catalog.ts
 * exports one `KindCatalog`; `npm run generate` gathers them with the schemas into catalog.ts, and
 * cli/export, cli/review and policy/ loop over that list instead of naming kinds.
 *
 * The contexts below are what the tools hand a kind's functions: the kind's code says what is
 * particular to it (which endpoint, which key, what it refers to) and the tools keep the rest.
 */
import type { Rule } from "../../policy/rule";
import type { ClinkClient } from "../api";
import type { ResourceSchema } from "../schema/core";

/** An object as an endpoint answers it, or a checked input. */
export type Row = Record<string, unknown>;

/** Progress of one kind: objects known and objects read in full. */
export interface Tally {
  known: number;
  done: number;
}

/** What the exporter hands a kind's `read`: the client, the filter, and where the objects go. */
export interface ReadContext {
  client: ClinkClient;
  /** Whether objects of this kind are exported for their own sake (not only as referred to). */
  isRoot: boolean;
  /** Whether an object of a kind (this one by default) with these keys passes its --match patterns. */
  passes(keys: string[], kind?: string): boolean;
  /** Whether objects of a kind may be exported at all (not --exclude'd). */
  referable(kind?: string): boolean;
  /** The objects of a kind (this one by default) as read, by natural key. */
  objects(kind?: string): Map<string, Row>;
  /** The progress of a kind (this one by default), shown while the export reads. */
  tally(kind?: string): Tally;
  /**
   * Keeps a whole list read in one go as this kind's objects, each by its position (its natural
   * key is a field, which two objects may share), and counts them all read.
   */
  keepAll(rows: Row[]): void;
  /**
   * Every page of a kind's list endpoint (this kind's by default: its catalog's `list`), requested
   * once per query however many kinds read it (agents and bindings both read list_clients).
   */
  list(kind?: string, query?: Row): Promise<Row[]>;
  /** Runs a describe in this kind's worker pool (a failure stops the export within a few requests). */
  pool<T>(task: () => Promise<T>): Promise<T>;
  /** Runs `read` once per key of this kind, however many objects refer to it. */
  once(key: string, read: () => Promise<void>): Promise<void>;
  /** Reads an object of another kind in full because one of ours refers to it (when that kind allows it). */
  pull(kind: string, key: string): Promise<void>;
  /** Tells a kind that an object of ours refers to its key (a binding's phone), for its `declare`. */
  want(kind: string, key: string): void;
  /** The read's answer, or undefined when the object went away since it was listed (ResourceNotFound). */
  unlessGone<T>(read: () => Promise<T>): Promise<T | undefined>;
}

/** A declaration's fields, as `DeclareContext.declare` leaves them (declared form, schema order). */
export interface Declared {
  fields: Row;
  /** Comment lines written above the declaration. */
  notes: string[];
}

/** What the exporter hands a kind's `declare`; `C` is the exporter's code for a value. */
export interface DeclareContext<C> {
  isRoot: boolean;
  passes(keys: string[]): boolean;
  referable(kind?: string): boolean;
  /** The objects of a kind (this one by default) as read. */
  objects(kind?: string): Map<string, Row>;
  /** The keys other kinds' objects referred to (`ReadContext.want`). */
  wanted(): ReadonlySet<string>;
  warn(message: string): void;
  /** Identifiers from natural keys, unique within the kind (in key order). */
  names<T>(items: T[], key: (t: T) => string, ident: (t: T) => string): Map<T, string>;
  /** A natural key as part of an identifier: letters, digits, _ and Chinese characters. */
  identPart(key: string): string;
  /** Code-unit order of keys. */
  compareKeys(a: string, b: string): number;
  /**
   * Objects by natural key, walked in key order, each with a unique identifier `<prefix>_<key>`.
   * With `described`, an object whose answer names another key than the one it was read by
   * (`field`) is left out with a warning naming the `endpoint` that answered it, given when the
   * walk reaches it.
   */
  inKeyOrder(
    entries: Array<[key: string, remote: Row]>,
    prefix: string,
    described?: { field: string; noun: string; endpoint: string },
  ): Iterable<{ key: string; ident: string; remote: Row }>;
  /**
   * The fields `read` would report, minus defaults and what the provider's check refuses (each
   * said with `warn`); undefined when the object cannot be declared faithfully. `converges`: warn
   * when adopting the declaration would write something.
   */
  declare(remote: Row, label: string, converges?: boolean): Declared | undefined;
  /** Adds a declaration; `override` gives a field's code (a reference) instead of its value. */
  add(d: { ident: string; key: string; declared: Declared; override?: Record<string, C>; adopt?: boolean }): void;
  /** The declarations of a kind declared before this one: natural key -> identifier. */
  exported(kind: string): ReadonlyMap<string, string>;
  /** A reference to an exported object's output (`agents.agent_1001.cno`); undefined when not exported. */
  ref(kind: string, key: string, output: string): C | undefined;
  /** The same reference as text, for a comment (it adds no import). */
  refText(kind: string, key: string, output: string): string | undefined;
  /** The module (file name without .ts) a kind is written to. */
  moduleOf(kind: string): string;
  /** A value as code: named constants where the field's schema names them. */
  value(v: unknown, field?: string): C;
  list(items: C[]): C;
  object(props: Array<[string, C]>): C;
}

/** How `pulumi-clink export` handles a kind. */
export interface ExportSpec {
  /** Where the kind's module comes among the export's: after the kinds it refers to. */
  order: number;
  /** The module of the exported project (without .ts). */
  module: string;
  /** What the module's header calls the objects, with the document's sections. */
  title: string;
  /** What the progress line calls them. */
  progress: string;
  /** What the key pattern of `--match kind=glob` is matched against (the usage text). */
  matchKey?: string;
  /** The module header's lines particular to the kind. */
  header: string[];
  /** The kinds its declarations refer to (never cyclic). */
  refersTo: string[];
  /** Fields another kind's declarations own (an agent's qnos are the queues' members). */
  notDeclared?: string[];
  /**
   * Reads the kind's objects into `ctx.objects()`. Runs when the kind is exported, or when a
   * kind that refers to it is and it has no `pull`.
   */
  read(ctx: ReadContext): Promise<void>;
  /** Reads one object in full because another kind's object refers to it. */
  pull?(ctx: ReadContext, key: string): Promise<void>;
  /** Declares the objects read (or referred to). */
  declare<C>(ctx: DeclareContext<C>): void;
}

/** A change of one object, as the review sees it (cli/review/model.ts). */
export interface ReviewObject {
  kind: string;
  action: "added" | "changed" | "replaced" | "removed" | "unchanged";
  old?: { inputs: Row; outputs: Row };
  new?: { inputs: Row; outputs: Row };
}

/** One membership change: an agent joins or leaves a queue, or its penalty there changes. */
export interface MembershipChange {
  cno: string;
  qno: string;
  what: "joins" | "leaves" | "penalty";
  penalty?: number;
  before?: number;
  /** The object whose change this is. */
  source: ReviewObject;
  /** A consequence of another change (an agent's delete drops its memberships), not a declared one. */
  implied?: boolean;
}

/** What the review hands a kind's functions. */
export interface ReviewContext {
  /** The values of a state: checked inputs over outputs. */
  valuesOf(state: ReviewObject["old"]): Row;
  /** A set field's elements, keyed, in either form a state holds it. */
  setElements(kind: string, field: string, v: unknown): Record<string, unknown>;
  /** "agent 1001 alice", "queue 0001 售后支持": an object named as the review names it. */
  nameOf(o: ReviewObject): string;
  /** The name without its kind's noun ("agent 1001 alice" → "1001 alice"). */
  bare(name: string, kind: string): string;
  /** An object of a kind named by its id values. */
  identity(kind: string, values: Row): string;
  /** "agent 1802 b": a queue member by number and name. */
  member(cno: string): string;
  /** "0001 售后支持": a queue by number and name. */
  queue(qno: string): string;
  formatValue(v: unknown): string;
  /** "a, b and c". */
  listOf(names: string[]): string;
  /** The membership changes of the whole log (empty while they are being found). */
  memberships: MembershipChange[];
  /** Every object of the log. */
  objects: ReviewObject[];
  /** A code field's value with its meaning: "3 (blacklist, both)". */
  showCode(kind: string, field: string, v: unknown): string;
  /** A code's meaning alone ("blacklist, both"), or undefined. */
  codeMeaning(kind: string, field: string, v: unknown): string | undefined;
  vendorTerm(kind: string): string | undefined;
}

/** What a kind's `memberships` reads a state with. */
export type StateReaders = Pick<ReviewContext, "valuesOf" | "setElements">;

/** Deletions said once for a group (a destroy of 76 agents is one line with the count and the names). */
export interface WarningGroup {
  /** Each member's warning as it would read alone. */
  one: string[];
  names: string[];
  details: string[];
}

/** Where a kind's warnings go. */
export interface WarningSink {
  /** A warning of its own. */
  push(line: string): void;
  /**
   * One member of a group, said in the place of the group's first; `line` words the group (by
   * default the single warning for one, the kind's deleteEffect with the names for more).
   */
  group(key: string, entry: { name: string; one: string; detail?: string }, line?: (g: WarningGroup) => string): void;
}

/** How `pulumi-clink review` handles a kind. */
export interface ReviewSpec {
  /** The summary's order of kinds. */
  order: number;
  plural: string;
  /** What deleting one does on the server (a sentence without its full stop). */
  deleteEffect?: string;
  /** What a replacement costs on the server. */
  replaceCost?: string;
  /** Deleting or replacing one touches a live center: each is warned about. */
  live?: boolean;
  /** The id field by which other lines name objects of this kind with their names (cno: agents). */
  namedBy?: string;
  /** Fields whose changes the membership sentences say (not listed as field changes). */
  membershipFields?: string[];
  /** The set field holding the kind's members by cno: a change leaving it empty is warned about. */
  membersField?: string;
  /** `review --live-agents`: the step a delete or replacement of one is for the agent (cno) it names. */
  liveAgentStep?: "delete" | "unbind";
  /** The line for a removed object when removing it changes nothing on the server. */
  removedHead?: string;
  /** The membership changes one object's change makes. */
  memberships?(o: ReviewObject, ctx: StateReaders): MembershipChange[];
  /** The kind's own warnings about one object; false leaves it to the generic ones of a `live` kind. */
  warn?(o: ReviewObject, ctx: ReviewContext, sink: WarningSink): boolean;
}

/** A list endpoint (doc section 3) and the key (or keys: the document's table and example differ) of its answer's list. */
export type { ListEndpoint } from "../schema/core";

/** What a provider/resources/<folder>/catalog.ts exports (a folder without one has none of it). */
export interface KindCatalog {
  export?: ExportSpec;
  review?: ReviewSpec;
  /** The policy pack's rules about the kind (its folder's policy.ts). */
  rules?: readonly Rule[];
}

/** One kind as the generated catalog lists it (provider/resources/catalog.ts). */
export interface CatalogEntry extends KindCatalog {
  /** The resource type: "ClientPhone". */
  type: string;
  /** The wire name: "clientPhone". */
  kind: string;
  schema: ResourceSchema;
  /** The named codes the schema module exports (each exported by the package under this name). */
  constants: Record<string, Record<string, number>>;
}

/** A value as text: "" for none. */
export const text = (v: unknown): string => (v === undefined || v === null ? "" : String(v));

/** Numbers the API answers masked (doc 2.7: 138xxxx8888) are never declarations. */
export const MASKED = /[xX*]/;
