/**
 * Every field builder returns its descriptor with its zod schema (issue 25): the range, unit,
 * codes and lengths a field takes, as data the review, the exporter, the type writer and the docs
 * read. The descriptor survives the wrappers a schema is written with (`.optional()`, `.meta()`).
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  allowedText,
  areaCode,
  bitmask,
  codes,
  codesIn,
  descriptorOf,
  digits,
  flag,
  int,
  keyedSet,
  oneOf,
  password,
  queueNumber,
  sortedSet,
  stringSet,
  telNumber,
  text,
  NAME_CHARS,
} from "../../provider/schema/core";
import { schemas } from "../../provider/resources/schemas";

const colors = codes("Color", { Red: [1, "red", "红"], Blue: [2, "blue"] });

describe("field descriptors", () => {
  it("one per builder, with the data it was built from", () => {
    expect(descriptorOf(int(3, 300, "seconds"))).toEqual({ kind: "integer", min: 3, max: 300, unit: "seconds" });
    expect(descriptorOf(int(0, 9))).toEqual({ kind: "integer", min: 0, max: 9 });
    expect(descriptorOf(oneOf(colors))).toEqual({
      kind: "code",
      name: "Color",
      codes: [
        { value: 1, label: "red", term: "红" },
        { value: 2, label: "blue" },
      ],
    });
    expect(descriptorOf(oneOf({ 1: "by day", 2: "by call" }))).toEqual({
      kind: "code",
      codes: [
        { value: 1, label: "by day" },
        { value: 2, label: "by call" },
      ],
    });
    expect(descriptorOf(flag("off", "on"))).toEqual({
      kind: "flag",
      codes: [
        { value: 0, label: "off" },
        { value: 1, label: "on" },
      ],
    });
    expect(descriptorOf(bitmask({ 1: "paused", 2: "talking" }))).toEqual({
      kind: "bitmask",
      codes: [
        { value: 1, label: "paused" },
        { value: 2, label: "talking" },
      ],
    });
    expect(descriptorOf(digits(4, 11, "agent number"))).toEqual({
      kind: "digits",
      minLength: 4,
      maxLength: 11,
      what: "agent number",
    });
    expect(descriptorOf(queueNumber())).toMatchObject({ kind: "digits", minLength: 3, maxLength: 5 });
    expect(descriptorOf(text(20, { pattern: NAME_CHARS, patternText: "letters" }))).toEqual({
      kind: "text",
      minLength: 1,
      maxLength: 20,
      patternText: "letters",
    });
    expect(descriptorOf(areaCode)).toEqual({ kind: "area code" });
    expect(descriptorOf(telNumber(3, 20, "a caller number"))).toEqual({
      kind: "phone number",
      minLength: 3,
      maxLength: 20,
      what: "a caller number",
    });
    expect(descriptorOf(password())).toEqual({ kind: "password", minLength: 1, maxLength: 32 });
    expect(descriptorOf(sortedSet(areaCode, "area code"))).toEqual({
      kind: "set",
      element: { kind: "area code" },
      what: "area code",
    });
    expect(descriptorOf(stringSet(queueNumber(), "queue number"))).toMatchObject({
      kind: "set",
      element: { kind: "digits", minLength: 3, maxLength: 5 },
    });
    const member = z.object({ cno: digits(4, 11, "agent"), penalty: int(1, 10).optional() }).meta({ clinkType: "M" });
    expect(descriptorOf(keyedSet(member, "cno", "{ cno, penalty }"))).toEqual({
      kind: "keyed set",
      key: "cno",
      what: "{ cno, penalty }",
      element: {
        kind: "object",
        name: "M",
        keys: {
          cno: { optional: false, descriptor: { kind: "digits", minLength: 4, maxLength: 11, what: "agent" } },
          penalty: { optional: true, descriptor: { kind: "integer", min: 1, max: 10 } },
        },
      },
    });
  });

  it("is found through .optional(), .meta() and a transform", () => {
    const base = oneOf(colors);
    expect(descriptorOf(base.optional())).toBe(descriptorOf(base));
    expect(descriptorOf(base.meta({ description: "d" }))).toBe(descriptorOf(base));
    expect(descriptorOf(base.transform((v) => [v]))).toBe(descriptorOf(base));
  });

  it("schemas written with zod directly get a structural descriptor", () => {
    expect(descriptorOf(z.number())).toEqual({ kind: "number" });
    expect(descriptorOf(z.array(flag("off", "on")).length(4))).toMatchObject({ kind: "list", length: 4 });
    const key = oneOf(colors).optional().meta({ label: "color", term: "颜色", description: "The color." });
    expect(descriptorOf(z.object({ color: key }))).toEqual({
      kind: "object",
      keys: {
        color: { optional: true, label: "color", term: "颜色", doc: "The color.", descriptor: descriptorOf(key) },
      },
    });
  });

  it("says what a field takes in a sentence, and its codes", () => {
    expect(allowedText(descriptorOf(int(3, 300, "seconds")))).toBe("An integer from 3 to 300 (seconds).");
    expect(allowedText(descriptorOf(oneOf(colors)))).toBe("One of: 1 red (红), 2 blue (Color).");
    expect(allowedText(descriptorOf(flag("no", "yes")))).toBe("0 no, 1 yes.");
    expect(codesIn(descriptorOf(bitmask({ 1: "a", 2: "b" })))).toEqual({
      bitmask: true,
      codes: [
        { value: 1, label: "a" },
        { value: 2, label: "b" },
      ],
    });
  });

  it("every declarable field of every resource says what it takes", () => {
    const silent: string[] = [];
    for (const [kind, schema] of Object.entries(schemas))
      for (const [name, field] of Object.entries(schema.fields)) {
        if (field.lifecycle === "computed") continue;
        const d = descriptorOf(field.schema);
        if (d.kind === "object" ? d.name === undefined : allowedText(d) === undefined) silent.push(`${kind}.${name}`);
      }
    expect(silent).toEqual([]);
  });
});
