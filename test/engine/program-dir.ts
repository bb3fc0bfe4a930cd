/**
 * Packs pulumi-clink (`npm pack`, the same files a registry install gets) and installs it with
 * the chosen @pulumi/pulumi into a scratch program directory. Programs run from there, so the
 * serialized providers resolve `pulumi-clink/runtime` through node_modules exactly as in a
 * user's project, and the SDK the resources register with is the program's own.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const root = path.resolve(__dirname, "..", "..");

export interface PreparedProgramDir {
  dir: string;
  sdkVersion: string;
  cleanup(): void;
}

/** `sdk`: the @pulumi/pulumi version (default: CLINK_E2E_PULUMI_VERSION, else the repository's dev dependency). */
export function prepareProgramDir(sdk?: string): PreparedProgramDir {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "clink-e2e-"));
  const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", base], { cwd: root, encoding: "utf8" })
    .trim()
    .split("\n")
    .pop()!;
  const version =
    sdk ??
    process.env.CLINK_E2E_PULUMI_VERSION ??
    require(path.join(root, "package.json")).devDependencies["@pulumi/pulumi"];
  const dir = path.join(base, "program");
  fs.mkdirSync(dir);
  fs.writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ name: "clink-e2e-program", private: true, dependencies: {} }, null, 2),
  );
  execFileSync(
    "npm",
    ["install", "--no-audit", "--no-fund", "--loglevel=error", path.join(base, tarball), `@pulumi/pulumi@${version}`],
    { cwd: dir, stdio: ["ignore", "inherit", "inherit"] },
  );
  const installed = require(path.join(dir, "node_modules", "@pulumi", "pulumi", "package.json")).version as string;
  return { dir, sdkVersion: installed, cleanup: () => fs.rmSync(base, { recursive: true, force: true }) };
}
