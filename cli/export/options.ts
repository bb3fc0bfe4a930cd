/**
 * The command line of `pulumi-clink export`: flags, their checks, and the filter they make.
 * Credentials and endpoint come from the flags or, as the provider reads them, from the
 * `CLINK_*` environment (CLINK_ACCESS_KEY_ID, CLINK_ACCESS_KEY_SECRET, CLINK_REGION,
 * CLINK_ENDPOINT, CLINK_PASSWORD_ENCRYPTION: provider/settings.ts, provider/api/client.ts).
 */
import { parseArgs } from "node:util";
import { KIND_NAMES, KINDS, kindInfo, type Kind } from "./kinds";

/** A mistake in the command line: reported with the usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export interface Filter {
  /** The kinds whose objects are exported (all that match). */
  roots: ReadonlySet<Kind>;
  /** Kinds never exported, not even as the target of a reference (references to them become literals). */
  excluded: ReadonlySet<Kind>;
  /** Key patterns per kind; an object of a kind with patterns is exported only when one matches. */
  match: ReadonlyMap<Kind, RegExp[]>;
}

export interface ExportOptions {
  out: string;
  filter: Filter;
  /** The Pulumi project name written to Pulumi.yaml and package.json. */
  project: string;
  /** Write into a directory that is not empty (files of the export are overwritten, others kept). */
  force: boolean;
  quiet: boolean;
  connection: {
    accessKeyId?: string;
    accessKeySecret?: string;
    region?: string;
    endpoint?: string;
    rate?: number;
  };
}

/** "client, clientPhone: the agent number (cno); queue: qno; ...", wrapped as the usage is. */
function matchKeys(): string {
  const byKey = new Map<string, string[]>();
  for (const k of KINDS) if (k.matchKey) byKey.set(k.matchKey, [...(byKey.get(k.matchKey) ?? []), k.kind]);
  const parts = [...byKey].map(([key, kinds]) => `${kinds.join(", ")}: ${key}`);
  const lines = ["Keys for --match:"];
  for (const part of parts.map((p, i) => p + (i < parts.length - 1 ? ";" : ""))) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + part.length <= 95) lines[lines.length - 1] = `${last} ${part}`;
    else lines.push(part);
  }
  return lines.join("\n").slice("Keys for --match: ".length);
}

export const USAGE = `Usage: pulumi-clink export --out DIR [options]

Reads a Clink center (agents, queues, phones, bindings, number groups, pauses, black/white
lists and their switch) and writes a Pulumi TypeScript project that declares it, every
resource with adopt: true, so that its first \`pulumi up\` changes nothing.

  --out DIR                 the project directory to write (must be empty or new, unless --force)
  --include KINDS           export only these kinds (comma-separated; repeatable)
  --exclude KINDS           never export these kinds; references to them are written as literals
  --match KIND=GLOB[,GLOB]  export only the objects of KIND whose key matches a GLOB (* and ?);
                            repeatable, combines with --include/--exclude
  --project NAME            the Pulumi project name (default clink-center)
  --force                   write into a non-empty DIR (the export's own files are replaced)
  --quiet                   no progress on stderr
  --access-key-id ID        default CLINK_ACCESS_KEY_ID
  --access-key-secret S     default CLINK_ACCESS_KEY_SECRET (prefer the variable: a flag shows in
                            the process list and the shell history)
  --region bj|sh            default CLINK_REGION, then bj
  --endpoint URL            default CLINK_ENDPOINT (overrides --region)
  --rate N                  requests per second per endpoint (default 3, the API's limit, doc 2.6);
                            0 paces nothing and waits out the server's 429 answers
  -h, --help                this text

Kinds: ${KIND_NAMES.join(", ")}.
Keys for --match: ${matchKeys()}.
Objects that exported ones refer to (a queue's member agents, a binding's agent and phone) are
exported too when their kind is not excluded and they pass its --match.`;

const PROJECT_NAME = /^[A-Za-z0-9_.-]+$/;

