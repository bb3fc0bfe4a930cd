/**
 * `pulumi-clink review` of a destroy (issue 24, item 10): the list switch is left as it is, not
 * "removed" (docs/restrict-tel.md); deletions of many agents are one warning with the count and the
 * names; deleted blacklist entries warn that the numbers can call again; a newly declared field
 * shows the server's value it had (the old outputs), not a made-up default.
 */
import { describe, expect, it } from "vitest";
import { reviewEventLog } from "../../cli/review";
import { agent, log, prelude, step, summary } from "./events";

const destroyOf = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const cno = String(1001 + i);
    return step("delete", "Client", `a${cno}`, agent(cno, `a${cno}`), undefined);
  });

describe("review of a destroy", () => {
  it("says the list switch stays, one line for many agents, and that blacklisted numbers can call again", () => {
    const text = log(
      prelude(),
      ...destroyOf(76),
      step(
        "delete",
        "RestrictTel",
        "spam1",
        { restrictType: 1, tel: "01088886666", type: [1, 2], telType: 1 },
        undefined,
      ),
      step("delete", "RestrictTel", "spam2", { restrictType: 1, tel: "01088886667", type: [1], telType: 1 }, undefined),
      step("delete", "RestrictTelSetting", "lists", { settingValue: 3 }, undefined),
      summary(),
    );
    const out = reviewEventLog(text);
    const lines = out.split("\n");
    const agentWarnings = lines.filter((l) => l.startsWith("> - ") && l.includes("agent"));
    expect(agentWarnings).toHaveLength(1);
    expect(agentWarnings[0]).toMatch(
      /^> - 76 agents are deleted \(1001 a1001, 1002 a1002, .*1076 a1076\)\. For each: it can no longer log in/,
    );
    expect(out).toMatch(
      /> - 2 blacklist entries are deleted \(01088886666 and 01088886667\): while the blacklist is on, calls with these numbers are no longer blocked: they can call and be called again/,
    );
    expect(out).toMatch(/\*\*.*\*\* leaves the stack; the switch stays as it is on the server/);
    expect(out).not.toMatch(/list switch.*\*\* removed/);
    expect(out.match(/ClientOnline/g)).toHaveLength(1); // the long effect is said once
  });

  it("keeps the single form for one agent", () => {
    const out = reviewEventLog(log(prelude(), ...destroyOf(1), summary()));
    expect(out).toMatch(/> - agent 1001 a1001 is deleted: it can no longer log in/);
  });

  it("a newly declared field reads the server's value it held → new value", () => {
    const before = agent("1001", "alice");
    delete before.wrapupTime; // not declared before: the outputs hold what the server answered
    const change = (oldOutputs?: Record<string, unknown>) =>
      reviewEventLog(
        log(
          prelude(),
          step("update", "Client", "alice", before, agent("1001", "alice", { wrapupTime: 60 }), { oldOutputs }),
          summary(),
        ),
      );
    const out = change({ cno: "1001", name: "alice", wrapupTime: 45 });
    expect(out).toMatch(/: 45 \(as the center holds it; not declared before\) → 60/);
    expect(out).not.toMatch(/\(default\)/);
    // Only outputs that lack the field (a state that never read it) fall back to the documented default.
    expect(change({ cno: "1001", name: "alice" })).toMatch(/: 30 \(default\) → 60/);
  });
});
