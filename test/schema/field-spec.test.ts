/** fieldSpec (provider/schema/core.ts): a schema's field by name, or an error naming both. */
import { describe, expect, it } from "vitest";
import { fieldSpec } from "../../provider/schema/core";
import { pauseSchema } from "../../provider/resources/pause/schema";

describe("fieldSpec", () => {
  it("answers the field the schema declares", () => {
    expect(fieldSpec(pauseSchema, "pauseStatus")).toBe(pauseSchema.fields.pauseStatus);
  });

  it("names the schema and the field it lacks", () => {
    expect(() => fieldSpec(pauseSchema, "colour")).toThrow("Pause has no field 'colour'");
  });
});
