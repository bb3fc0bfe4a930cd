/**
 * The policy pack's rules about queues and their members (doc 3.2; docs/membership.md: three doors).
 */
import { setOf, textOf, Unknown, who, type ClinkResource, type Maybe, type SetRead } from "../../../policy/read";
import { exemptConfig, intConfig, ofType, stringsConfig, type StackRule, type Violation } from "../../../policy/rule";

// ---------------------------------------------------------------------------------------------
// Queues and their agents (doc 3.1 agents, 3.2 queues; docs/membership.md: three doors)
// ---------------------------------------------------------------------------------------------

/** Every membership the stack declares, through each door, with what is not known yet. */
interface Memberships {
  /** qno -> known cnos. */
  byQueue: Map<string, Set<string>>;
  /** qno -> members whose cno is not known yet. */
  unknownByQueue: Map<string, number>;
  /** cnos in some queue. */
  agents: Set<string>;
  /** Some membership's queue is not known yet (it may be any queue's). */
  someQueueUnknown: boolean;
  /** Some membership's agent is not known yet (it may be any agent's). */
  someAgentUnknown: boolean;
}

export function membershipsOf(resources: ClinkResource[]): Memberships {
  const m: Memberships = {
    byQueue: new Map(),
    unknownByQueue: new Map(),
    agents: new Set(),
    someQueueUnknown: false,
    someAgentUnknown: false,
  };
  const add = (qno: Maybe<string | undefined>, cno: Maybe<string | undefined>) => {
    if (qno === Unknown || qno === undefined) m.someQueueUnknown = true;
    if (cno === Unknown || cno === undefined) m.someAgentUnknown = true;
    else m.agents.add(cno);
    if (qno === Unknown || qno === undefined) return;
    if (cno === Unknown || cno === undefined) m.unknownByQueue.set(qno, (m.unknownByQueue.get(qno) ?? 0) + 1);
    else m.byQueue.set(qno, (m.byQueue.get(qno) ?? new Set()).add(cno));
  };
  const addSet = (set: Maybe<SetRead | undefined>, each: (key: Maybe<string>) => void, whole: () => void) => {
    if (set === undefined) return;
    if (set === Unknown) return whole();
    set.keys.forEach(each);
    for (let i = 0; i < set.unknownElements; i++) each(Unknown);
  };
  // Queue.members (authoritative, doc 3.2.1/3.2.2 `queueMembers`): a set keyed by cno.
  for (const q of ofType(resources, "Queue")) {
    const qno = textOf(q, "qno");
    addSet(
      setOf(q, "members", "cno"),
      (cno) => add(qno, cno),
      () => add(qno, Unknown),
    );
  }
  // QueueMember: one membership (doc 3.2.3 batch_update_queue).
  for (const qm of ofType(resources, "QueueMember")) add(textOf(qm, "qno"), textOf(qm, "cno"));
  // Client.qnos: the agent's queues (doc 3.1.1/3.1.2 `qnos`).
  for (const c of ofType(resources, "Client")) {
    const cno = textOf(c, "cno");
    addSet(
      setOf(c, "qnos"),
      (qno) => add(qno, cno),
      () => add(Unknown, cno),
    );
  }
  return m;
}

export const queueHasMembers: StackRule = {
  order: 30,
  kind: "stack",
  name: "queue-has-members",
  description:
    "Every queue has members, declared by its members, by QueueMember resources or by agents' qnos: a queue nobody answers drops its callers.",
  enforcementLevel: "advisory",
  config: {
    minMembers: {
      type: "integer",
      minimum: 1,
      default: 1,
      description: "The fewest agents a queue may have.",
    },
    exempt: exemptConfig("Queue numbers (qno)"),
  },
  check(resources, config) {
    const min = intConfig(config, "minMembers");
    const exempt = stringsConfig(config, "exempt");
    const m = membershipsOf(resources);
    const out: Violation[] = [];
    for (const q of ofType(resources, "Queue")) {
      const qno = textOf(q, "qno");
      if (qno === Unknown || qno === undefined || exempt.includes(qno)) continue;
      const known = m.byQueue.get(qno)?.size ?? 0;
      // A membership not known yet may be this queue's: no verdict unless even counting it falls short.
      const atMost = known + (m.unknownByQueue.get(qno) ?? 0);
      if (atMost >= min || m.someQueueUnknown) continue;
      const declared = setOf(q, "members", "cno") !== undefined;
      const has =
        known === 0
          ? "no members"
          : `${known} member${known === 1 ? "" : "s"} (${[...m.byQueue.get(qno)!].join(", ")})`;
      out.push({
        urn: q.urn,
        message:
          `${who(q)} (qno ${qno}) has ${has} in this stack${min > 1 ? `, fewer than the ${min} this policy asks for` : ""}: ` +
          `no agent answers the calls it receives; they wait until the queue times out (queueTimeout) and leave unanswered. ` +
          (declared ? `Add agents to its members ({ cno, penalty }), ` : `Declare its members ({ cno, penalty }), `) +
          `or add QueueMember resources or the qno to agents' qnos (docs/membership.md). ` +
          `If its members are managed outside this stack, add "${qno}" to this policy's exempt list.`,
      });
    }
    return out;
  },
};
