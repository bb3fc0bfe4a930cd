/**
 * provider/schema/state-upgrade.ts: state written by 0.1.0 and 0.2.0 reads in today's form. The
 * whole path (a real 0.1.0 state refreshed and updated) is test/e2e/old-state.test.ts.
 */
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { clientSchema } from "../../provider/resources/client/schema";
import { queueSchema } from "../../provider/resources/queue/schema";
import { compare, fingerprint, fingerprintsOf, matchesFingerprint } from "../../provider/schema/ops";
import {
  fingerprintsInState,
  lastDeclaration,
  oldFormFingerprint,
  onlyDeclaredKeys,
  canonical,
} from "../../provider/schema/state-upgrade";
import { present } from "../support/present";

/** 0.1.0's form, written out here from its description: 128-bit hex salt, the whole HMAC in hex. */
const hex01 = (value: unknown, salt: string) =>
  `${salt}:${createHmac("sha256", salt).update(JSON.stringify(value)).digest("hex")}`;

describe("state upgrade", () => {
  it("matches a 0.1.0 fingerprint (hex) and today's form, each against its own value only", () => {
    const old = hex01("pw", "ab".repeat(16));
    expect(oldFormFingerprint(old, "pw")).toBe(old);
    expect(oldFormFingerprint(fingerprint("pw"), "pw")).toBeUndefined();
    expect(matchesFingerprint(old, "pw")).toBe(true);
    expect(matchesFingerprint(old, "pw-2")).toBe(false);
    expect(matchesFingerprint(fingerprint("pw"), "pw")).toBe(true);
  });

  it("reads a keyed set 0.1.0 stored as a list in today's keyed form, so it compares equal", () => {
    const members = present(queueSchema.fields.members, "Queue.members");
    const list = [{ cno: "1001", penalty: 1 }];
    const keyed = canonical(members, list);
    expect(keyed).not.toEqual(list);
    expect(members.asList!(keyed)).toEqual(list);
    const declared = members.schema.parse(list);
    expect(compare(queueSchema, { members: list }, { members: declared }).changed).toEqual([]);
  });

  it("fingerprints the write-only values 0.1.0 state holds in place of fingerprints", () => {
    const make = (values: Record<string, unknown>) => fingerprintsOf(clientSchema, values, undefined);
    const prints = fingerprintsInState({ password: "pw" }, make) as Record<string, string>;
    expect(matchesFingerprint(present(prints.password, "a password fingerprint"), "pw")).toBe(true);
    const kept = { password: fingerprint("pw") };
    expect(fingerprintsInState({ __fingerprints: kept, password: "other" }, make)).toBe(kept);
  });

  it("takes every field but the computed ones as declared in state without a list (0.1.0)", () => {
    const old = lastDeclaration(clientSchema, { cno: "1001" });
    expect(old.recorded).toBe(false);
    expect(old.fields.has("name")).toBe(true);
    expect(old.fields.has("password")).toBe(true);
    const computed = Object.entries(clientSchema.fields)
      .filter(([, field]) => field.lifecycle === "computed")
      .map(([n]) => n);
    expect(computed.length).toBeGreaterThan(0);
    for (const n of computed) expect(old.fields.has(n)).toBe(false);
    const now = lastDeclaration(clientSchema, { __declared: ["name"], __declaredKeys: { permission: ["call"] } });
    expect(now).toEqual({ fields: new Set(["name"]), recorded: true, keys: { permission: ["call"] } });
  });

  it("keeps the whole partly declared object when state kept no declared keys (before 0.2.0's fix)", () => {
    const permission = present(clientSchema.fields.permission, "Client.permission");
    const server = { call: 1, record: 0 };
    expect(onlyDeclaredKeys(permission, server, undefined)).toEqual(server);
    expect(onlyDeclaredKeys(permission, server, ["call"])).toEqual({ call: 1 });
    expect(onlyDeclaredKeys(present(clientSchema.fields.name, "Client.name"), "x", ["call"])).toBe("x");
  });
});
