/**
 * Issue 17 under the real engine against the simulator: the ordinary edits that used to lose
 * data, and previews that must show what `up` will do. Messages are asserted verbatim.
 */
import { describe, expect, it } from "vitest";
import { changesOf, createStack, DESK_PHONE, engineSuite, recorder, SIM_KEY_SECRET } from "./harness";

const existsMessage = (kind: string, id: string) =>
  `${kind} ${id} already exists in the center. ` +
  `Did you rename this resource or move it into a component? Then tell Pulumi it is the same resource, and nothing is created or deleted: ` +
  `add \`aliases\` to its options, e.g. new clink.${kind}("new-name", { ... }, { aliases: [{ name: "old-name" }] }). ` +
  `If the ${kind.toLowerCase()} was made outside this stack (the Clink console, another tool or stack), set \`adopt: true\` on the resource ` +
  `to manage it here, or read it without managing it with clink.${kind}.get(name, "${id}"). ` +
  `After an interrupted run of this stack, run \`pulumi up\` once with clink:adoptExisting set to true.`;

type Clink = Parameters<Parameters<typeof createStack>[1]>[0]["clink"];

/** Agent alice with phone 8001 bound (and, unless `queue: false`, in queue 0001): the center most cases start from. */
function aliceWithPhone(
  clink: Clink,
  o: { resourceName?: string; cno?: string; agent?: Record<string, unknown>; queue?: boolean } = {},
): void {
  const a = new clink.Client(o.resourceName ?? "alice", {
    cno: o.cno ?? "1001",
    name: "alice",
    areaCode: "010",
    password: "alice-pass-1",
    ...o.agent,
  });
  const desk = new clink.Exten("desk", DESK_PHONE);
  new clink.ClientPhone("alice-phone", { cno: a.cno, tel: desk.extenNumber });
  if (o.queue !== false)
    new clink.Queue("support", { qno: "0001", name: "support", members: [{ cno: a.cno, penalty: 1 }] });
}

