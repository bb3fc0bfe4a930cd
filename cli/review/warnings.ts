/**
 * What a change can do to a live center, said first: deleting or replacing an agent, a phone or a
 * queue, a queue left with no members, an agent losing its phone, the black/white list switch
 * changing. Each warning says what will happen there, with the vendor document's section.
 */
import { codesOf, explainCode, fieldLabel, lifecycle, vendorTerm } from "./fields";
import { reviewOf, type ReviewContext, type WarningGroup, type WarningSink } from "./kinds";
import { emptiedQueues, type MembershipChange } from "./memberships";
import { setElements, valuesOf, type CenterObject } from "./model";
import { formerName, identity, nameOf, noun, plural, type Directory } from "./naming";
import { formatValue } from "./values";

export function replaceCost(kind: string): string {
  return reviewOf(kind).replaceCost ?? `the ${noun(kind)} is deleted and created anew`;
}

const WHY: Partial<Record<string, string>> = {
  identity: "the object's key, never updated in place",
  replace: "the update endpoint does not take it",
};

/**
 * "Agent number (座席工号) changes 1001 → 1009 (the object's key, never updated in place)". A field
 * the program does not declare has no input: before, the value the state last recorded from the
 * server (its outputs).
 */
export function replaceReason(o: CenterObject): string {
  const reasons = o.replaceKeys.map((field) => {
    const codes = codesOf(o.kind, field);
    const show = (v: unknown) => formatValue(v, (c) => explainCode(codes, c));
    const declaredBefore = o.old?.inputs[field];
    const held = o.old?.outputs[field];
    const before =
      declaredBefore !== undefined
        ? show(declaredBefore)
        : held !== undefined
          ? `${show(held)} (as the center holds it; not declared)`
          : "not declared";
    // compare (provider/schema/ops.ts) skips fields the new declaration leaves out: a replacement
    // is always forced by a declared value.
    const declaredAfter = o.new?.inputs[field];
    const after = declaredAfter !== undefined ? show(declaredAfter) : "not declared";
    const why = WHY[lifecycle(o.kind, field) ?? ""];
    return `${fieldLabel(o.kind, field)} changes ${before} → ${after}${why ? ` (${why})` : ""}`;
  });
  return reasons.length > 0 ? reasons.join("; ") : "the provider asks for a new object";
}

/** "agent 1001 alice" → "1001 alice": the name without its kind's noun, for a list under one noun. */
function bare(name: string, kind: string): string {
  const prefix = `${noun(kind)} `;
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function listOf(names: string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** The default words for a group of deletions of one kind: the single form for one, the count and the names for more. */
const deletedLine = (kind: string) => (g: WarningGroup) => {
  const n = g.names.length;
  const [only] = g.one; // one per name: `group` pushes both
  if (n === 1 && only !== undefined) return only;
  const details = g.details.length > 0 ? ` ${capitalize(g.details.join("; "))}.` : "";
  return `${n} ${plural(kind)} are deleted (${listOf(g.names)}). For each: ${reviewOf(kind).deleteEffect}.${details}`;
};

/**
 * Each object's warnings: its kind's own (its catalog's `warn`), else, for a kind whose deletes
 * and replacements touch a live center, that it is deleted (grouped by kind) or replaced.
 */
export function warningsOf(objects: CenterObject[], memberships: MembershipChange[], dir: Directory): string[] {
  const out: string[] = [];
  // Deletions of one kind are said once, in the place of the first (a destroy of 76 agents is one
  // line with the count and the names, not 76 copies of the same effect).
  const groups = new Map<string, { at: number; group: WarningGroup; line: (g: WarningGroup) => string }>();
  const sink: WarningSink = {
    push: (line) => void out.push(line),
    group: (key, entry, line) => {
      let g = groups.get(key);
      if (!g) {
        g = { at: out.length, group: { one: [], names: [], details: [] }, line: line ?? deletedLine(key) };
        groups.set(key, g);
        out.push("");
      }
      g.group.names.push(entry.name);
      g.group.one.push(entry.one);
      if (entry.detail) g.group.details.push(entry.detail);
    },
  };
  const ctx: ReviewContext = {
    valuesOf,
    setElements,
    nameOf: (o) => nameOf(o as CenterObject, dir),
    bare,
    identity: (kind, values) => identity(kind, values, dir),
    member: dir.member,
    queue: dir.queue,
    formatValue: (v) => formatValue(v),
    listOf,
    memberships,
    objects,
    showCode: (kind, field, v) => formatValue(v, (c) => explainCode(codesOf(kind, field), c)),
    codeMeaning: (kind, field, v) => explainCode(codesOf(kind, field), v),
    vendorTerm,
  };
  for (const o of objects) {
    if (!o.clink) continue;
    const spec = reviewOf(o.kind);
    if (spec.warn?.(o, ctx, sink)) continue;
    if (!spec.live) continue;
    const name = nameOf(o, dir);
    if (o.action === "removed")
      sink.group(o.kind, { name: bare(name, o.kind), one: `${name} is deleted: ${spec.deleteEffect}.` });
    else if (o.action === "replaced") {
      const was = formerName(o, dir);
      out.push(
        `${name} is replaced${was ? ` (was ${was})` : ""}, because ${replaceReason(o)}: ${replaceCost(o.kind)}.`,
      );
    }
  }
  for (const g of groups.values()) out[g.at] = g.line(g.group);
  for (const e of emptiedQueues(objects, memberships))
    out.push(
      `${nameOf(e.queue, dir)} is left with no members (${listOf(e.leavers.map((c) => dir.member(c)))} leave${e.leavers.length === 1 ? "s" : ""}): calls routed to it find no agent to answer.`,
    );
  return out;
}
