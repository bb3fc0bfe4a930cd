/**
 * The data path runs one way (docs/design.md, The data path): program → resource class →
 * serialized provider → generic provider and endpoints → schema → API client → HTTP. An import
 * that runs back up it (the API client knowing a schema, a schema knowing the engine, a provider
 * reaching into program-side rules) is refused here.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { present } from "../support/present";

const root = path.resolve(__dirname, "..", "..");
const provider = path.join(root, "provider");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** The layer of a module, by where it lives; lower numbers are further down the path. */
function layerOf(file: string): { layer: number; name: string } | undefined {
  const rel = path.relative(provider, file).split(path.sep).join("/");
  if (rel.startsWith("api/")) return { layer: 0, name: "API client" };
  if (rel.startsWith("schema/") || /^resources\/[^/]+\/schema(-[a-z-]+)?\.ts$/.test(rel))
    return { layer: 1, name: "schema" };
  if (rel === "settings.ts") return { layer: 2, name: "settings" };
  if (rel.startsWith("plugin/") || /^resources\/[^/]+\/(endpoints|membership-batch)\.ts$/.test(rel))
    return { layer: 3, name: "provider" };
  if (rel === "runtime.ts" || rel === "resources/registry.ts") return { layer: 4, name: "runtime" };
  if (
    rel.startsWith("program/") ||
    /^resources\/[^/]+\/(program|resource)\.ts$/.test(rel) ||
    rel.startsWith("functions/")
  )
    return { layer: 5, name: "program side" };
  return undefined; // the package index and the generated lists, which gather every layer
}

type Side = "core" | "api" | "settings" | "plugin" | "program" | "tools";

/**
 * The process a module runs in (docs/design.md, Layout by process): the dynamic-provider plugin
 * (the runtime entry, the generic provider, the endpoints), the user's program (registration,
 * program rules, resource classes, lookups), or both (core: field builders, schema operations,
 * wire names, the old-state upgrade; the API client; settings).
 */
function sideOf(file: string): Side | undefined {
  const rel = path.relative(provider, file).split(path.sep).join("/");
  if (rel.startsWith("api/")) return "api";
  if (
    rel.startsWith("schema/") ||
    /^resources\/[^/]+\/schema(-[a-z-]+)?\.ts$/.test(rel) ||
    rel === "resources/schemas.ts"
  )
    return "core";
  // What the CLI (export, review) and the policy analyzer read about each kind: neither the
  // plugin nor the program loads it.
  if (
    /^resources\/[^/]+\/(catalog|policy)\.ts$/.test(rel) ||
    ["resources/catalog.ts", "resources/kind-catalog.ts"].includes(rel)
  )
    return "tools";
  if (rel === "settings.ts") return "settings";
  if (
    rel.startsWith("plugin/") ||
    /^resources\/[^/]+\/(endpoints|membership-batch|lock|last-queue)\.ts$/.test(rel) ||
    ["runtime.ts", "resources/registry.ts"].includes(rel)
  )
    return "plugin";
  if (
    rel.startsWith("program/") ||
    /^resources\/[^/]+\/(program|resource)\.ts$/.test(rel) ||
    rel.startsWith("functions/")
  )
    return "program";
  return undefined;
}

/** The modules that gather both sides for the package's users: the index and the generated export list. */
const GATHERERS = ["index.ts", "resources/index.ts"];

/** Value imports (type-only imports carry nothing at run time) of a module, resolved to files. */
function valueImports(file: string, text = fs.readFileSync(file, "utf8")): { spec: string; target?: string }[] {
  return imports(file, text, false);
}

/** Every import of a module (type-only ones too, unless `types` is false), resolved to files. */
function imports(
  file: string,
  text = fs.readFileSync(file, "utf8"),
  types = true,
): { spec: string; target?: string }[] {
  const out: { spec: string; target?: string }[] = [];
  for (const m of text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+["']([^"']+)["']/gms)) {
    if (m[2] && !types) continue;
    // The pattern's third group always takes part in a match.
    const spec = m[3]!;
    if (!spec.startsWith(".")) {
      out.push({ spec });
      continue;
    }
    const base = path.resolve(path.dirname(file), spec);
    out.push({ spec, target: [base + ".ts", path.join(base, "index.ts")].find((p) => fs.existsSync(p)) });
  }
  return out;
}