export function parseExportArgs(argv: string[]): ExportOptions | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      strict: true,
      options: {
        out: { type: "string" },
        include: { type: "string", multiple: true },
        exclude: { type: "string", multiple: true },
        match: { type: "string", multiple: true },
        project: { type: "string" },
        force: { type: "boolean", default: false },
        quiet: { type: "boolean", default: false },
        "access-key-id": { type: "string" },
        "access-key-secret": { type: "string" },
        region: { type: "string" },
        endpoint: { type: "string" },
        rate: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (err) {
    // parseArgs names the flag ("Unknown option '--ou'", "Option '--out <value>' argument missing").
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const v = parsed.values;
  if (v.help) return "help";
  if (!v.out) throw new UsageError("--out DIR is required: the directory the project is written to.");
  const project = v.project ?? "clink-center";
  if (!PROJECT_NAME.test(project))
    throw new UsageError(`--project "${project}": a Pulumi project name of letters, digits, _, . and - only.`);
  let rate: number | undefined;
  if (v.rate !== undefined) {
    rate = Number(v.rate);
    if (!Number.isFinite(rate) || rate < 0)
      throw new UsageError(`--rate "${v.rate}": a number of requests per second (0 = no pacing).`);
  }
  if (v.region !== undefined && v.region !== "bj" && v.region !== "sh")
    throw new UsageError(`--region "${v.region}": bj or sh (or give --endpoint).`);
  return {
    out: v.out,
    filter: makeFilter({ include: v.include, exclude: v.exclude, match: v.match }),
    project,
    force: v.force ?? false,
    quiet: v.quiet ?? false,
    connection: {
      accessKeyId: v["access-key-id"],
      accessKeySecret: v["access-key-secret"],
      region: v.region,
      endpoint: v.endpoint,
      rate,
    },
  };
}

function kindsOf(flag: string, values: string[] | undefined): Kind[] {
  const out: Kind[] = [];
  for (const value of values ?? [])
    for (const raw of value.split(",")) {
      const name = raw.trim();
      if (name === "") throw new UsageError(`${flag}: an empty kind; the kinds are ${KIND_NAMES.join(", ")}.`);
      const kind = KIND_NAMES.find((k) => k === name || k.toLowerCase() === name.toLowerCase());
      if (!kind) throw new UsageError(`${flag} ${name}: no such kind; the kinds are ${KIND_NAMES.join(", ")}.`);
      out.push(kind);
    }
  return out;
}

/** `*` any run of characters, `?` one character; the whole key must match. */
export function globToRegExp(glob: string): RegExp {
  const body = [...glob]
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${body}$`, "u");
}

export function makeFilter(flags: { include?: string[]; exclude?: string[]; match?: string[] }): Filter {
  const included = kindsOf("--include", flags.include);
  const excluded = new Set(kindsOf("--exclude", flags.exclude));
  for (const k of included) if (excluded.has(k)) throw new UsageError(`${k} is both included and excluded: pick one.`);
  const roots = new Set((included.length > 0 ? included : KIND_NAMES).filter((k) => !excluded.has(k)));
  if (roots.size === 0) throw new UsageError("Every kind is excluded: nothing would be exported.");
  const reachable = new Set([
    ...roots,
    ...[...roots].flatMap((k) => kindInfo(k).refersTo).filter((k) => !excluded.has(k)),
  ]);

  const match = new Map<Kind, RegExp[]>();
  for (const m of flags.match ?? []) {
    const at = m.indexOf("=");
    if (at <= 0) throw new UsageError(`--match ${m}: write KIND=GLOB, e.g. --match client=10*.`);
    const [kind] = kindsOf("--match", [m.slice(0, at)]);
    if (kind === undefined) throw new UsageError(`--match ${m}: give a kind before '='.`);
    const globs = m
      .slice(at + 1)
      .split(",")
      .map((g) => g.trim());
    if (globs.some((g) => g === "")) throw new UsageError(`--match ${m}: an empty pattern.`);
    if (excluded.has(kind)) throw new UsageError(`--match ${m} has no effect: ${kind} is excluded.`);
    if (!reachable.has(kind))
      throw new UsageError(`--match ${m} has no effect: ${kind} is not exported (see --include).`);
    match.set(kind, [...(match.get(kind) ?? []), ...globs.map(globToRegExp)]);
  }
  return { roots, excluded, match };
}

/** Whether an object of `kind` with these keys passes the kind's --match patterns (if any). */
export function passes(filter: Filter, kind: Kind, keys: string[]): boolean {
  const patterns = filter.match.get(kind);
  return !patterns || patterns.some((p) => keys.some((k) => p.test(k)));
}

/** Whether objects of `kind` may be exported as the target of a reference. */
export const referable = (filter: Filter, kind: Kind): boolean => !filter.excluded.has(kind);
