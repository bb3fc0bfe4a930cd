/**
 * How the review names things: kinds in words a contact-center team uses ("agent", "queue"), and
 * each object by its Clink identity and name ("agent 1001 alice", "queue 0001 售后支持").
 */
import { codesOf, explainCode, idFields, knownKinds, vendorTerm } from "./fields";
import { kindsWith, nounOf, reviewOf, reviewOrder } from "./kinds";
import { valuesOf, type CenterObject } from "./model";
import { escapeMarkdown, formatValue, isSecret, isUnknown } from "./values";

export function noun(kind: string): string {
  return nounOf(kind) ?? kind;
}

export function plural(kind: string): string {
  return reviewOf(kind).plural ?? kind;
}

/** The kinds in summary order: those whose catalog places them, then any other kind the schemas know. */
export function kindOrder(): string[] {
  const placed = reviewOrder();
  return [...placed, ...knownKinds().filter((k) => !placed.includes(k))];
}

/** "agents (座席)" */
export function kindTitle(kind: string): string {
  const term = vendorTerm(kind);
  return term ? `${plural(kind)} (${term})` : plural(kind);
}

/** Agent and queue names by number, from every Client and Queue the log mentions. */
export interface Directory {
  /** "alice", or the number when the agent is not in the program. */
  agent(cno: string): string;
  /** "0001 售后支持", or the number. */
  queue(qno: string): string;
  /** "agent 1802 b", or "agent 1802": a member by number and name, since names need not be unique. */
  member(cno: string): string;
}

export function directoryOf(objects: CenterObject[]): Directory {
  // Names by the id field that names them (agents by cno, queues by qno: the catalog's namedBy).
  const namedBy = new Map(kindsWith("namedBy"));
  const names = new Map<string, Map<string, string>>([...namedBy.values()].map((f) => [f, new Map()]));
  const note = (field: string, values: Record<string, unknown>) => {
    const key = values[field];
    const name = values.name;
    if (typeof key === "string" && typeof name === "string" && !isSecret(name) && !isUnknown(name))
      names.get(field)!.set(key, name);
  };
  for (const o of objects) {
    const field = namedBy.get(o.kind);
    if (field === undefined) continue;
    // The old names first: the new ones win for an object that stays.
    if (o.old) note(field, valuesOf(o.old));
    if (o.new) note(field, valuesOf(o.new));
  }
  const nameOf = (field: string, key: string) => names.get(field)?.get(key);
  return {
    agent: (cno) => escapeMarkdown(nameOf("cno", cno) ?? cno),
    member: (cno) => {
      const name = nameOf("cno", cno);
      return `agent ${escapeMarkdown(cno)}${name === undefined ? "" : ` ${escapeMarkdown(name)}`}`;
    },
    queue: (qno) => {
      const name = nameOf("qno", qno);
      return name === undefined ? escapeMarkdown(qno) : `${escapeMarkdown(qno)} ${escapeMarkdown(name)}`;
    },
  };
}

/** The object's identity in words, from the values of one of its states. */
export function identity(kind: string, values: Record<string, unknown>, dir: Directory): string {
  const parts = idFields(kind).map((field) => {
    const v = values[field];
    if (typeof v === "string" && !isSecret(v) && !isUnknown(v)) {
      if (field === "cno") return `${escapeMarkdown(v)}${dir.agent(v) === escapeMarkdown(v) ? "" : ` ${dir.agent(v)}`}`;
      if (field === "qno") return dir.queue(v);
    }
    // A code names itself by its meaning ("blacklist" rather than 1).
    return explainCode(codesOf(kind, field), v) ?? formatValue(v);
  });
  return [noun(kind), parts.join(" · ")].filter((p) => p !== "").join(" ");
}

/** How the review names an object: after the change, or as it was for one that goes. */
export function nameOf(o: CenterObject, dir: Directory): string {
  if (!o.clink) return `${escapeMarkdown(o.kind)} ${escapeMarkdown(o.name)}`;
  const state = o.action === "removed" || !o.new ? o.old : o.new;
  return identity(o.kind, valuesOf(state), dir);
}

/** The name before the change, when a replacement changes it. */
export function formerName(o: CenterObject, dir: Directory): string | undefined {
  if (!o.clink || !o.old || !o.new) return undefined;
  const before = identity(o.kind, valuesOf(o.old), dir);
  return before === nameOf(o, dir) ? undefined : before;
}
