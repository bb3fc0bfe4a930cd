/** The installed release's version, for the User-Agent the client sends (the vendor SDK sends its own). */
import * as fs from "node:fs";
import * as path from "node:path";

let cached: string | undefined;

/** Walks up from this module to the package.json named pulumi-clink (source and dist layouts differ). */
export function packageVersion(): string {
  if (cached !== undefined) return cached;
  cached = "unknown";
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === "pulumi-clink" && typeof pkg.version === "string") {
        cached = pkg.version;
        break;
      }
    } catch {
      // no package.json here: keep walking up
    }
    if (path.dirname(dir) === dir) break;
  }
  return cached;
}

export const userAgent = (): string => `pulumi-clink/${packageVersion()}`;