describe("previews that tell the truth, edits that lose nothing", () => {
  const { sim, stack } = engineSuite({ rate: 0 });
  const writes = () => sim.log().filter((e) => e.method === "POST").length;

  it("rename without aliases: the preview asks about the rename; adopt then keeps the agent, its phone and its queue", async () => {
    sim.reset();
    let agentName = "alice";
    let adopt = false;
    const h = await stack(
      ({ clink }) => {
        aliceWithPhone(clink, { resourceName: agentName, agent: adopt ? { adopt: true } : {} });
      },
      { project: "clink-e2e-rename" },
    );
    await h.stack.up();

    agentName = "alice-renamed";
    const before = writes();
    await expect(h.stack.preview()).rejects.toThrow(existsMessage("Client", "1001"));
    expect(writes()).toBe(before);

    adopt = true;
    const out: string[] = [];
    const rec = recorder();
    await h.stack.up({ onEvent: rec.onEvent, onOutput: (s) => out.push(s) });
    expect(changesOf(rec.ops)).toContain("create alice-renamed");
    expect(changesOf(rec.ops)).toContain("delete alice");
    expect(out.join("")).toContain(
      "pulumi-clink: Client 1001 is not deleted: another resource of this deployment created or adopted it",
    );
    expect(sim.admin.list("client")).toEqual([expect.objectContaining({ cno: "1001" })]);
    expect(sim.admin.list("clientTel")).toContainEqual(
      expect.objectContaining({ cno: "1001", tel: "8001", isBind: 1 }),
    );
    expect(sim.admin.list("membership")).toContainEqual(expect.objectContaining({ qno: "0001", cno: "1001" }));
    await h.stack.preview({ expectNoChanges: true });
    await h.stack.destroy();
  });

  it("two RestrictTel for one number on one list are refused at preview, both named, before any call", async () => {
    sim.reset();
    const h = await stack(
      ({ clink }) => {
        new clink.RestrictTel("spam-in", { restrictType: 1, type: 1, telType: 1, tel: "13800000000" });
        new clink.RestrictTel("spam-out", { restrictType: 1, type: 2, telType: 1, tel: "13800000000" });
      },
      { project: "clink-e2e-two-entries" },
    );
    await expect(h.stack.preview()).rejects.toThrow(
      'clink.RestrictTel "spam-in" and clink.RestrictTel "spam-out" both manage the RestrictTel with restrictType + tel 1:13800000000: ' +
        "one server object needs exactly one resource (two would undo each other, and removing one from the program would delete " +
        "the object the other declares). Keep one of them. To list a number in both directions, declare one RestrictTel with type: [1, 2].",
    );
    expect(sim.log()).toEqual([]);
  });

  it("changing the cno of an agent with a bound phone: the phone moves to the new agent, the old agent goes", async () => {
    sim.reset();
    let cno = "1001";
    const h = await stack(
      ({ clink }) => {
        aliceWithPhone(clink, { cno, queue: false });
      },
      { project: "clink-e2e-cno" },
    );
    await h.stack.up();
    cno = "1002";
    const rec = recorder();
    await h.stack.up({ onEvent: rec.onEvent });
    expect(changesOf(rec.ops)).toEqual(
      expect.arrayContaining([
        "delete-replaced alice-phone",
        "create-replacement alice-phone",
        "delete-replaced alice",
      ]),
    );
    expect(sim.admin.list("client")).toEqual([expect.objectContaining({ cno: "1002" })]);
    const bound = (sim.admin.list("clientTel") as Array<{ cno: string; tel: string; isBind: number }>).filter(
      (t) => t.isBind === 1,
    );
    expect(bound).toEqual([expect.objectContaining({ cno: "1002", tel: "8001" })]);
    await h.stack.preview({ expectNoChanges: true });
    await h.stack.destroy();
  });

  it("after a refresh, fields the program never declared are not inputs: the preview shows nothing to remove", async () => {
    sim.reset();
    const h = await stack(
      ({ clink }) => {
        new clink.Client("bob", { cno: "2001", name: "bob", areaCode: "010", password: "bob-pass-12" });
        new clink.Queue("sales", { qno: "0002", name: "sales" });
        new clink.Exten("desk", { extenNumber: "8002", password: "desk-pw-2", areaCode: "010", type: 1, allow: 1 });
      },
      { project: "clink-e2e-undeclared" },
    );
    await h.stack.up();
    // The server gains what the program never declared: a membership, gains, a direct line.
    sim.admin.insert("membership", { key: "0002:2001", qno: "0002", cno: "2001", penalty: 3 });
    sim.admin.insert("clientSetting", { cno: "2001", agcRx: 10, agcTx: 20 });
    sim.admin.edit("exten", "8002", { isDirect: 1 });
    await h.stack.refresh();
    const state = await h.stack.exportStack();
    const inputsOf = (name: string) =>
      (state.deployment.resources as Array<{ urn: string; inputs: Record<string, unknown> }>).find((r) =>
        r.urn.endsWith(`::${name}`),
      )!.inputs;
    expect(inputsOf("sales")).not.toHaveProperty("members");
    expect(inputsOf("bob")).not.toHaveProperty("qnos");
    expect(inputsOf("bob")).not.toHaveProperty("agcRx");
    expect(inputsOf("desk")).not.toHaveProperty("isDirect");
    const rec = recorder();
    await h.stack.preview({ onEvent: rec.onEvent, expectNoChanges: true });
    expect(changesOf(rec.ops)).toEqual([]);
    await h.stack.destroy();
  });

  it("a change of members reads by agent: one removed, one penalty changed; sets by element", async () => {
    sim.reset();
    let members = [
      { cno: "1001", penalty: 1 },
      { cno: "1002", penalty: 2 },
      { cno: "1003", penalty: 1 },
    ];
    let qnos = ["0001", "0002", "0003"];
    const h = await stack(
      ({ clink }) => {
        const queues = ["0001", "0002", "0003"].map((q) => new clink.Queue(`q${q}`, { qno: q, name: `q${q}` }));
        const agents = ["1001", "1002", "1003"].map(
          (c) => new clink.Client(`a${c}`, { cno: c, name: `a${c}`, areaCode: "010", password: "agent-pass-1" }),
        );
        new clink.Queue("support", { qno: "0009", name: "support", members }, { dependsOn: agents });
        new clink.Client(
          "multi",
          { cno: "1009", name: "multi", areaCode: "010", password: "agent-pass-9", qnos },
          { dependsOn: queues },
        );
      },
      { project: "clink-e2e-keyed-sets" },
    );
    await h.stack.up();
    members = [
      { cno: "1003", penalty: 1 },
      { cno: "1002", penalty: 5 },
    ];
    qnos = ["0001", "0003"];
    const text: string[] = [];
    const preview = await h.stack.preview({ diff: true, onOutput: (s) => text.push(s) });
    expect(preview.changeSummary.update).toBe(2);
    const shown = text.join("").replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g"), "");
    // By key, not by position: 1001 leaves, 1002's penalty changes, 1003 is untouched.
    expect(shown).toMatch(/- +"?1001"?: \{/);
    expect(shown).toMatch(/~ +"?1002"?: \{[\s\S]*?~ +penalty: 2 => 5/);
    expect(shown).not.toMatch(/[~+-] +"?1003"?:/);
    expect(shown).toMatch(/- +"?0002"?: true/);
    expect(shown).not.toMatch(/[~+-] +"?000[13]"?: true/);
    if (process.env.CLINK_E2E_SHOW_PREVIEW) console.log(shown);
    await h.stack.up();
    expect(
      sim.admin
        .list("membership")
        .map((m) => (m as { key: string }).key)
        .sort(),
    ).toEqual(expect.arrayContaining(["0001:1009", "0003:1009", "0009:1002", "0009:1003"]));
    await h.stack.preview({ expectNoChanges: true });
    await h.stack.destroy();
  });

  it("the preview of a create that collides fails with the up's message, after look-ups only", async () => {
    sim.reset();
    sim.admin.insert("queue", { qno: "0003", name: "console_made", maxWait: 5 });
    const h = await stack(
      ({ clink }) => {
        new clink.Queue("made-here", { qno: "0003", name: "made_here" });
      },
      { project: "clink-e2e-collide" },
    );
    await expect(h.stack.preview()).rejects.toThrow(existsMessage("Queue", "0003"));
    expect(sim.log().every((e) => e.method === "GET")).toBe(true);
    expect(sim.log().length).toBeGreaterThan(0);
  });

  it("forceOfflineOnDelete on an agent lets destroy remove a center while the agent is logged in", async () => {
    sim.reset();
    const h = await stack(
      ({ clink }) => {
        aliceWithPhone(clink, { agent: { forceOfflineOnDelete: true } });
      },
      { project: "clink-e2e-force-offline" },
    );
    await h.stack.up();
    await h.stack.refresh(); // options survive a refresh
    sim.admin.setAgentOnline("1001", true);
    await h.stack.destroy();
    for (const kind of ["client", "queue", "exten"]) expect(sim.admin.list(kind), kind).toEqual([]);
    expect(sim.log().filter((e) => e.path === "/cc/offline_client").length).toBeGreaterThan(0);
  });

  it("a create whose answer is lost and that lands late: the hint's recovery (clink:adoptExisting) works", async () => {
    sim.reset();
    const h = await stack(
      ({ clink }) => {
        new clink.Queue("late", { qno: "0005", name: "late" });
      },
      { project: "clink-e2e-late-create", config: { "clink:responseTimeoutMs": { value: "1000" } } },
    );
    // The server answers after 9 s: the client gives up after 1 s, looks the queue up for 7 s, finds nothing.
    sim.addFault({ path: "/cc/create_queue", kind: "slow", delayMs: 9000 });
    await expect(h.stack.up()).rejects.toThrow(
      "The server may or may not have made it. Run `pulumi up` again with `pulumi config set clink:adoptExisting true` " +
        "(or CLINK_ADOPT_EXISTING=true): an object the lost request made is then taken over instead of created twice; " +
        "set it back to false afterwards. If the run was killed and the backend still reports an update in progress, run `pulumi cancel` first.",
    );
    for (let i = 0; i < 50 && sim.admin.list("queue").length === 0; i++) await new Promise((r) => setTimeout(r, 200));
    expect(sim.admin.list("queue")).toHaveLength(1);
    // Without the recovery switch the next preview tells what up would meet.
    await expect(h.stack.preview()).rejects.toThrow(existsMessage("Queue", "0005"));
    await h.stack.setConfig("clink:adoptExisting", { value: "true" });
    const up = await h.stack.up();
    expect(up.summary.result).toBe("succeeded");
    await h.stack.setConfig("clink:adoptExisting", { value: "false" });
    await h.stack.preview({ expectNoChanges: true });
    expect(sim.admin.list("queue")).toHaveLength(1);
    await h.stack.destroy();
  });

  it("plain clink:accessKeySecret is refused at preview, before any call", async () => {
    sim.reset();
    const h = await stack(
      ({ clink }) => {
        new clink.Queue("q", { qno: "0004", name: "q" });
      },
      { project: "clink-e2e-plain-secret", config: { "clink:accessKeySecret": { value: SIM_KEY_SECRET } } },
    );
    await expect(h.stack.preview()).rejects.toThrow(
      "clink:accessKeySecret is set as plain stack config, so it is stored in clear in the stack's config and state. " +
        "Set it as a secret: `pulumi config set --secret clink:accessKeySecret <secret>`",
    );
    expect(sim.log()).toEqual([]);
  });
});
