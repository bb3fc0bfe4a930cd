/**
 * docs/design.md, "The serialized provider": the `__provider` every resource stores in state is
 * a line we write (provider/program/registration.ts), small, with no code of ours by value and no
 * credentials, that loads the installed release by package name at run time. Run it in a fresh
 * Node process started from another directory that has the package installed (as `refresh` on
 * another CI runner would), the way the dynamic-provider plugin loads it; and the form release
 * 0.1.0 wrote (the closure serializer's) still runs there too.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { programDir } from "./harness";

const FIXTURE = path.join(__dirname, "..", "fixtures", "state-0.1.0", "deployment.json");

describe("serialized provider", () => {
  it("is small, credential-free, and runs from another directory by package name; so does 0.1.0's", () => {
    const where = programDir();
    // Rooted in the program directory (a `paths` lookup from here would self-resolve to this repository).
    const requireThere = createRequire(path.join(where.dir, "package.json"));
    const kinds: string[] = requireThere("pulumi-clink/runtime").kinds();
    expect(kinds).toContain("queue");
    const pkgDir = path.dirname(requireThere.resolve("pulumi-clink/package.json"));
    expect(pkgDir.startsWith(fs.realpathSync(where.dir))).toBe(true);
    const serialized = require(path.join(pkgDir, "dist", "provider", "program", "registration.js"));
    process.env.CLINK_ACCESS_KEY_SECRET = "secret-that-must-not-be-captured";

    const texts: Record<string, string> = {};
    for (const kind of kinds) {
      const text: string = serialized.providerText(kind);
      expect(text.length, `${kind}: serialized provider size`).toBeLessThan(100);
      expect(text).toContain('require("pulumi-clink/runtime")');
      expect(text).not.toContain("secret-that-must-not-be-captured");
      texts[kind] = text;
    }
    // What 0.1.0 stored: seven arrow functions by the closure serializer, each calling
    // require("pulumi-clink/runtime").configure(req) or .provider(kind).<op>(...).
    const old = JSON.parse(fs.readFileSync(FIXTURE, "utf8")).deployment.resources.find((r: { type: string }) =>
      r.type.endsWith(":Queue"),
    ).outputs.__provider as string;
    expect(old).toContain(".provider(kind).check(olds, news)");
    texts["0.1.0 queue"] = old;

    // A fresh process elsewhere: copy the program's node_modules to a new directory and load it there.
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "clink-elsewhere-"));
    fs.cpSync(path.join(where.dir, "node_modules"), path.join(elsewhere, "node_modules"), { recursive: true });
    // Load each the way the dynamic-provider plugin does (cmd/dynamic-provider getProvider:
    // requireFromString(text).handler(), then configure once, then the operations).
    const script = `
      const fromString = require(require.resolve("require-from-string", { paths: [require.resolve("@pulumi/pulumi")] }));
      const texts = ${JSON.stringify(texts)};
      (async () => {
        const out = { resolved: require.resolve("pulumi-clink/runtime"), kinds: {} };
        for (const [kind, text] of Object.entries(texts)) {
          const provider = fromString(text).handler();
          const ops = ["configure", "check", "diff", "create", "read", "update", "delete"].filter((op) => typeof provider[op] === "function");
          await provider.configure({ config: new Map() });
          const r = await provider.check({}, { definitely_not_a_field: 1 });
          out.kinds[kind] = { ops, failures: r.failures.map((f) => f.property) };
        }
        console.log(JSON.stringify(out));
      })();`;
    const out = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: elsewhere, encoding: "utf8" }));
    expect(out.resolved.startsWith(fs.realpathSync(elsewhere))).toBe(true);
    fs.rmSync(elsewhere, { recursive: true, force: true });
    expect(Object.keys(out.kinds)).toEqual(Object.keys(texts));
    for (const [kind, r] of Object.entries(out.kinds as Record<string, { ops: string[]; failures: string[] }>)) {
      expect(r.ops, kind).toEqual(["configure", "check", "diff", "create", "read", "update", "delete"]);
      expect(r.failures, kind).toContain("definitely_not_a_field");
    }
  });
});
