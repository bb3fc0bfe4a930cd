/**
 * A refused password names no property (issue 24, item 2): the engine prints a failure's property
 * value next to it, a secret included, so check hands over write-only failures without a property
 * and with no value in the reason. Other fields keep their property.
 */
import { describe, expect, it } from "vitest";
import { configureProvider, providers } from "../../provider";
import { withoutSecretValues } from "../../provider/plugin/secret-failures";
import { clientSchema } from "../../provider/resources/client/schema";

configureProvider({ endpoint: "http://127.0.0.1:1", accessKeyId: "k", accessKeySecret: "s", rate: 0 });

const agent = { cno: "1001", name: "alice", areaCode: "010" };

describe("check failures of a write-only field", () => {
  it("an agent password over 32 characters (the simulator's limit): no property, the field named, the value nowhere", async () => {
    const pw = `Long-${"y".repeat(70)}`;
    const r = await providers.client.check!({}, { ...agent, password: pw });
    expect(r.failures).toHaveLength(1);
    expect(r.failures?.[0]?.property).toBe("");
    expect(r.failures?.[0]?.reason).toMatch(/'password' must be 1 to 32 characters/);
    expect(JSON.stringify(r.failures)).not.toContain(pw.slice(0, 12));
  });

  it("a phone password over 32 characters", async () => {
    const pw = `Desk-${"z".repeat(70)}`;
    const r = await providers.exten.check!(
      {},
      { extenNumber: "8001", password: pw, areaCode: "010", type: 1, allow: 1 },
    );
    expect(r.failures!.map((f) => f.property)).toEqual([""]);
    expect(r.failures?.[0]?.reason).toMatch(/password/);
  });

  it("a missing or empty password keeps its property: there is no value to print", async () => {
    expect((await providers.client.check!({}, agent)).failures!.map((f) => f.property)).toEqual(["password"]);
    const empty = await providers.client.check!({}, { ...agent, password: "" });
    expect(empty.failures!.map((f) => f.property)).toEqual(["password"]);
  });

  it("other fields keep their property", async () => {
    const r = await providers.client.check!({}, { ...agent, password: "Good-pw-123", wrapupTime: 9999 });
    expect(r.failures!.map((f) => f.property)).toEqual(["wrapupTime"]);
  });

  it("a reason that quotes the value is scrubbed, and the field is named once", () => {
    const out = withoutSecretValues(
      clientSchema,
      [{ property: "password", reason: "ClientPassword: Sekret-123 is weak" }],
      {
        password: "Sekret-123",
      },
    );
    expect(out).toEqual([
      { property: "", reason: "password: ClientPassword: [secret] is weak (value hidden: secret)" },
    ]);
  });
});
