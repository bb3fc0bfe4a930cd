/**
 * No password in any engine event (issue 14, "Secrets in the event log"): the SDK logs every
 * RegisterResource answer at debug level, and that answer carries the resource's outputs, so
 * write-only values are kept out of the outputs altogether (only salted fingerprints, as secrets).
 * A preview reports a planned resource's checked inputs as its outputs, so check hands the engine
 * passwords sealed (provider/api/sealed.ts). Previews and `up`s that create an agent and a phone,
 * then change both passwords, with debug logging on: no event and no output holds a password.
 */
import { describe, expect, it } from "vitest";
import { engineSuite, SIM_KEY_SECRET, type Program } from "./harness";

describe("passwords in engine events", () => {
  const { sim, stack } = engineSuite({ rate: 0 });

  it("never carry a password, in a create or a password change, at debug level", async () => {
    let agentPw = "Agent-first-pw-1";
    let phonePw = "Phone-first-pw-1";
    const h = await stack(
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
      { project: "clink-e2e-event-secrets" },
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

/**
 * A refused password is never printed (issue 24, item 2). The engine prints a check failure as
 * "property password value {<the checked input>} has a problem" (pkg/resource/deploy,
 * issueCheckFailures), a Pulumi secret included (`{&{{…}}}`): for a write-only field check
 * names no property, only the field in its reason. Each refusal is grepped out of the CLI output of
 * preview and up, the error they throw, and the event log.
 */
describe("refused passwords", () => {
  const { sim, stack } = engineSuite({ rate: 0 });

  const tooLong = (tag: string) => `${tag}-${"x".repeat(70)}`;
  const cases: Array<{ what: string; secret: string; field: string; program: Program }> = [
    {
      what: "an agent password longer than 64 characters",
      secret: tooLong("AgentLongPw"),
      field: "password",
      program: ({ clink }) => {
        new clink.Client("alice", { cno: "1001", name: "alice", areaCode: "010", password: tooLong("AgentLongPw") });
      },
    },
    {
      what: "an agent password that is not text",
      secret: "8675309123",
      field: "password",
      program: ({ clink }) => {
        new clink.Client("alice", {
          cno: "1001",
          name: "alice",
          areaCode: "010",
          // @ts-expect-error a number where text belongs, as an untyped (JavaScript) program can send
          password: 8675309123,
        });
      },
    },
    {
      what: "a phone password longer than 64 characters",
      secret: tooLong("PhoneLongPw"),
      field: "password",
      program: ({ clink }) => {
        new clink.Exten("desk", {
          extenNumber: "8001",
          password: tooLong("PhoneLongPw"),
          areaCode: "010",
          type: 1,
          allow: 1,
        });
      },
    },
  ];

  for (const c of cases)
    it(`print nothing of ${c.what}, in output, error or events`, async () => {
      const h = await stack(c.program, { project: "clink-e2e-refused-pw" });
      const seen: string[] = [];
      const record = { onEvent: (e: unknown) => seen.push(JSON.stringify(e)), onOutput: (s: string) => seen.push(s) };
      const failed: string[] = [];
      for (const run of [() => h.stack.preview(record), () => h.stack.up(record)]) {
        const err = await run().then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err, "the refusal fails the run").toBeDefined();
        failed.push(String(err), JSON.stringify(err), (err as { stdout?: string }).stdout ?? "");
        failed.push((err as { stderr?: string }).stderr ?? "");
      }
      const all = seen.join("\n") + failed.join("\n");
      expect(all).toMatch(new RegExp(`${c.field}.*must be`)); // the refusal is said, naming the field
      expect(all.includes(c.secret), "the password in output, error or event log").toBe(false);
      expect(all.includes(c.secret.slice(0, 24))).toBe(false);
      expect(sim.log().filter((e) => e.path !== "/cc/describe_client" && e.method === "POST")).toHaveLength(0);
    });
});
