/**
 * Issue 23: an agent's permission is partly declared. Old inputs read back by a refresh before
 * the fix hold every server key; the review shows only the declared keys, never the others as removed.
 */
import { describe, expect, it } from "vitest";
import { reviewEventLog } from "../../cli/review";
import { agent, log, prelude, step, summary } from "./events";

const server = { asr: 3, call: 2, cdr: 2, recordDownload: 2, sms: 1, record: 3, chat: 1, transfer: 0, otherData: 1 };

describe("review of a partly declared permission", () => {
  it("shows the declared key's change and no undeclared key as removed", () => {
    const text = log(
      prelude(),
      step(
        "update",
        "Client",
        "alice",
        agent("1001", "alice", { permission: server }),
        agent("1001", "alice", { permission: { record: 1 } }),
      ),
      summary(),
    );
    const markdown = reviewEventLog(text);
    expect(markdown).toContain("call recording (通话录音权限): 3 (all) → 1 (inbound)");
    expect(markdown).not.toContain("→ none");
    expect(markdown).not.toContain("语音转写");
  });
});
