/**
 * Issue 23, item 7, at the schema level: crmId keeps its text and state from 0.1.0 (a number)
 * keeps comparing equal; masked answers unmask to the declared caller numbers; 3-5 digit qnos.
 */
import { describe, expect, it } from "vitest";
import { clientSchema } from "../../provider/resources/client/schema";
import { queueMemberSchema } from "../../provider/resources/queue-member/schema";
import { compare, declaredFormOf, checkFields, payload } from "../../provider/schema/ops";

const agent = { cno: "1001", name: "alice", areaCode: "010", password: "password-1" };

describe("Client.crmId", () => {
  it('keeps "00123" as declared and sends it so', () => {
    const { inputs, failures } = checkFields(clientSchema, { ...agent, crmId: "00123" });
    expect(failures).toEqual([]);
    expect(inputs.crmId).toBe("00123");
    expect(payload(clientSchema, "update", inputs).crmId).toBe("00123");
    // describe answers it as text (doc 3.1.5): no drift.
    const read = declaredFormOf(clientSchema, { crmId: "00123" }, inputs);
    expect(compare(clientSchema, read, inputs).changed).not.toContain("crmId");
  });

  it("state from 0.1.0 holding a number compares equal to the server's text and to the same declaration", () => {
    const old = checkFields(clientSchema, { ...agent, crmId: 123 }).inputs;
    expect(old.crmId).toBe(123);
    const read = declaredFormOf(clientSchema, { crmId: "123" }, old);
    expect(read.crmId).toBe(123);
    expect(compare(clientSchema, read, old).changed).not.toContain("crmId");
    // A server that changed it shows as drift.
    expect(declaredFormOf(clientSchema, { crmId: "0123" }, old).crmId).toBe("0123");
  });

  it("refuses text that is not digits, naming what is allowed", () => {
    const { failures } = checkFields(clientSchema, { ...agent, crmId: "crm-7" });
    expect(failures).toEqual([
      { property: "crmId", reason: expect.stringMatching(/Client field 'crmId' must be a CRM id: 1 to 64 digits/) },
    ]);
  });
});

describe("masked answers of a server with number hiding", () => {
  it("read as the declared caller numbers they fit (clid, clidArea obClids); others show as drift", () => {
    const declared = checkFields(clientSchema, {
      ...agent,
      clidType: 3,
      clidRule: 2,
      clid: ["4001234888"],
      clidArea: [{ areaGroupName: "北京", obClids: ["4001234888"] }],
    }).inputs;
    const read = declaredFormOf(
      clientSchema,
      { clid: ["400xxxx888"], clidArea: [{ areaGroupName: "北京", obClids: ["400xxxx888"] }] },
      declared,
    );
    expect(compare(clientSchema, read, declared).changed).toEqual([]);
    const other = declaredFormOf(clientSchema, { clid: ["401xxxx888"] }, declared);
    expect(compare(clientSchema, other, declared).changed).toContain("clid");
  });
});

describe("queue numbers", () => {
  it.each(["801", "0801", "80001"])("QueueMember and Client.qnos take %s", (qno) => {
    expect(checkFields(queueMemberSchema, { qno, cno: "1001", penalty: 1 }).failures).toEqual([]);
    expect(checkFields(clientSchema, { ...agent, qnos: [qno] }).failures).toEqual([]);
  });
  it.each(["80", "800001"])("refuse %s, naming 3 to 5 digits", (qno) => {
    expect(checkFields(queueMemberSchema, { qno, cno: "1001", penalty: 1 }).failures[0]?.reason).toContain(
      "3 to 5 digits",
    );
  });
});
