/**
 * The Markdown a reviewer reads in the pull request: a headline with counts per kind, the
 * warnings, then each changed object by kind. Unchanged objects appear only as a count. The text
 * stays under a character budget (GitHub refuses comments over 65,536 characters), cut at whole
 * lines, with a line saying what was cut.
 */
import { adoptionOf } from "./adoption";
import type { EventLog } from "./events";
import { checkedDefault, codesOf, explainCode, fieldLabel, isSecretField, keyLabel } from "./fields";
import { reviewOf } from "./kinds";
import { sentence, type MembershipChange } from "./memberships";
import type { Action, CenterObject, FieldChange } from "./model";
import { formerName, kindOrder, kindTitle, nameOf, noun, plural, type Directory } from "./naming";
import { replaceCost, replaceReason } from "./warnings";
import { escapeMarkdown, formatValue, isRecord, isSecret } from "./values";

/** GitHub's limit on a comment's body, in characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

export interface RenderInput {
  log: EventLog;
  objects: CenterObject[];
  memberships: MembershipChange[];
  warnings: string[];
  dir: Directory;
}

export interface RenderOptions {
  title: string;
  /** The most characters the text may have. */
  maxChars: number;
}

const ACTIONS: Exclude<Action, "unchanged">[] = ["added", "changed", "replaced", "removed"];
const RANK: Record<Action, number> = { removed: 0, replaced: 1, changed: 2, added: 3, unchanged: 4 };

/** The review's order: by kind, then removals first, then by name. */
export function ordered(objects: CenterObject[], dir: Directory): CenterObject[] {
  const kinds = kindOrder();
  const rank = (o: CenterObject) => (o.clink ? kinds.indexOf(o.kind) : kinds.length);
  return [...objects].sort((a, b) => {
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    if (RANK[a.action] !== RANK[b.action]) return RANK[a.action] - RANK[b.action];
    const [na, nb] = [nameOf(a, dir), nameOf(b, dir)];
    return na < nb ? -1 : na > nb ? 1 : 0;
  });
}

function show(o: CenterObject, field: string, v: unknown, key?: string): string {
  const codes = codesOf(o.kind, field, key);
  return formatValue(v, (c) => explainCode(codes, c));
}

/**
 * The value a newly declared field had: not managed before, so the server's value the state last
 * recorded (its outputs, docs/design.md "Undeclared fields are not managed"); only when the outputs
 * lack it, the documented default, said as such.
 */
function undeclaredBefore(o: CenterObject, c: Extract<FieldChange, { type: "value" }>): string | undefined {
  if (isSecretField(o.kind, c.field)) return undefined;
  const pick = (v: unknown) => (c.key === undefined ? v : isRecord(v) ? v[c.key] : undefined);
  const held = pick(o.old?.outputs[c.field]);
  if (held !== undefined && !isSecret(held))
    return `${show(o, c.field, held, c.key)} (as the center holds it; not declared before)`;
  const d = pick(checkedDefault(o.kind, c.field));
  return d !== undefined ? `${show(o, c.field, d, c.key)} (default)` : undefined;
}

function fieldLine(o: CenterObject, c: FieldChange): string {
  const label = fieldLabel(o.kind, c.field);
  if (c.type === "secret") {
    if (c.field === "") return "a secret value changed (not shown)";
    // A password, or a field the program itself made a secret: that it changed, never its value.
    return isSecretField(o.kind, c.field) ? "password changed" : `${label}: a secret value, not shown`;
  }
  if (c.type === "undeclared") return `${label}: no longer declared, left as it is (${show(o, c.field, c.before)})`;
  if (c.type === "set") {
    const el = (list: string[]) => list.map((e) => escapeMarkdown(e)).join(", ");
    if (o.action === "added") return `${label}: ${el(c.added)}`;
    const parts = [
      c.added.length > 0 ? `adds ${el(c.added)}` : "",
      c.removed.length > 0 ? `removes ${el(c.removed)}` : "",
      ...c.changed.map((x) => `${escapeMarkdown(x.element)}: ${formatValue(x.before)} → ${formatValue(x.after)}`),
    ].filter((p) => p !== "");
    return `${label}: ${parts.join("; ")}`;
  }
  const name = c.key === undefined ? label : `${label}, ${keyLabel(o.kind, c.field, c.key)}`;
  const after = show(o, c.field, c.after, c.key);
  if (o.action === "added" && !adoptionOf(o.new)) return `${name}: ${after}`;
  if (c.before === undefined) {
    const was = undeclaredBefore(o, c);
    return was === undefined ? `${name}: ${after} (not declared before)` : `${name}: ${was} → ${after}`;
  }
  return `${name}: ${show(o, c.field, c.before, c.key)} → ${after}`;
}

