/**
 * The exported project pins the pulumi-clink that ran the export (issue 24, item 9), not
 * `^<version>` of a name nobody published: a checkout as `file:<dir>`, a tarball or directory install
 * as the lock file's `resolved` made absolute, a registry install as the exact version.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { packageSource } from "../../cli/export/package-source";
import { projectFiles } from "../../cli/export/emit";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "clink-pkg-source-"));

function installed(resolved: string | undefined): string {
  const root = tmp();
  const dir = path.join(root, "node_modules", "pulumi-clink");
  fs.mkdirSync(dir, { recursive: true });
  const packages = { "node_modules/pulumi-clink": { version: "0.2.0", ...(resolved ? { resolved } : {}) } };
  fs.writeFileSync(path.join(root, "node_modules", ".package-lock.json"), JSON.stringify({ packages }));
  return dir;
}

describe("the pulumi-clink an export depends on", () => {
  it("a checkout: file: its directory", () => {
    expect(packageSource("/home/me/pulumi-clink", "0.2.0").spec).toBe("file:/home/me/pulumi-clink");
  });

  it("installed from a tarball: the tarball, as an absolute path", () => {
    const dir = installed("file:../dist/pulumi-clink-0.2.0.tgz");
    const root = path.dirname(path.dirname(dir));
    const s = packageSource(dir, "0.2.0");
    expect(s.spec).toBe(`file:${path.resolve(root, "../dist/pulumi-clink-0.2.0.tgz")}`);
    expect(s.how).toMatch(/installed from .*pulumi-clink-0\.2\.0\.tgz/);
  });

  it("installed from a registry: the exact version; a tarball URL stays that URL", () => {
    expect(
      packageSource(installed("https://registry.npmjs.org/pulumi-clink/-/pulumi-clink-0.2.0.tgz"), "0.2.0").spec,
    ).toBe("0.2.0");
    expect(packageSource(installed(undefined), "0.2.0").spec).toBe("0.2.0");
    const url = "https://files.example.com/pulumi-clink-0.2.0.tgz";
    expect(packageSource(installed(url), "0.2.0").spec).toBe(url);
  });

  it("is what the exported package.json pins and index.ts says how to install", () => {
    const files = projectFiles({ byKind: new Map() } as never, { project: "center", host: "api.example" } as never);
    const pin = (JSON.parse(files.get("package.json")!) as { dependencies: Record<string, string> }).dependencies[
      "pulumi-clink"
    ];
    expect(pin).not.toMatch(/^\^/);
    expect(pin).toBe(`file:${path.resolve(__dirname, "..", "..")}`); // this checkout runs the test
    expect(files.get("index.ts")).toMatch(/Install with `npm install`: package\.json pins pulumi-clink to "file:/);
  });
});
