/**
 * The provider's live-agent warnings in `pulumi-clink review` (issue 27): a preview whose
 * replacement would interrupt an agent on a call warns (provider/generic/live-preview.ts), and the
 * review of its event log says so first. No other diagnostic is ever quoted.
 */
import { describe, expect, it } from "vitest";
import { reviewEventLog } from "../../cli/review";
import { LIVE_AGENT_WARNING } from "../../provider/generic/live-preview";
import { agent, diagnostic, log, prelude, replacement, summary } from "./events";

describe("review of live agents", () => {
  const line = "agent 1001 alice is in a call now: its delete will wait up to 300 s for it to end (通话)";

  it("puts the provider's live-agent warning first, once", () => {
    const text = log(
      prelude(),
      replacement("Client", "alice", agent("1001", "alice"), agent("1001", "alice", { type: 1 }), ["type"]),
      diagnostic("warning", `${LIVE_AGENT_WARNING} ${line}\n`),
      diagnostic("warning", `${LIVE_AGENT_WARNING} ${line}`),
      summary(),
    );
    const md = reviewEventLog(text);
    expect(md).toContain(`${line}.`);
    expect(md.split(line).length - 1).toBe(1);
    expect(md.indexOf(line)).toBeLessThan(md.indexOf("is replaced"));
  });

  it("quotes no other warning, nor one that does not name an agent number", () => {
    const text = log(
      prelude(),
      diagnostic("warning", "password Hunter2-pw was refused"),
      diagnostic("warning", `${LIVE_AGENT_WARNING} Hunter2-pw`),
      diagnostic("error", `${LIVE_AGENT_WARNING} ${line}`),
      summary(),
    );
    const md = reviewEventLog(text);
    expect(md).not.toContain("Hunter2-pw");
    expect(md).not.toContain("alice");
  });
});
