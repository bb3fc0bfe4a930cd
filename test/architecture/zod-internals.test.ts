/**
 * zod's internals are read in one module (issue 25): provider/schema/zod-internals.ts walks a
 * schema's definition (`_zod.def`) and holds the field descriptors; everything else asks it
 * (`descriptorOf`). A zod upgrade that moves its internals then breaks one file, and a type cast
 * through `unknown` (which silences the compiler) lives only where zod's types force it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..", "..");
const THE_MODULE = "provider/schema/zod-internals.ts";
const SKIP = new Set(["node_modules", "dist", ".git", "coverage"]);

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (SKIP.has(e.name)) return [];
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.(ts|mts|js|mjs)$/.test(e.name) ? [p] : [];
  });
}

const rel = (p: string) => path.relative(root, p).split(path.sep).join("/");
const self = rel(__filename);

describe("zod internals", () => {
  const all = files(root).map((p) => ({ file: rel(p), text: fs.readFileSync(p, "utf8") }));

  it("are read only in provider/schema/zod-internals.ts", () => {
    const offenders = all.filter(({ file, text }) => file !== THE_MODULE && file !== self && /_zod\b/.test(text));
    expect(all.length).toBeGreaterThan(100);
    expect(all.some(({ file, text }) => file === THE_MODULE && text.includes("_zod.def"))).toBe(true);
    expect(offenders.map((o) => o.file)).toEqual([]);
  });

  it("a cast through unknown appears in the package's own code only in that module", () => {
    const own = /^(provider|cli|scripts|policy)\//;
    const offenders = all.filter(
      ({ file, text }) => own.test(file) && file !== THE_MODULE && /\bas unknown as\b/.test(text),
    );
    expect(offenders.map((o) => o.file)).toEqual([]);
  });

  it("the schema modules stay small: none over 400 lines (split by job or field group)", () => {
    const schemaModule = /^provider\/(schema\/[^/]+|resources\/[^/]+\/schema(-[a-z-]+)?)\.ts$/;
    const modules = all.filter(({ file }) => schemaModule.test(file));
    expect(modules.length).toBeGreaterThan(15);
    const long = modules
      .map(({ file, text }) => ({ file, lines: text.split("\n").length }))
      .filter((m) => m.lines > 400)
      .map((m) => `${m.file}: ${m.lines} lines`);
    expect(long).toEqual([]);
  });

  it("a test casts through unknown nowhere: it builds the value or checks its shape", () => {
    const tests = all.filter(({ file }) => file.startsWith("test/") && file !== self);
    expect(tests.length).toBeGreaterThan(100);
    expect(tests.filter(({ text }) => /\bas unknown as\b/.test(text)).map((t) => t.file)).toEqual([]);
  });
});
