/**
 * One definition per resource (issue 16): the program-side code and the field docs are generated
 * from the schemas, and a field added to one schema appears in the Args, the outputs, the docs and
 * the registry with no other edit. A kind added as a folder (issue 25) reaches the export and the
 * review too: its folder plus `npm run generate` is all it takes.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { int } from "../../provider/schema/core";
import { ROOT, generate, loadGeneratorInputs, type GeneratorInput } from "../../scripts/generate";
import { json, testServer } from "../api/server";
import { log, prelude, step, summary } from "../cli/events";

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
                  label: "Ring volume",
                  term: "振铃音量",
                  doc: "How loud the phone rings.",
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
    // The range, unit and default come from the field's data (its builder and `default`), not its prose.
    expect(args).toContain(
      "   * Ring volume (振铃音量). How loud the phone rings.\n   * An integer from 0 to 9 (steps).\n" +
        "   * Not declared: not managed (never sent, never compared); a new object gets the server's default.\n" +
        "   * @default 5\n   */\n  ringVolume?: pulumi.Input<number>;",
    );
    const outputs = resource.slice(resource.indexOf("export class"));
    // Undeclared, the output is what the server holds (issue 23): no promised default.
    expect(outputs).toContain("  declare readonly ringVolume: pulumi.Output<number | undefined>;");
    expect(after.get("docs/fields.md")).toMatch(
      /\| `ringVolume` +\| updatable +\| `5` +\| An integer from 0 to 9 \(steps\)\. +\| Ring volume \(振铃音量\)\. How loud the phone rings\. +\|/,
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

  it("a kind added as a folder, then `npm run generate`, is exported and reviewed with no other edit", async () => {
    // A copy of the code, with a new folder made from pause/ (a kind with a list, a catalog and a
    // policy rule): IvrMenu, wire name ivrMenu, listed by GET /cc/list_enterprise_ivrMenus.
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), "clink-new-kind-"));
    try {
      for (const dir of ["provider", "cli", "policy", path.join("scripts", "generate")])
        fs.cpSync(path.join(ROOT, dir), path.join(copy, dir), { recursive: true });
      for (const file of ["package.json", ".prettierrc.json"])
        fs.copyFileSync(path.join(ROOT, file), path.join(copy, file));
      fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(copy, "node_modules"), "dir");
      const from = path.join(copy, "provider", "resources", "pause");
      const to = path.join(copy, "provider", "resources", "ivr-menu");
      fs.mkdirSync(to);
      for (const file of fs.readdirSync(from).filter((f) => f !== "resource.ts"))
        fs.writeFileSync(
          path.join(to, file),
          fs
            .readFileSync(path.join(from, file), "utf8")
            .replaceAll("Pause", "IvrMenu")
            .replaceAll("pause", "ivrMenu")
            .replaceAll("置忙状态", "语音导航菜单"),
        );

      const generator = (await import(
        path.join(copy, "scripts", "generate", "index.ts")
      )) as typeof import("../../scripts/generate");
      for (const [file, text] of await generator.generate()) {
        fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
        fs.writeFileSync(path.join(copy, file), text);
      }
      expect(fs.readFileSync(path.join(copy, "provider", "resources", "catalog.ts"), "utf8")).toContain(
        'import { catalog as ivrMenuCatalog } from "./ivr-menu/catalog";',
      );

      // export: the new kind is a kind of the command line, read from its endpoint and declared.
      const { exportCenter, parseExportArgs } = (await import(
        path.join(copy, "cli", "export", "index.ts")
      )) as typeof import("../../cli/export");
      const key = { accessKeyId: "new-kind", accessKeySecret: "new-kind-secret" };
      const server = await testServer(key.accessKeySecret, (req, res) =>
        req.path === "/cc/list_enterprise_ivrMenus"
          ? json(res, 200, { enterpriseIvrMenus: [{ id: 7, ivrMenuStatus: "夜间", isRest: 1, isDefault: 0 }] })
          : json(res, 404, { error: { code: "ResourceNotFound", message: "none" } }),
      );
      let files: Map<string, string>;
      try {
        const options = parseExportArgs([
          ...["--out", path.join(copy, "out"), "--endpoint", server.url, "--rate", "0", "--quiet"],
          ...["--access-key-id", key.accessKeyId, "--access-key-secret", key.accessKeySecret, "--include", "ivrMenu"],
        ]);
        if (options === "help") throw new Error("unexpected help");
        files = (await exportCenter(options)).files;
      } finally {
        await server.close();
      }
      expect(files.get("index.ts")).toContain('import "./ivrMenus";');
      expect(files.get("ivrMenus.ts")).toContain('export const ivrMenu_夜间 = new clink.IvrMenu("ivrMenu_夜间", {');
      expect(files.get("ivrMenus.ts")).toContain('  ivrMenuStatus: "夜间",\n  isRest: 1,\n  adopt: true,\n});');

      // review: named by its noun, under its own heading, its deletion in the counts.
      const { reviewEventLog } = (await import(
        path.join(copy, "cli", "review", "index.ts")
      )) as typeof import("../../cli/review");
      const review = reviewEventLog(
        log(
          prelude(),
          step("create", "IvrMenu", "night", undefined, { ivrMenuStatus: "夜间", isRest: 1, isDefault: 0 }),
          summary(),
        ),
      );
      expect(review).toContain("- ivrMenu statuses (语音导航菜单): 1 added");
      expect(review).toContain("#### IvrMenu statuses (语音导航菜单, `IvrMenu`)");
      expect(review).toContain("- **ivrMenu status 夜间** added");

      // The policy pack: the folder's rule is one of the pack's.
      const { rules } = (await import(path.join(copy, "policy", "rules.ts"))) as typeof import("../../policy/rules");
      expect(rules.map((r) => r.name)).toContain("default-ivrMenu-declared");
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
