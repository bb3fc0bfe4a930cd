/**
 * Packs pulumi-clink (`npm pack`, the same files a registry install gets) and installs it with
 * the chosen @pulumi/pulumi into a scratch program directory. Programs run from there, so the
 * serialized providers resolve `pulumi-clink/runtime` through node_modules exactly as in a
 * user's project, and the SDK the resources register with is the program's own.
 *
 * CLINK_E2E_PULUMI_VERSION picks the SDK (default: the version this repository develops with),
 * so CI can run the suite at both ends of the supported range.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { TestProject } from "vitest/node";

const root = path.resolve(__dirname, "..", "..");

export default function setup(project: TestProject): () => void {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "clink-e2e-"));
  const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", base], { cwd: root, encoding: "utf8" })
    .trim()
    .split("\n")
    .pop()!;
  const sdk =
    process.env.CLINK_E2E_PULUMI_VERSION ?? require(path.join(root, "package.json")).devDependencies["@pulumi/pulumi"];
  const dir = path.join(base, "program");
  fs.mkdirSync(dir);
  fs.writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ name: "clink-e2e-program", private: true, dependencies: {} }, null, 2),
  );
  execFileSync(
    "npm",
    ["install", "--no-audit", "--no-fund", "--loglevel=error", path.join(base, tarball), `@pulumi/pulumi@${sdk}`],
    { cwd: dir, stdio: ["ignore", "inherit", "inherit"] },
  );
  const installed = require(path.join(dir, "node_modules", "@pulumi", "pulumi", "package.json")).version;
  console.log(
    `e2e: pulumi-clink packed and installed with @pulumi/pulumi ${installed} on Node ${process.version} in ${dir}`,
  );
  project.provide("e2eProgramDir", dir);
  project.provide("e2eSdkVersion", installed);
  return () => fs.rmSync(base, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    e2eProgramDir: string;
    e2eSdkVersion: string;
  }
}
