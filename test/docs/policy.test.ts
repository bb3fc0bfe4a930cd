/**
 * docs/policy.md describes every rule of the pack as the pack has it: its default level, each
 * threshold with its default, and the README points to the guide.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../../policy/rules";

const root = path.resolve(__dirname, "..", "..");
const guide = fs.readFileSync(path.join(root, "docs", "policy.md"), "utf8");

/** The guide's section of one rule: from its heading to the next heading. */
function sectionOf(name: string): string {
  const start = guide.indexOf(`### \`${name}\``);
  if (start < 0) return "";
  const next = guide.indexOf("\n#", start + 4);
  return guide.slice(start, next < 0 ? undefined : next);
}

describe("docs/policy.md", () => {
  it.each(rules.map((r) => [r.name, r] as const))(
    "%s: level, thresholds and defaults as the pack has them",
    (name, rule) => {
      const section = sectionOf(name);
      expect(section, `a section for ${name}`).not.toBe("");
      expect(section).toContain(rule.enforcementLevel === "mandatory" ? "**Mandatory.**" : "**Advisory.**");
      expect(guide).toMatch(new RegExp(`\\| \\[\`${name}\`\\]\\(#${name}\\)\\s*\\| ${rule.enforcementLevel}`));
      for (const [key, prop] of Object.entries(rule.config))
        expect(section, `${name}.${key}`).toMatch(
          new RegExp(`\\| \`${key}\`\\s*\\| \`${JSON.stringify(prop.default).replace(/[[\]]/g, "\\$&")}\``),
        );
    },
  );

  it("gives the command a workflow runs, and the README links it", () => {
    expect(guide).toContain("--policy-pack node_modules/pulumi-clink/policy");
    expect(guide).toContain("--policy-pack-config");
    expect(fs.readFileSync(path.join(root, "README.md"), "utf8")).toContain("(docs/policy.md)");
  });
});