function objectBlock(o: CenterObject, input: RenderInput): string[] {
  const { dir } = input;
  const name = `**${nameOf(o, dir)}**`;
  let head: string;
  if (o.action === "replaced") {
    const was = formerName(o, dir);
    head = `- ${name} replaced${was ? ` (was ${was})` : ""}: ${replaceReason(o)}; ${replaceCost(o.kind)}`;
  } else if (o.action === "changed" && o.renamedFrom) {
    head = `- ${name} changed: the resource is renamed in the program (${escapeMarkdown(o.renamedFrom)} → ${escapeMarkdown(o.name)}) and keeps the object`;
  } else if (o.action === "added" && adoptionOf(o.new)) {
    // An adopting create: the object exists; what the adoption changes on it (cli/review/adoption.ts).
    head = `- ${name} adopted${o.changes.length === 0 ? ": exists in the center and is taken over unchanged" : ": exists in the center; the adoption changes"}`;
  } else if (o.action === "removed" && reviewOf(o.kind).removedHead) {
    // A delete that changes nothing on the server (the list switch): said so.
    head = `- ${name} ${reviewOf(o.kind).removedHead}`;
  } else head = `- ${name} ${o.action}`;
  if (o.failed) head += " (the step failed)";
  const sub: string[] = [];
  // Fields whose changes memberships.ts says as sentences ("bob joins 0001 at penalty 2").
  const membership = reviewOf(o.kind).membershipFields ?? [];
  const skip = new Set([...membership, ...(o.action === "replaced" ? o.replaceKeys : [])]);
  for (const c of o.changes) if (!skip.has(c.field)) sub.push(fieldLine(o, c));
  for (const m of input.memberships) if (m.source === o && !m.implied) sub.push(sentence(m, dir));
  return [head, ...sub.map((s) => `  - ${s}`)];
}

function countLine(title: string, objects: CenterObject[]): string | undefined {
  const parts = ACTIONS.map((a) => [a, objects.filter((o) => o.action === a).length] as const)
    .filter(([, n]) => n > 0)
    .map(([a, n]) => `${n} ${a}`);
  return parts.length > 0 ? `- ${title}: ${parts.join(", ")}` : undefined;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function render(input: RenderInput, options: RenderOptions): string {
  const { log, objects } = input;
  const changed = objects.filter((o) => o.action !== "unchanged");
  const unchanged = objects.length - changed.length;
  const head: string[] = [
    changed.length === 0
      ? `### ${options.title}: no changes (${unchanged} unchanged)`
      : `### ${options.title}: ${changed.length} object${changed.length === 1 ? " changes" : "s change"}, ${unchanged} unchanged`,
  ];
  if (log.errors > 0 || log.result === "failed") {
    const what = log.isPreview === false ? "update" : "preview";
    const errors = log.errors > 0 ? ` ${log.errors} error${log.errors === 1 ? "" : "s"}` : " a failure";
    head.push(
      "",
      "> [!CAUTION]",
      `> The ${what} reported${errors}: the changes below may be incomplete. The job's log has the errors; this summary does not repeat them, as they may quote values.`,
    );
  }
  const kinds = kindOrder();
  const groups: { title: string; one: string; many: string; heading: string; objects: CenterObject[] }[] = [
    ...kinds.map((k) => ({
      title: kindTitle(k),
      one: noun(k),
      many: plural(k),
      heading: `#### ${capital(kindTitle(k)).replace(/\)$/, `, \`${k}\`)`)}`,
      objects: changed.filter((o) => o.clink && o.kind === k),
    })),
    {
      title: "other resources",
      one: "other resource",
      many: "other resources",
      heading: "#### Other resources",
      objects: changed.filter((o) => !o.clink || !kinds.includes(o.kind)),
    },
  ].filter((g) => g.objects.length > 0);
  const counts = groups.map((g) => countLine(g.title, g.objects)).filter((l): l is string => l !== undefined);
  if (counts.length > 0) head.push("", ...counts);

  // Cut at whole lines: the headline always, then warnings, then objects, while they fit with
  // room left for the line that says what was cut.
  const out = [...head];
  let used = out.join("\n").length;
  const reserve = 400;
  const fits = (lines: string[]) => used + lines.reduce((n, l) => n + l.length + 1, 0) + reserve <= options.maxChars;
  const add = (lines: string[]) => {
    out.push(...lines);
    used += lines.reduce((n, l) => n + l.length + 1, 0);
  };
  let cutWarnings = 0;
  if (input.warnings.length > 0) {
    const opening = ["", "> [!WARNING]", "> **What this does to the live center**"];
    if (fits(opening)) add(opening);
    for (const w of input.warnings) {
      const line = [`> - ${w}`];
      if (out.length > head.length && fits(line)) add(line);
      else cutWarnings++;
    }
  }
  const cutObjects = new Map<(typeof groups)[number], number>();
  for (const g of groups) {
    let opened = false;
    for (const o of ordered(g.objects, input.dir)) {
      const block = objectBlock(o, input);
      const lines = opened ? block : ["", g.heading, "", ...block];
      if (fits(lines)) {
        add(lines);
        opened = true;
      } else cutObjects.set(g, (cutObjects.get(g) ?? 0) + 1);
    }
  }
  const cut = [...cutObjects.values()].reduce((a, b) => a + b, 0);
  if (cutWarnings + cut > 0) {
    const what = [
      cutWarnings > 0 ? `${cutWarnings} warning${cutWarnings === 1 ? "" : "s"}` : "",
      cut > 0
        ? `${cut} changed object${cut === 1 ? "" : "s"} (${[...cutObjects].map(([g, n]) => `${n} ${n === 1 ? g.one : g.many}`).join(", ")})`
        : "",
    ].filter((p) => p !== "");
    out.push(
      "",
      `_Cut to stay under ${options.maxChars.toLocaleString("en-US")} characters (GitHub's comment limit is ${GITHUB_COMMENT_LIMIT.toLocaleString("en-US")}): ${what.join(" and ")} not shown. The preview's own output in the job's log lists every change._`,
    );
  }
  const text = out.join("\n") + "\n";
  return text.length <= options.maxChars ? text : text.slice(0, options.maxChars);
}
