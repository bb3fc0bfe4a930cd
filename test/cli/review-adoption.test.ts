/**
 * Issue 23, item 3: the review of an adopting create lists what the adoption changes on the
 * object found (the provider's preview check records it under `__adoption`), old → new, or says it
 * takes the object over unchanged; never a secret.
 */
import { describe, expect, it } from "vitest";
import { reviewEventLog } from "../../cli/review";
import { log, MASKED, prelude, step, summary } from "./events";

const declared = {
  cno: "1001",
  name: "alice",
  areaCode: "010",
  password: MASKED,
  permission: { record: 1 },
  adopt: true,
};

describe("review of an adoption", () => {
  it("lists each declared field whose server value differs, old → new, and never the password", () => {
    const text = log(
      prelude(),
      step("create", "Client", "alice", undefined, {
        ...declared,
        __adoption: {
          permission: { from: { record: 3 }, to: { record: 1 } },
          password: { from: "(never reported)", to: "(secret)" },
          wrapupTime: { from: 45, to: 30 },
        },
      }),
      summary(),
    );
    const lines = reviewEventLog(text).split("\n");
    expect(lines).toContain("- **agent 1001 alice** adopted: exists in the center; the adoption changes");
    expect(lines).toContain("  - Permissions (permission 对象), call recording (通话录音权限): 3 (all) → 1 (inbound)");
    expect(lines).toContain("  - Wrap-up time after outbound calls (整理时长): 45 → 30");
    expect(lines).toContain("  - password changed");
    expect(lines.join("\n")).not.toContain("(secret)");
  });

  it("says an adoption that changes nothing takes the object over unchanged", () => {
    const text = log(
      prelude(),
      step("create", "Client", "alice", undefined, { ...declared, __adoption: {} }),
      summary(),
    );
    expect(reviewEventLog(text).split("\n")).toContain(
      "- **agent 1001 alice** adopted: exists in the center and is taken over unchanged",
    );
  });
});
