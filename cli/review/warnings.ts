/**
 * What a change can do to a live center, said first: deleting or replacing an agent, a phone or a
 * queue, a queue left with no members, an agent losing its phone, the black/white list switch
 * changing. Each warning says what will happen there, with the vendor document's section.
 */
import { codesOf, explainCode, fieldLabel, lifecycle, vendorTerm } from "./fields";
import { emptiedQueues, type MembershipChange } from "./memberships";
import { setElements, valuesOf, type CenterObject } from "./model";
import { formerName, identity, nameOf, noun, plural, type Directory } from "./naming";
import { formatValue } from "./values";

/** What deleting an object of a kind does on the server. */
const DELETE_EFFECT: Record<string, string> = {
  Client:
    "it can no longer log in or take calls, and its phone numbers, its bound phone and its queue memberships go with it (doc 3.1.3 delete_client). " +
    "The delete is refused while the agent is logged in (ClientOnline) unless forceOfflineOnDelete logs it out first",
  Exten:
    "a device registered with it stops working (doc 3.4.3 delete_exten). The delete is refused while an agent has it bound (ExtenOnUsing)",
  Queue:
    "calls can no longer be routed to it, and its members leave it (doc 3.2.5 delete_queue). " +
    "The delete is refused while a member is logged in (OnlineClientInQueue) or an IVR routes to it (QueueInUse)",
  ClientPhone: "the agent takes no calls until a phone is bound again (doc 3.1.8 unbind_client_tel)",
};

/** What a replacement costs on the server: the old object is deleted and a new one created. */
const REPLACE_COST: Record<string, string> = {
  Client:
    "the agent is deleted (doc 3.1.3 delete_client) and created anew: it is logged out and must log in again, " +
    "its login history and bindings stay with the deleted agent, and what is not declared on it (bound phone, phone numbers, queue memberships, gains) is lost",
  Exten:
    "the phone is deleted (doc 3.4.3 delete_exten) and created anew: a device registered with it must register again, " +
    "and the delete is refused while an agent has it bound (ExtenOnUsing)",
  Queue:
    "the queue is deleted (doc 3.2.5 delete_queue) and created anew: calls cannot reach it in between, " +
    "and members not declared on it are lost",
  ClientPhone:
    "the phone is unbound (doc 3.1.8 unbind_client_tel) and bound again: the agent takes no calls in between",
  QueueMember: "the membership is removed and added again (doc 3.2.3 batch_update_queue)",
  RestrictTel:
    "the entry is deleted (doc 3.7.3 delete_restrict_tel) and created again, there being no update endpoint: " +
    "the number is not screened in between",
};

