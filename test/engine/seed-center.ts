/**
 * A center of every kind, made through signed API calls as the Clink console or another tool
 * would have made it (never through pulumi-clink's resources): agents with passwords and varied
 * settings, phones, bindings (to phones of the center and to a mobile), queues with members,
 * number groups, pause statuses, list entries on both lists (one number in both directions, an
 * area code, the unknown number) and the list switch. Used by the export round trip
 * (test/e2e/export-round-trip.test.ts) and the export benchmark (bench/run.ts --export).
 */
import type { ClinkClient } from "../../provider/api";

export interface SeedShape {
  agents: number;
  /** Phones 8000.. ; agent i is bound to phone i while both exist, except the last `free` agents. */
  phones: number;
  queues: number;
  groups: number;
  pauses: number;
  entries: number;
  /** The last agents of the list: in no queue and with no phone (what a deletion test needs). */
  free: number;
}

export const pad = (n: number, w: number) => String(n).padStart(w, "0");
export const cnoOf = (i: number) => String(1000 + i);
export const extenOf = (j: number) => String(8000 + j);
export const qnoOf = (q: number) => pad(q + 1, 4);
export const agentPassword = (i: number) => `Agent-pw-${i}-x`;

const CLIDS = ["01089193540", "01089193541", "02161234567"];
const PAUSES = ["忙碌", "小休", "培训", "会议", "用餐", "午休"];

/** Runs `tasks` with at most `width` at once (the simulator's limit may be on: the client paces). */
async function all(width: number, tasks: Array<() => Promise<unknown>>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, tasks.length) }, async () => {
      while (next < tasks.length) await tasks[next++]!(); // under the length just checked
    }),
  );
}

export async function seedCenter(client: ClinkClient, s: SeedShape, width = 32): Promise<void> {
  const post = (path: string, body: Record<string, unknown>) => client.request("POST", path, { body });

  await all(
    width,
    Array.from(
      { length: s.groups },
      (_, g) => () =>
        post("/cc/create_dynamic_tel_group_rule", {
          name: g % 2 === 0 ? `外呼组${g}` : `group_${g}`,
          selectedTels: g % 3 === 0 ? CLIDS : CLIDS.slice(0, 2),
          status: g % 2,
          ...(g === 1 ? { advancedConfigPermission: 1, statisticDays: 14, minAnswerRate: 20 } : {}),
        }),
    ),
  );

  const members = new Map<number, Array<{ cno: string; penalty: number }>>();
  await all(
    width,
    Array.from({ length: s.agents }, (_, i) => async () => {
      const cno = cnoOf(i);
      const permission: Record<string, number> = i % 4 === 0 ? { record: 1, sms: 1 } : {};
      await post("/cc/create_client", {
        cno,
        name: i % 3 === 0 ? `座席${i}` : `agent_${i}`,
        areaCode: i % 2 === 0 ? "010" : "021",
        password: client.agentPassword(agentPassword(i)),
        permission,
        ...(i % 7 === 0 ? { role: 1 } : {}),
        ...(i % 5 === 0 ? { wrapupTime: 45 } : {}),
        ...(i % 11 === 0 ? { hiddenTel: 1 } : {}),
        ...(i % 6 === 1 ? { clidType: 2, clid: [CLIDS[i % 3]] } : {}),
        ...(i % 9 === 0 ? { serveArea: ["010", "021"] } : {}),
        ...(i % 13 === 0 ? { type: 1 } : {}),
        ...(i % 8 === 3 ? { pauseLogin: 0 } : {}),
        ...(i % 10 === 0 ? { crmId: 5000 + i } : {}),
        // A number group the API never answers on describe (3.1.5): the adopted agent keeps it.
        ...(i === 2 && s.groups > 0 ? { assignType: 1, dynamicTelGroupName: "外呼组0" } : {}),
      });
      if (i % 5 === 2) await post("/cc/other_setting", { cno, agcRx: 30, agcTx: 60 });
      if (i % 7 === 3) await post("/cc/update_client", { cno, permission, ibWrapupType: 2, ibWrapupTime: 20 });
    }),
  );
  for (let i = 0; i < s.agents - s.free; i++) {
    const q = i % s.queues;
    members.set(q, [...(members.get(q) ?? []), { cno: cnoOf(i), penalty: 1 + (i % 10) }]);
  }

  await all(
    width,
    Array.from({ length: s.phones }, (_, j) => () => {
      const soft = j % 4 === 3;
      return post("/cc/create_exten", {
        extenNumber: extenOf(j),
        password: `Ph-pw-${j}`,
        areaCode: j % 2 === 0 ? "010" : "021",
        type: soft ? 2 : 1,
        allow: soft ? 5 + (j % 2) : 2 + (j % 3),
        ...(j % 5 === 0 ? { jittBuffer: 1 } : {}),
      });
    }),
  );

  const bound = Math.min(s.phones, s.agents - s.free);
  await all(width, [
    ...Array.from(
      { length: bound - 1 },
      (_, i) => () => post("/cc/bind_client_tel", { cno: cnoOf(i), tel: extenOf(i), isBind: 1 }),
    ),
    // One agent answers on a mobile (not a phone of the center: declared as a literal).
    () => post("/cc/bind_client_tel", { cno: cnoOf(bound - 1), tel: `138${pad(bound - 1, 8)}`, isBind: 1 }),
  ]);

  const strategies = [2, 5, 12, 1, 9, 3, 7];
  await all(
    width,
    Array.from(
      { length: s.queues },
      (_, q) => () =>
        post("/cc/create_queue", {
          qno: qnoOf(q),
          name: q % 2 === 0 ? `队列${q}` : `queue_${q}`,
          strategy: strategies[q % strategies.length],
          ...(q % 3 === 1 ? { maxWait: 10, wrapupTime: 20 } : {}),
          ...(q % 4 === 2 ? { joinEmpty: 3 } : {}),
          ...(q % 5 === 3 ? { joinEmpty: 31, sayCno: 1 } : {}),
          queueMembers: members.get(q) ?? [],
        }),
    ),
  );

  for (let p = 0; p < s.pauses; p++)
    await post("/cc/create_enterprise_pause", {
      pauseStatus: PAUSES[p % PAUSES.length] + (p >= PAUSES.length ? String(p) : ""),
      isRest: p % 3 === 1 ? 1 : 0,
      isDefault: p === 0 ? 1 : 0,
    });

  const entries: Array<Record<string, unknown>> = [];
  for (let e = 0; e < s.entries; e++) {
    const restrictType = e % 2 === 0 ? 1 : 2;
    const special = e === 2 ? { tel: "0571", telType: 2 } : e === 4 ? { tel: "未知号码", telType: 3 } : undefined;
    const base = {
      restrictType,
      tel: `1390000${pad(e, 4)}`,
      telType: 1,
      ...special,
      ...(e % 2 === 0 ? { description: "骚扰电话" } : {}),
      ...(e % 4 === 1 ? { expirationTime: "2030-12-31" } : {}),
    };
    entries.push({ ...base, type: 1 });
    if (e % 3 === 0) entries.push({ ...base, type: 2 });
  }
  await all(
    width,
    entries.map((body) => () => post("/cc/create_restrict_tel", body)),
  );
  await post("/cc/update_restrict_tel_setting", { settingValue: 3 });
}
