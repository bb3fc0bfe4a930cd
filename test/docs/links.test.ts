/**
 * The README's links work where users read it: in the repository and in the installed package
 * (npm shows the README; `node_modules/pulumi-clink` holds what package.json "files" ships).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..", "..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
const files = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { files: string[] }).files;
const links = [...readme.matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)]
  .map((m) => m[1]!) // the first group always takes part
  .filter((l) => !/^[a-z]+:/.test(l));

describe("README links", () => {
  it("has relative links", () => expect(links.length).toBeGreaterThan(5));
  it.each(links)("%s exists and is shipped in the package", (link) => {
    expect(fs.existsSync(path.join(root, link)), `${link} exists`).toBe(true);
    expect(
      files.some((f) => link === f || link.startsWith(`${f}/`)),
      `${link} is in package.json files`,
    ).toBe(true);
  });
});
