/**
 * docs/fields.md and the generated Args' JSDoc say every field's range, unit, codes and default,
 * written from the fields' data (descriptors and `default`) rather than from their prose (issue
 * 25): a field's prose may leave them out, the docs may not.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { codesIn, descriptorOf, type Descriptor } from "../../provider/schema/core";
import { schemas } from "../../provider/resources/schemas";
import { kebab } from "../../scripts/generate";

const root = path.resolve(__dirname, "..", "..");
const fieldsMd = fs.readFileSync(path.join(root, "docs", "fields.md"), "utf8");

/** The table row of one field in one resource's section of docs/fields.md. */
function row(type: string, field: string): string {
  const start = fieldsMd.indexOf(`## ${type} (`);
  const next = fieldsMd.indexOf("\n## ", start + 1);
  const section = fieldsMd.slice(start, next === -1 ? undefined : next);
  const line = section.split("\n").find((l) => l.startsWith(`| \`${field}\` `));
  if (!line) throw new Error(`docs/fields.md: no row for ${type}.${field}`);
  return line;
}

/** The JSDoc block right above a field of the generated Args. */
function argsDoc(type: string, field: string): string {
  const text = fs.readFileSync(path.join(root, "provider", "resources", kebab(type), "resource.ts"), "utf8");
  const args = text.slice(text.indexOf(`export interface ${type}`), text.indexOf("export class"));
  const at = args.search(new RegExp(`\\n  ${field}\\??: `));
  return args.slice(args.lastIndexOf("/**", at), at);
}

/** Integer ranges a field takes, also inside a list or either-or. */
function ranges(d: Descriptor): { min: number; max: number; unit?: string }[] {
  if (d.kind === "integer") return [d];
  if (d.kind === "union") return d.options.flatMap(ranges);
  if (d.kind === "list" || d.kind === "set") return ranges(d.element);
  return [];
}

const declarable = Object.entries(schemas).flatMap(([type, s]) =>
  Object.entries(s.fields)
    .filter(([, f]) => f.lifecycle !== "computed")
    .map(([field, f]) => ({ type, field, f, d: descriptorOf(f.schema) })),
);

describe("docs/fields.md and the Args JSDoc from the field data", () => {
  it("every integer field's range and unit", () => {
    const withRange = declarable.filter(({ d }) => ranges(d).length > 0);
    expect(withRange.length).toBeGreaterThan(20);
    for (const { type, field, d } of withRange)
      for (const r of ranges(d)) {
        const said = `from ${r.min} to ${r.max}${r.unit ? ` (${r.unit})` : ""}`;
        expect(row(type, field), `${type}.${field}`).toContain(said);
        expect(argsDoc(type, field).replace(/\s+\*\s+/g, " "), `${type}.${field}`).toContain(said);
      }
  });

  it("every documented default, in the default column and as @default", () => {
    const withDefault = declarable.filter(({ f }) => f.default !== undefined);
    expect(withDefault.length).toBeGreaterThan(30);
    for (const { type, field, f } of withDefault) {
      expect(row(type, field).split("|")[3], `${type}.${field}`).toContain(`\`${JSON.stringify(f.default)}\``);
      if (typeof f.default !== "object")
        expect(argsDoc(type, field), `${type}.${field}`).toMatch(
          new RegExp(`\\* @default ${JSON.stringify(f.default)}( \\(|\\n)`),
        );
    }
  });

  it("every code's meaning", () => {
    const coded = declarable.filter(({ d }) => codesIn(d) !== undefined);
    expect(coded.length).toBeGreaterThan(30);
    for (const { type, field, d } of coded)
      for (const c of codesIn(d)!.codes)
        expect(row(type, field), `${type}.${field}`).toContain(`${c.value} ${c.label}`);
  });

  it("every key of an object managed key by key, with its codes and server default", () => {
    const permission = row("Client", "permission");
    expect(permission).toContain(
      "`record` call recording (通话录音权限): 0 off, 1 inbound, 2 outbound, 3 all; server default 3.",
    );
    expect(permission).toContain("`recordDownload` recording playback/download (录音试听下载权限)");
  });
});
