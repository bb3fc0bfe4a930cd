/**
 * docs/design.md, "The serialized provider": the `__provider` Pulumi stores in state must be
 * small, carry no code of ours by value and no credentials, and load the implementation by package
 * name at run time. Serialize it the way `dynamic.Resource` does, then run it in a fresh Node
 * process started from another directory that has the package installed (as `refresh` on another
 * CI runner would).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { programDir } from "./harness";

describe("serialized provider", () => {
  it("is small, credential-free, and runs from another directory by package name", async () => {
    const where = programDir();
    // The same call dynamic.Resource makes (node_modules/@pulumi/pulumi/dynamic/index.js serializeProvider).
    const { serializeFunction } = where.pulumi.runtime;
    // Rooted in the program directory (a `paths` lookup from here would self-resolve to this repository).
    const requireThere = createRequire(path.join(where.dir, "package.json"));
    const kinds: string[] = requireThere("pulumi-clink/runtime").kinds();
    expect(kinds).toContain("queue");
    const pkgDir = path.dirname(requireThere.resolve("pulumi-clink/package.json"));
    expect(pkgDir.startsWith(fs.realpathSync(where.dir))).toBe(true);
    const serializedProvider = require(path.join(pkgDir, "dist", "provider", "program", "serialized.js"));
    process.env.CLINK_ACCESS_KEY_SECRET = "secret-that-must-not-be-captured";

    for (const kind of kinds) {
      const provider = serializedProvider.serializableProvider(kind);
      const { text } = await serializeFunction(() => provider, { allowSecrets: true });
      expect(text.length, `${kind}: serialized provider size`).toBeLessThan(4096);
      expect(text).toContain('require("pulumi-clink/runtime")');
      expect(text).not.toContain("secret-that-must-not-be-captured");
      expect(text).not.toMatch(/accessKey|ClinkClient|undici|zod/);

      // A fresh process elsewhere: copy the program's node_modules to a new directory and load it there.
      const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "clink-elsewhere-"));
      fs.cpSync(path.join(where.dir, "node_modules"), path.join(elsewhere, "node_modules"), { recursive: true });
      // Load it the way the dynamic-provider plugin does (cmd/dynamic-provider: requireFromString(text).handler()).
      const script = `
        const fromString = require(require.resolve("require-from-string", { paths: [require.resolve("@pulumi/pulumi")] }));
        const provider = fromString(${JSON.stringify(text)}).handler();
        const resolved = require.resolve("pulumi-clink/runtime");
        provider.check({}, { definitely_not_a_field: 1 }).then((r) => {
          console.log(JSON.stringify({ resolved, failures: r.failures.map((f) => f.property) }));
        });`;
      const out = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: elsewhere, encoding: "utf8" }));
      expect(out.resolved.startsWith(fs.realpathSync(elsewhere))).toBe(true);
      expect(out.failures).toContain("definitely_not_a_field");
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
