/**
 * Issue 23 under the real engine: a center set up in the console (agent, queue, phone and its
 * binding, every setting off its default) is adopted by a program declaring identities (and what
 * create requires). The preview lists what each adoption changes, old → new; the up changes only
 * what was declared; a rename afterwards changes only the name.
 */
import { describe, expect, it } from "vitest";
import { CONSOLE_QUEUE, insertConsoleAgent } from "../engine/console-agent";
import { changesOf, engineSuite, recorder } from "./harness";

type Obj = Record<string, unknown>;

describe("undeclared fields under the real engine", () => {
  const { sim, stack } = engineSuite({ rate: 0 });

  /** The center as the console left it. */
  function consoleCenter() {
    insertConsoleAgent(sim);
    sim.admin.insert("queue", { id: 1, ...CONSOLE_QUEUE });
    sim.admin.insert("exten", { extenNumber: "8001", areaCode: "021", type: 1, allow: 4, isDirect: 1, jittBuffer: 1 });
    sim.admin.insert("clientTel", {
      key: "1001:8001",
      cno: "1001",
      tel: "8001",
      telType: 4,
      isBind: 1,
      verified: true,
    });
  }

  const rowOf = (kind: string, key: string, id: string): Obj =>
    (sim.admin.list(kind) as Obj[]).find((r) => String(r[key]) === id) ?? {};
  const snapshot = () => ({
    client: rowOf("client", "cno", "1001"),
    queue: rowOf("queue", "qno", "0001"),
    exten: rowOf("exten", "extenNumber", "8001"),
    tel: rowOf("clientTel", "key", "1001:8001"),
  });
  /** The keys of each object whose values differ, bookkeeping (updateTime) aside. */
  function changed(before: Record<string, Obj>, after: Record<string, Obj>): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const kind of Object.keys(before)) {
      const b = before[kind]!; // a key of before
      const a = after[kind] ?? {};
      out[kind] = [...new Set([...Object.keys(b), ...Object.keys(a)])]
        .filter((k) => k !== "updateTime" && JSON.stringify(b[k]) !== JSON.stringify(a[k]))
        .sort();
    }
    return out;
  }

  it("previews each adoption's changes, and changes only what is declared, then only the name", async () => {
    consoleCenter();
    let agentName = "alice";
    const h = await stack(
      ({ clink }) => {
        const alice = new clink.Client("alice", {
          cno: "1001",
          name: agentName,
          areaCode: "010",
          permission: { record: 1 },
          adopt: true,
        });
        new clink.Queue("support", { qno: "0001", name: "support", adopt: true });
        const desk = new clink.Exten("desk", { extenNumber: "8001", areaCode: "021", type: 1, allow: 4, adopt: true });
        new clink.ClientPhone("alice-desk", { cno: alice.cno, tel: desk.extenNumber, adopt: true });
        return { wrapupTime: alice.wrapupTime, assignType: alice.assignType };
      },
      { project: "clink-e2e-undeclared" },
    );

    // The preview: the agent's adoption changes permission.record 3 → 1; the others nothing.
    const messages: string[] = [];
    const rec = recorder();
    await h.stack.preview({
      onEvent: (e) => {
        rec.onEvent(e);
        if (e.diagnosticEvent) messages.push(e.diagnosticEvent.message);
      },
    });
    const adoptionOf = (name: string) =>
      rec.ops.find((o) => o.name === name && o.op === "create")?.newInputs?.__adoption;
    expect(adoptionOf("alice")).toEqual({ permission: { from: { record: 3 }, to: { record: 1 } } });
    expect(adoptionOf("support")).toEqual({});
    expect(adoptionOf("desk")).toEqual({});
    expect(messages.join("\n")).toContain(
      'pulumi-clink: Client 1001 exists and is adopted; the adoption changes permission: {"record":3} → {"record":1}.',
    );
    expect(messages.join("\n")).toContain("pulumi-clink: Queue 0001 exists and is adopted unchanged.");

    const before = snapshot();
    const up = await h.stack.up();
    expect(changed(before, snapshot())).toEqual({ client: ["permission"], queue: [], exten: [], tel: [] });
    expect(rowOf("client", "cno", "1001").permission).toEqual({ ...(before.client.permission as Obj), record: 1 });
    // The outputs are what the server holds: wrapupTime 45, and no promised default for
    // assignType, which describe never reports.
    expect(up.outputs.wrapupTime?.value).toBe(45);
    expect(up.outputs.assignType?.value).toBeUndefined();
    await h.stack.preview({ expectNoChanges: true });

    // A rename changes the name, and nothing else: the agent stays in its number group.
    agentName = "alice_b";
    const adopted = snapshot();
    const rename = recorder();
    await h.stack.up({ onEvent: rename.onEvent });
    expect(changesOf(rename.ops)).toEqual(["update alice"]);
    expect(changed(adopted, snapshot())).toEqual({ client: ["name"], queue: [], exten: [], tel: [] });
    expect(rowOf("client", "cno", "1001")).toMatchObject({ assignType: 1, dynamicTelGroupName: "外呼组" });
    await h.stack.preview({ expectNoChanges: true });

    // A refresh that finds an undeclared field changed is no drift: nothing to undo.
    sim.admin.edit("queue", "0001", { maxWait: 12 });
    await h.stack.refresh();
    await h.stack.preview({ expectNoChanges: true });
    expect(rowOf("queue", "qno", "0001").maxWait).toBe(12);
  });
});
