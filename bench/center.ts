/**
 * A generated center of a given size for the benchmark and the fault soak: agents with phones
 * bound to them, queues listing their members, a QueueMember per queue, dynamic number groups,
 * pause statuses and blacklist entries. `variant` 1 changes about 10% of the objects, 2 all of them.
 */
import type { Clink, Pulumi } from "../test/engine/engine";

export interface CenterShape {
  agents: number;
  queues: number;
  groups: number;
  pauses: number;
  blacklist: number;
}

export function shapeFor(agents: number): CenterShape {
  return {
    agents,
    queues: Math.max(2, Math.round(agents / 10)),
    groups: Math.max(1, Math.round(agents / 50)),
    pauses: 4,
    blacklist: agents,
  };
}

/** How many resources the program declares (for calls per managed object). */
export function resourceCount(s: CenterShape): number {
  // Each agent: Client, Exten, ClientPhone. Each q: a Queue with a QueueMember, and a Queue listing its members.
  return s.agents * 3 + s.queues * 3 + s.groups + s.pauses + s.blacklist;
}

const pad = (n: number, w: number) => String(n).padStart(w, "0");
/** Variant 1 changes every tenth object of each kind; variant 2 (the fault soak) changes them all. */
export const changed = (i: number, variant: number) => variant === 2 || (variant === 1 && i % 10 === 0);

export function center(shape: CenterShape, variant: number, sdk: { clink: Clink; pulumi: Pulumi }): void {
  const { clink, pulumi } = sdk;
  const password = pulumi.secret("bench-Agent-pw-1");
  const clids = ["01089193540", "01089193541"];

  for (let g = 0; g < shape.groups; g++)
    new clink.DynamicTelGroup(`group-${g}`, {
      name: `group-${g}`,
      selectedTels: clids,
      status: changed(g, variant) ? 0 : 1,
    });

  const agents = [];
  for (let i = 0; i < shape.agents; i++) {
    const cno = pad(1000 + i, 4);
    const agent = new clink.Client(`agent-${cno}`, {
      cno,
      name: `agent_${cno}`,
      areaCode: "010",
      password,
      wrapupTime: changed(i, variant) ? 45 : 30,
    });
    const phone = new clink.Exten(`phone-${cno}`, {
      extenNumber: pad(80000 + i, 5),
      password: pulumi.secret("bench-Phone-pw-1"),
      areaCode: "010",
      type: 1,
      allow: changed(i, variant) ? 5 : 3,
    });
    new clink.ClientPhone(`binding-${cno}`, { cno: agent.cno, tel: phone.extenNumber });
    agents.push(agent);
  }

  // For each q: a queue whose members are managed elsewhere (here: one QueueMember), and a queue
  // that lists its members (every agent i with i % queues == q).
  for (let q = 0; q < shape.queues; q++) {
    const mine = agents.filter((_, i) => i % shape.queues === q);
    const queue = new clink.Queue(`queue-${q}`, {
      qno: pad(q + 1, 4),
      name: `queue_${q}`,
      wrapupTime: changed(q, variant) ? 25 : 15,
    });
    new clink.Queue(`listed-${q}`, {
      qno: pad(5000 + q, 4),
      name: `listed_${q}`,
      members: mine.map((a, k) => ({ cno: a.cno, penalty: 1 + (k % 10) })),
    });
    const [first] = mine;
    if (first) new clink.QueueMember(`member-${q}`, { qno: queue.qno, cno: first.cno, penalty: 5 });
  }

  for (let p = 0; p < shape.pauses; p++)
    new clink.Pause(`pause-${p}`, {
      pauseStatus: `状态${p}`,
      isRest: changed(p, variant) ? 1 : 0,
      isDefault: p === 0 ? 1 : 0,
    });

  for (let b = 0; b < shape.blacklist; b++)
    new clink.RestrictTel(`spam-${b}`, {
      restrictType: 1,
      type: b % 3 === 0 ? [1, 2] : 1,
      telType: 1,
      tel: `1390000${pad(b, 4)}`,
      description: changed(b, variant) ? "confirmed" : "reported",
    });
}
