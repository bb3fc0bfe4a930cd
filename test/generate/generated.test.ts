/**
 * One definition per resource (issue 16): the program-side code and the field docs are generated
 * from the schemas, and a field added to one schema appears in the Args, the outputs, the docs and
 * the registry with no other edit.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { int } from "../../provider/schema/core";
import { ROOT, generate, loadGeneratorInputs, type GeneratorInput } from "../../scripts/generate";

describe("generated code", () => {
  it("is what the current schemas give (run `npm run generate` after changing a schema)", async () => {
    const files = await generate();
    expect(files.size).toBeGreaterThanOrEqual(13);
    for (const [file, text] of files) expect(fs.readFileSync(path.join(ROOT, file), "utf8"), file).toBe(text);
  });

  it("a field added to one schema appears in its Args, outputs and docs, and nowhere else", async () => {
    const defs = await loadGeneratorInputs();
    const before = await generate(defs);
    const changed: GeneratorInput[] = defs.map((d) =>
      d.schema.type !== "Exten"
        ? d
        : {
            ...d,
            schema: {
              ...d.schema,
              fields: {
                ...d.schema.fields,
                ringVolume: {
                  schema: int(0, 9, "steps"),
                  doc: "Ring volume (振铃音量), 0-9 steps.",
                  lifecycle: "updatable",
                  default: 5,
                },
              },
            },
          },
    );
    const after = await generate(changed);
    const resource = after.get("provider/resources/exten/resource.ts")!;
    const args = resource.slice(resource.indexOf("export interface ExtenArgs"), resource.indexOf("export class"));
    expect(args).toContain(
      "   * Ring volume (振铃音量), 0-9 steps.\n   * Not declared: not managed (never sent, never compared); a new object gets the server's default, 5.\n   */\n  ringVolume?: pulumi.Input<number>;",
    );
    const outputs = resource.slice(resource.indexOf("export class"));
    // Undeclared, the output is what the server holds (issue 23): no promised default.
    expect(outputs).toContain("  declare readonly ringVolume: pulumi.Output<number | undefined>;");
    expect(after.get("docs/fields.md")).toMatch(
      /\| `ringVolume` +\| updatable +\| `5` +\| Ring volume \(振铃音量\), 0-9 steps\. +\|/,
    );
    const differing = [...after.keys()].filter((f) => after.get(f) !== before.get(f)).sort();
    expect(differing).toEqual(["docs/fields.md", "provider/resources/exten/resource.ts"]);
  });

  it("a resource added as a folder appears in the registry, the exports, the schema list and the docs", async () => {
    const defs = await loadGeneratorInputs();
    const pause = defs.find((d) => d.schema.type === "Pause")!;
    const added: GeneratorInput = {
      ...pause,
      folder: "ivr-menu",
      kind: "ivrMenu",
      schemaExport: "ivrMenuSchema",
      schema: { ...pause.schema, type: "IvrMenu", vendorTerm: "语音导航", noun: "IVR menu" },
      hooks: [],
    };
    const after = await generate([...defs, added]);
    expect(after.get("provider/resources/registry.ts")).toContain(
      'ivrMenu: () => require("./ivr-menu/endpoints").ivrMenuProvider,',
    );
    expect(after.get("provider/resources/index.ts")).toContain(
      'export { IvrMenu, type IvrMenuArgs } from "./ivr-menu/resource";',
    );
    expect(after.get("provider/resources/index.ts")).toContain("  ivrMenu: ivrMenuProvider,");
    expect(after.get("provider/resources/schemas.ts")).toContain("  IvrMenu: ivrMenuSchema,");
    expect(after.get("provider/resources/ivr-menu/resource.ts")).toContain(
      'const definition: ClassSpec<IvrMenuArgs, IvrMenu> = { kind: "ivrMenu", schema: ivrMenuSchema };',
    );
    expect(after.get("docs/fields.md")).toContain("## IvrMenu (语音导航)");
  });
});
