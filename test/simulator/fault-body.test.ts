/**
 * The admin API's fault body (`POST /__sim/faults`): read field by field, so a wrong type is a
 * clear error naming the field, not a fault that breaks later (simulator/faults.ts, faultFrom).
 */
import { describe, expect, it } from "vitest";
import { faultFrom } from "../../simulator/faults";

describe("faultFrom", () => {
  it("keeps a well-formed fault as sent", () => {
    expect(faultFrom({ path: "/cc/list_clients", kind: "slow", method: "get", count: 2, delayMs: 50 })).toEqual({
      path: "/cc/list_clients",
      kind: "slow",
      method: "get",
      count: 2,
      delayMs: 50,
    });
  });

  it("refuses a body without a path or with an unknown kind", () => {
    expect(() => faultFrom({ kind: "500" })).toThrow(/needs a path and a kind/);
    expect(() => faultFrom({ path: "/cc/x", kind: "teapot" })).toThrow(/needs a path and a kind/);
  });

  it("names the optional field of the wrong type", () => {
    expect(() => faultFrom({ path: "/cc/x", kind: "500", method: 1 })).toThrow(
      "a fault's method, when given, must be a string",
    );
    expect(() => faultFrom({ path: "/cc/x", kind: "500", count: "2" })).toThrow(
      "a fault's count, when given, must be a number",
    );
    expect(() => faultFrom({ path: "/cc/x", kind: "slow", delayMs: "9" })).toThrow(
      "a fault's delayMs, when given, must be a number",
    );
  });
});
