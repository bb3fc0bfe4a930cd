import * as fs from "node:fs";
import * as path from "node:path";
import { expect, it } from "vitest";
import { renderFieldDocs } from "../../scripts/field-docs";
import { schemas } from "../../schema";

it("docs/fields.md is generated from the current schemas (run `npm run docs` after changing a schema)", () => {
  const committed = fs.readFileSync(path.resolve(__dirname, "..", "..", "docs", "fields.md"), "utf8");
  expect(committed).toBe(renderFieldDocs());
  for (const [type, schema] of Object.entries(schemas)) {
    expect(committed).toContain(`## ${type}`);
    for (const name of Object.keys(schema.fields)) expect(committed).toContain(`| \`${name}\` |`);
  }
});