describe("layers", () => {
  const all = files(provider);

  it("no import runs back up the data path", () => {
    const offenders: string[] = [];
    for (const file of all) {
      const from = layerOf(file);
      if (!from) continue;
      for (const { spec, target } of valueImports(file)) {
        const to = target ? layerOf(target) : undefined;
        if (to && to.layer > from.layer)
          offenders.push(`${path.relative(root, file)} (${from.name}) -> ${spec} (${to.name})`);
      }
    }
    expect(all.length).toBeGreaterThan(30);
    expect(offenders).toEqual([]);
  });

  it("schemas and the API client never load the engine's SDK; providers load only its dynamic types", () => {
    const offenders: string[] = [];
    for (const file of all) {
      const from = layerOf(file);
      if (!from || from.layer > 3) continue;
      for (const { spec } of valueImports(file))
        if (spec === "@pulumi/pulumi" || spec.startsWith("@pulumi/pulumi/"))
          offenders.push(`${path.relative(root, file)} (${from.name}) -> ${spec}`);
    }
    expect(offenders).toEqual([]);
  });

  it("sees a back-up import when there is one (the check itself works)", () => {
    const probe = path.join(provider, "api", "probe.ts");
    const imp = present(
      valueImports(probe, 'import { queueSchema } from "../resources/queue/schema";\n')[0],
      "an import",
    );
    expect(layerOf(imp.target!)!.layer).toBeGreaterThan(layerOf(probe)!.layer);
    expect(valueImports(probe, 'import type { ResourceSchema } from "../schema/core";\n')).toEqual([]);
  });
});

describe("processes", () => {
  const all = files(provider);

  it("every module of provider/ runs on a known side (a new folder must be placed)", () => {
    const unplaced = all
      .map((f) => path.relative(provider, f).split(path.sep).join("/"))
      .filter((rel) => sideOf(path.join(provider, rel)) === undefined && !GATHERERS.includes(rel));
    expect(unplaced).toEqual([]);
  });

  it("the plugin and the program never import each other nor the tools' catalog; both import only core, api and settings", () => {
    const offenders: string[] = [];
    for (const file of all) {
      const from = sideOf(file);
      if (from !== "plugin" && from !== "program") continue;
      const other = from === "plugin" ? "program" : "plugin";
      for (const { spec, target } of imports(file)) {
        const to = target ? sideOf(target) : undefined;
        if (
          to === other ||
          to === "tools" ||
          (target && GATHERERS.includes(path.relative(provider, target).split(path.sep).join("/")))
        )
          offenders.push(`${path.relative(root, file)} (${from}) -> ${spec} (${to ?? "gatherer"})`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("core, api and settings import neither side nor the tools' catalog", () => {
    const offenders: string[] = [];
    for (const file of all) {
      const from = sideOf(file);
      if (from !== "core" && from !== "api" && from !== "settings") continue;
      for (const { spec, target } of imports(file)) {
        const to = target ? sideOf(target) : undefined;
        if (to === "plugin" || to === "program" || to === "tools")
          offenders.push(`${path.relative(root, file)} (${from}) -> ${spec} (${to})`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("sees a crossing when there is one (the check itself works)", () => {
    const probe = path.join(provider, "program", "probe.ts");
    const imp = present(imports(probe, 'import { VERDICT_INPUT } from "../plugin/provider";\n')[0], "an import");
    expect(sideOf(probe)).toBe("program");
    expect(sideOf(imp.target!)).toBe("plugin");
    const typeOnly = present(imports(probe, 'import type { ResourceApi } from "../plugin/spec";\n')[0], "an import");
    expect(sideOf(typeOnly.target!)).toBe("plugin");
  });
});