export function replaceCost(kind: string): string {
  return REPLACE_COST[kind] ?? `the ${noun(kind)} is deleted and created anew`;
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

const LIVE_KINDS = new Set(["Client", "Exten", "ClientPhone", "Queue"]);

/** "agent 1001 alice" → "1001 alice": the name without its kind's noun, for a list under one noun. */
function bare(name: string, kind: string): string {
  const prefix = `${noun(kind)} `;
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

/** What deleting list entries lets through (doc 3.7.3 delete_restrict_tel; docs/restrict-tel.md). */
const LIST_ENTRY_GONE: Record<string, string> = {
  blacklist:
    "while the blacklist is on, calls with these numbers are no longer blocked: they can call and be called again (doc 3.7.3 delete_restrict_tel)",
  whitelist:
    "while the whitelist is on, these numbers are no longer let through: their calls are blocked (doc 3.7.3 delete_restrict_tel)",
};

/** One warning for every deletion of a kind: the single form for one, the count and the names for more. */
function groupLine(key: string, g: { one: string[]; names: string[]; details: string[] }): string {
  const n = g.names.length;
  if (key.startsWith("RestrictTel:")) {
    const list = key.slice("RestrictTel:".length);
    return `${n} ${list} ${n === 1 ? "entry is" : "entries are"} deleted (${listOf(g.names)}): ${LIST_ENTRY_GONE[list]}.`;
  }
  if (n === 1) return g.one[0];
  const details = g.details.length > 0 ? ` ${capitalize(g.details.join("; "))}.` : "";
  if (key === "ClientPhone") return `${n} agents lose their phones (${listOf(g.names)}): ${DELETE_EFFECT.ClientPhone}.`;
  return `${n} ${plural(key)} are deleted (${listOf(g.names)}). For each: ${DELETE_EFFECT[key]}.${details}`;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function listOf(names: string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** "blacklist, both" → what the switch then does to calls. */
function switchEffect(label: string | undefined): string {
  if (!label) return "";
  if (/^off\b/.test(label)) return ": no list screens calls any more";
  const calls = /inbound/.test(label)
    ? "inbound calls"
    : /outbound/.test(label)
      ? "outbound calls"
      : "calls in both directions";
  if (/^blacklist/.test(label)) return `: numbers on the blacklist are blocked for ${calls}`;
  if (/^whitelist/.test(label))
    return `: only numbers on the whitelist get through for ${calls}, every other number is blocked`;
  return "";
}

function listSwitch(o: CenterObject): string | undefined {
  if (o.action !== "changed" && o.action !== "added" && o.action !== "replaced") return undefined;
  const codes = codesOf(o.kind, "settingValue");
  const before = o.old?.inputs.settingValue;
  const after = o.new?.inputs.settingValue;
  const show = (v: unknown) => formatValue(v, (c) => explainCode(codes, c));
  const effect = switchEffect(explainCode(codes, after));
  if (o.action === "added" || before === undefined)
    return `The black/white list switch (${vendorTerm(o.kind)}) is set to ${show(after)}, whatever the center has now (doc 3.7.5)${effect}.`;
  if (before === after) return undefined;
  return `The black/white list switch (${vendorTerm(o.kind)}) changes from ${show(before)} to ${show(after)} (doc 3.7.5)${effect}.`;
}

export function warningsOf(objects: CenterObject[], memberships: MembershipChange[], dir: Directory): string[] {
  const out: string[] = [];
  const agentsGoing = new Set(
    objects
      .filter((o) => o.kind === "Client" && (o.action === "removed" || o.action === "replaced"))
      .map((o) => String(valuesOf(o.old).cno)),
  );
  // Deletions of one kind are said once, in the place of the first (a destroy of 76 agents is one
  // line with the count and the names, not 76 copies of the same effect).
  const groups = new Map<string, { at: number; one: string[]; names: string[]; details: string[] }>();
  const group = (key: string, name: string, one: string, detail?: string) => {
    let g = groups.get(key);
    if (!g) {
      g = { at: out.length, one: [], names: [], details: [] };
      groups.set(key, g);
      out.push("");
    }
    g.names.push(name);
    g.one.push(one);
    if (detail) g.details.push(detail);
  };
  for (const o of objects) {
    if (!o.clink) continue;
    const name = nameOf(o, dir);
    if (LIVE_KINDS.has(o.kind) && o.action === "removed") {
      if (o.kind === "ClientPhone") {
        const was = valuesOf(o.old);
        const cno = String(was.cno);
        // An agent that goes loses its phone with it: its own warning says so.
        if (agentsGoing.has(cno)) continue;
        const agent = identity("Client", { cno }, dir);
        group(
          "ClientPhone",
          `${bare(agent, "Client")} (${formatValue(was.tel)})`,
          `${agent} loses its phone ${formatValue(was.tel)}: ${DELETE_EFFECT.ClientPhone}.`,
        );
        continue;
      }
      let effect = DELETE_EFFECT[o.kind];
      let detail: string | undefined;
      if (o.kind === "Client") {
        const queues = memberships.filter((m) => m.source === o && m.what === "leaves").map((m) => dir.queue(m.qno));
        if (queues.length > 0) {
          effect = `${effect}. It leaves ${listOf(queues)}`;
          detail = `${bare(name, o.kind)} leaves ${listOf(queues)}`;
        }
      }
      if (o.kind === "Queue") {
        const members = Object.keys(setElements(o.kind, "members", o.old?.outputs.members ?? o.old?.inputs.members));
        if (members.length > 0) {
          effect = `${effect}. Its members now: ${listOf(members.map((c) => dir.member(c)))}`;
          detail = `${bare(name, o.kind)} has ${listOf(members.map((c) => dir.member(c)))}`;
        }
      }
      group(o.kind, bare(name, o.kind), `${name} is deleted: ${effect}.`, detail);
    } else if (LIVE_KINDS.has(o.kind) && o.action === "replaced") {
      const was = formerName(o, dir);
      out.push(
        `${name} is replaced${was ? ` (was ${was})` : ""}, because ${replaceReason(o)}: ${replaceCost(o.kind)}.`,
      );
    } else if (o.kind === "RestrictTel" && o.action === "removed") {
      const was = valuesOf(o.old);
      const list = Number(was.restrictType) === 2 ? "whitelist" : "blacklist";
      group(`RestrictTel:${list}`, formatValue(was.tel), "");
    } else if (o.kind === "RestrictTelSetting") {
      const w = listSwitch(o);
      if (w) out.push(w);
    }
  }
  for (const [key, g] of groups) out[g.at] = groupLine(key, g);
  for (const e of emptiedQueues(objects, memberships))
    out.push(
      `${nameOf(e.queue, dir)} is left with no members (${listOf(e.leavers.map((c) => dir.member(c)))} leave${e.leavers.length === 1 ? "s" : ""}): calls routed to it find no agent to answer.`,
    );
  return out;
}
