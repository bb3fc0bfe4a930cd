/** Issue 4: the simulator is written from the document, never from our provider or schemas (it must test them). */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..", "..", "simulator");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("simulator independence", () => {
  it("imports nothing from provider/ or schema/", () => {
    const offenders: string[] = [];
    for (const file of files(root)) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/(?:from\s+|require\(|import\()\s*["']([^"']+)["']/g)) {
        const spec = m[1]!; // the one group always takes part in a match
        const target = spec.startsWith(".") ? path.resolve(path.dirname(file), spec) : spec;
        const rel = path.relative(path.resolve(root, ".."), target);
        if (/^(provider|schema)(\/|$)/.test(rel) || /^pulumi-clink(\/|$)/.test(spec) || spec === "zod")
          offenders.push(`${path.relative(root, file)} -> ${spec}`);
      }
    }
    expect(files(root).length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });
});
