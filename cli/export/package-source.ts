/**
 * Which pulumi-clink the exported project depends on (issue 24, item 9): the one running the
 * export, pinned by version and by where it came from. `^0.1.0` named a package that is not
 * published on npm, so `npm install` would take whatever anyone publishes under that name.
 *
 * - a checkout (the package directory is not inside a node_modules): `file:<that directory>`;
 * - installed from a tarball or a directory: the lock file's `resolved` (`file:` made absolute);
 * - installed from a registry: the exact version.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export interface PackageSource {
  /** The dependency spec for package.json. */
  spec: string;
  /** One sentence on how that dependency gets installed. */
  how: string;
}

export function packageSource(pkgDir: string, version: string): PackageSource {
  const parts = pkgDir.split(path.sep);
  const nm = parts.lastIndexOf("node_modules");
  if (nm < 0)
    return {
      spec: `file:${pkgDir}`,
      how:
        `pulumi-clink ${version} comes from the checkout at ${pkgDir} (build it there first: npm run build). ` +
        `To use the project elsewhere, run \`npm pack\` in the checkout and point the dependency at the .tgz: ` +
        `npm install <path>/pulumi-clink-${version}.tgz.`,
    };
  const root = parts.slice(0, nm).join(path.sep) || path.sep;
  const resolved = lockedResolved(root);
  if (resolved?.startsWith("file:")) {
    const where = path.resolve(root, resolved.slice("file:".length));
    return {
      spec: `file:${where}`,
      how: `pulumi-clink ${version} is installed from ${where}, as where this export ran; copy that file with the project or change the path.`,
    };
  }
  if (resolved && /^https?:/.test(resolved) && !/registry\.npmjs\.org|registry\.yarnpkg\.com/.test(resolved))
    return { spec: resolved, how: `pulumi-clink ${version} is installed from ${resolved}, as where this export ran.` };
  return {
    spec: version,
    how: `pulumi-clink is pinned to ${version}, the release that made this export, from your npm registry.`,
  };
}

/** `resolved` of node_modules/pulumi-clink in the lock files under `root`, if any says. */
function lockedResolved(root: string): string | undefined {
  for (const lock of [path.join(root, "node_modules", ".package-lock.json"), path.join(root, "package-lock.json")]) {
    try {
      const json = JSON.parse(fs.readFileSync(lock, "utf8")) as { packages?: Record<string, { resolved?: string }> };
      const r = json.packages?.["node_modules/pulumi-clink"]?.resolved;
      if (typeof r === "string" && r !== "") return r;
    } catch {
      // no such lock file, or not one npm wrote: try the next
    }
  }
  return undefined;
}
