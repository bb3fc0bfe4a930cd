/**
 * No password in any engine event (issue 14, "Secrets in the event log"): the SDK logs every
 * RegisterResource answer at debug level, and that answer carries the resource's outputs, so
 * write-only values are kept out of the outputs altogether (only salted fingerprints, as secrets).
 * A preview reports a planned resource's checked inputs as its outputs, so check hands the engine
 * passwords sealed (provider/api/sealed.ts). Previews and `up`s that create an agent and a phone,
 * then change both passwords, with debug logging on: no event and no output holds a password.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "../../simulator";
import { createStack, programDir, SIM_KEY_ID, SIM_KEY_SECRET, type ProgramDir } from "./harness";

type Sim = Awaited<ReturnType<typeof startSimulator>>;

describe("passwords in engine events", () => {
  let sim: Sim;
  let where: ProgramDir;
  beforeAll(async () => {
    where = programDir();
    sim = await startSimulator({ port: 0, accessKeyId: SIM_KEY_ID, accessKeySecret: SIM_KEY_SECRET, rate: 0 });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it("never carry a password, in a create or a password change, at debug level", async () => {
    let agentPw = "Agent-first-pw-1";
    let phonePw = "Phone-first-pw-1";
    const h = await createStack(
      where,
      ({ clink }) => {
        const a = new clink.Client("alice", { cno: "1001", name: "alice", areaCode: "010", password: agentPw });
        const d = new clink.Exten("desk", {
          extenNumber: "8001",
          password: phonePw,
          areaCode: "010",
          type: 1,
          allow: 1,
        });
        return { agent: a.name, phone: d.extenNumber };
      },
      { endpoint: sim.url, project: "clink-e2e-event-secrets" },
    );
    const events: string[] = [];
    const text: string[] = [];
    const record = { onEvent: (e: unknown) => events.push(JSON.stringify(e)), onOutput: (s: string) => text.push(s) };
    await h.stack.preview({ ...record, debug: true }); // a preview reports planned inputs as outputs
    await h.stack.up({ ...record, debug: true });
    agentPw = "Agent-second-pw-2";
    phonePw = "Phone-second-pw-2";
    await h.stack.preview({ ...record, debug: true });
    await h.stack.up({ ...record, debug: true });
    expect(sim.log().filter((e) => e.path === "/cc/update_client" && e.params?.includes("password"))).toHaveLength(1);
    expect(events.some((e) => e.includes('"severity":"debug"'))).toBe(true); // debug logging was on
    const all = events.join("\n") + text.join("");
    for (const pw of ["Agent-first-pw-1", "Phone-first-pw-1", "Agent-second-pw-2", "Phone-second-pw-2", SIM_KEY_SECRET])
      expect(all.includes(pw), `${pw} in the event log`).toBe(false);
    const state = JSON.stringify(
      (await h.stack.exportStack()).deployment.resources.map((r: { outputs?: unknown }) => r.outputs),
    );
    for (const pw of ["Agent-second-pw-2", "Phone-second-pw-2"]) expect(state.includes(pw)).toBe(false);
    await h.stack.destroy();
  });
});
