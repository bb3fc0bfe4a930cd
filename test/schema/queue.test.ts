import { describe, expect, it } from "vitest";
import { queueSchema } from "../../provider/resources/queue/schema";
import { compare, checkFields, payload, declaredFormOf } from "../../provider/schema/ops";
import { UNKNOWN } from "../../provider/schema/core";

// Doc 3.2.1 create_queue: ranges and defaults.
describe("Queue schema: check", () => {
  it("leaves an undeclared field out: it is not managed, so no documented default is filled in", () => {
    const { inputs, failures } = checkFields(queueSchema, { qno: "0001", name: "support" });
    expect(failures).toEqual([]);
    expect(inputs).toEqual({ qno: "0001", name: "support" });
  });

  it("settles numeric strings and keys members by cno (a preview then reads by agent, not by position)", () => {
    const { inputs, failures } = checkFields(queueSchema, {
      qno: "0001",
      name: "support",
      wrapupTime: "20",
      members: [
        { cno: "1002", penalty: "3" },
        { cno: "1001", penalty: 1 },
      ],
    });
    expect(failures).toEqual([]);
    expect(inputs.wrapupTime).toBe(20);
    expect(inputs.members).toEqual({ "1001": { penalty: 1 }, "1002": { penalty: 3 } });
    expect(Object.keys(inputs.members as object)).toEqual(["1001", "1002"]); // a stable order
    // The list form (state written by 0.1.0) and the keyed form are the same set.
    expect(checkFields(queueSchema, { qno: "0001", name: "s", members: inputs.members }).inputs.members).toEqual(
      inputs.members,
    );
    expect(
      compare(
        queueSchema,
        {
          ...inputs,
          members: [
            { cno: "1002", penalty: 3 },
            { cno: "1001", penalty: 1 },
          ],
        },
        inputs,
      ).changed,
    ).toEqual([]);
    expect(payload(queueSchema, "create", inputs).queueMembers).toEqual([
      { cno: "1001", penalty: 1 },
      { cno: "1002", penalty: 3 },
    ]);
  });

  it.each([
    ["qno", 1, "3 to 5 digits"],
    ["qno", "01", "3 to 5 digits"],
    ["qno", "001234", "3 to 5 digits"],
    ["name", "a b", "Chinese characters, letters, digits and _"],
    ["name", "x".repeat(21), "1 to 20 characters"],
    ["maxWait", 1000, "from 0 to 999"],
    ["memberTimeout", 19, "from 20 to 60"],
    ["queueTimeout", 601, "from 30 to 600"],
    ["strategy", 15, "one of 1 (sequential)"],
    ["weight", 0, "from 1 to 10"],
    ["wrapupTime", 2, "from 3 to 300"],
    ["serviceLevel", 31, "from 10 to 30"],
    ["joinEmpty", 32, "a sum of 1 (paused)"],
    ["ibAllowed", 2, "one of 0 (no), 1 (yes)"],
    ["chatStrategy", 3, "one of 2 (round robin)"],
    ["members", [{ cno: "1001", penalty: 11 }], "from 1 to 10"],
    [
      "members",
      [
        { cno: "1001", penalty: 1 },
        { cno: "1001", penalty: 2 },
      ],
      "at most once",
    ],
  ])("refuses %s = %j naming the field and what is allowed", (field, value, allowed) => {
    const { failures } = checkFields(queueSchema, { qno: "0001", name: "support", [field]: value });
    expect(failures).toHaveLength(1);
    expect(failures[0]!.property).toBe(field);
    expect(failures[0]!.reason).toContain(`'${field}`);
    expect(failures[0]!.reason).toContain(allowed);
  });

  it("requires qno and name, and refuses unknown fields", () => {
    const { failures } = checkFields(queueSchema, { maxwait: 3 });
    expect(failures.map((f) => f.property).sort()).toEqual(["maxwait", "name", "qno"]);
  });

  it("enforces the percentage cap only when the type is percent (doc 3.2.1 `maxPauseClientValue`)", () => {
    expect(checkFields(queueSchema, { qno: "0001", name: "q", maxPauseClientValue: 150 }).failures).toHaveLength(1);
    expect(
      checkFields(queueSchema, { qno: "0001", name: "q", maxPauseClientType: 1, maxPauseClientValue: 150 }).failures,
    ).toEqual([]);
  });

  it("lets unknown (preview) values through unvalidated", () => {
    const { inputs, failures } = checkFields(queueSchema, {
      qno: "0001",
      name: UNKNOWN,
      members: [{ cno: UNKNOWN, penalty: 1 }],
    });
    expect(failures).toEqual([]);
    expect(inputs.name).toBe(UNKNOWN);
  });
});

describe("Queue schema: diff and payloads", () => {
  const base = checkFields(queueSchema, {
    qno: "0001",
    name: "support",
    maxWait: 5,
    members: [{ cno: "1001", penalty: 1 }],
  }).inputs;

  it("reports no change for the same declaration written differently", () => {
    const again = checkFields(queueSchema, {
      qno: "0001",
      name: "support",
      maxWait: "5",
      members: [{ cno: "1001", penalty: "1" }],
    }).inputs;
    expect(compare(queueSchema, base, again)).toEqual({ changed: [], replaces: [] });
  });

  it("updates a setting in place and replaces on a new qno", () => {
    const changed = { ...base, wrapupTime: 30 };
    expect(compare(queueSchema, base, changed)).toEqual({ changed: ["wrapupTime"], replaces: [] });
    expect(compare(queueSchema, base, { ...base, qno: "0002" })).toEqual({ changed: ["qno"], replaces: ["qno"] });
  });

  it("sends the API's names: members as queueMembers, only changed fields plus the key on update", () => {
    expect(payload(queueSchema, "create", base)).toMatchObject({
      qno: "0001",
      queueMembers: [{ cno: "1001", penalty: 1 }],
    });
    expect(payload(queueSchema, "update", { ...base, wrapupTime: 30 }, ["wrapupTime"])).toEqual({
      qno: "0001",
      wrapupTime: 30,
    });
  });

  it("maps describe_queue back without diff (extra member type, computed retry)", () => {
    // Doc 3.2.7 describe_queue, answer example: queueMembers carry a `type`, and `retry`/`enterpriseId` are server-only.
    const remote = {
      ...payload(queueSchema, "create", base),
      retry: 5,
      enterpriseId: 8001612,
      queueMembers: [{ cno: "1001", penalty: 1, type: 2 }],
    };
    const read = declaredFormOf(queueSchema, remote, base);
    expect(read.retry).toBe(5);
    expect(compare(queueSchema, read, base)).toEqual({ changed: [], replaces: [] });
  });
});
