/** Enum codes are written once (codes()): the named constant, the accepted values and the labels agree. */
import { describe, expect, it } from "vitest";
import * as clink from "../../provider";
import { bitmaskName, enumName } from "../../provider/schema/core";
import { schemas } from "../../provider/resources/schemas";
import { present } from "../support/present";

const exported: Record<string, unknown> = clink;

describe("named codes", () => {
  const named = Object.entries(schemas).flatMap(([type, s]) =>
    Object.entries(s.fields)
      .map(([field, f]) => ({ type, field, schema: f.schema, name: enumName(f.schema) }))
      .filter((x) => x.name !== undefined),
  );

  it("finds the constant behind each enum field", () => {
    const byField = Object.fromEntries(named.map((x) => [`${x.type}.${x.field}`, x.name]));
    expect(byField).toMatchObject({
      "Queue.strategy": "QueueStrategy",
      "Queue.chatStrategy": "ChatStrategy",
      "Queue.maxPauseClientType": "MaxPauseClientType",
      "Client.role": "ClientRole",
      "Client.type": "ClientType",
      "Client.clidType": "ClidType",
      "Client.clidRule": "ClidRule",
      "Client.assignType": "AssignType",
      "Client.ibWrapupType": "IbWrapupType",
      "Exten.type": "ExtenType",
      "Exten.allow": "ExtenCodec",
      "RestrictTel.restrictType": "RestrictType",
      "RestrictTel.telType": "RestrictTelType",
      "RestrictTelSetting.settingValue": "RestrictTelSettingValue",
    });
    const queue = present(schemas.Queue, "the Queue schema");
    expect(bitmaskName(present(queue.fields.joinEmpty, "Queue.joinEmpty").schema)).toBe("JoinEmptyState");
    expect(enumName(present(queue.fields.wrapupTime, "Queue.wrapupTime").schema)).toBeUndefined();
  });

  it("accepts exactly the values of the exported constant", () => {
    for (const { type, field, schema, name } of named) {
      const constant = exported[name!] as Record<string, number> | undefined;
      expect(constant, `${name} is exported by the package`).toBeTypeOf("object");
      for (const v of Object.values(constant!)) expect(schema.safeParse(v).success, `${type}.${field} ${v}`).toBe(true);
      const outside = Math.max(...Object.values(constant!)) + 1;
      expect(schema.safeParse(outside).success, `${type}.${field} refuses ${outside}`).toBe(false);
    }
  });
});
