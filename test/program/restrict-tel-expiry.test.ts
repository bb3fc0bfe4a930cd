/**
 * A RestrictTel whose expirationTime is already past is said at preview (issue 24, item 11): a
 * warning naming the resource, the date and today (China time); a future date or none says nothing.
 */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it, vi } from "vitest";
import { pastExpiry } from "../../provider/resources/restrict-tel/program";
import { mockedProgram } from "./mocks";

const { clink } = mockedProgram({ preview: true });

// 2026-12-07 20:00 UTC is 2026-12-08 04:00 in China.
const NOW = Date.parse("2026-12-07T20:00:00Z");

describe("RestrictTel expirationTime in the past", () => {
  it("is a past day before today in China time, not on or after it", () => {
    expect(pastExpiry("x", "2026-12-07", NOW)).toMatch(
      /expirationTime 2026-12-07 is in the past \(today is 2026-12-08/,
    );
    expect(pastExpiry("x", "2026-12-08", NOW)).toBeUndefined(); // valid through the end of the day
    expect(pastExpiry("x", "2027-01-01", NOW)).toBeUndefined();
    expect(pastExpiry("x", undefined, NOW)).toBeUndefined();
  });

  it("warns at preview, naming the resource; a future date does not", async () => {
    const warn = vi.spyOn(pulumi.log, "warn").mockImplementation(async () => {});
    new clink.RestrictTel("old-spam", {
      restrictType: 1,
      tel: "01088886666",
      type: [1],
      telType: 1,
      expirationTime: "2020-01-01",
    });
    new clink.RestrictTel("new-spam", {
      restrictType: 1,
      tel: "01088886667",
      type: [1],
      telType: 1,
      expirationTime: "2999-01-01",
    });
    await new Promise((r) => setTimeout(r, 100));
    const said = warn.mock.calls.map((c) => String(c[0]));
    expect(said.filter((m) => m.includes("expirationTime"))).toHaveLength(1);
    expect(said.find((m) => m.includes("expirationTime"))).toMatch(
      /clink.RestrictTel "old-spam": expirationTime 2020-01-01 is in the past/,
    );
    warn.mockRestore();
  });
});
