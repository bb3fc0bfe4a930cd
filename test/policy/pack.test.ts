/**
 * The policy pack as the engine meets it: the @pulumi/policy policies (policy/policies.ts) on
 * properties wrapped the way @pulumi/policy wraps them, the pack's folder as the package ships it
 * (policy/), the launcher the engine runs it with (scripts/pulumi-analyzer-policy-nodejs) and
 * scripts/ensure-pulumi.sh putting that launcher next to the CLI.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { unknownCheckingProxy, type ResourceValidationArgs, type StackValidationArgs } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import { UNKNOWN } from "../../provider/schema/core";
import { schemas } from "../../provider/resources/schemas";
import { policies, policyOf } from "../../policy/policies";
import { tokenOf, typeOfToken } from "../../policy/read";
import { rules, wrapupTimeInRange, queueHasMembers } from "../../policy/rules";

const root = path.resolve(__dirname, "..", "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
  version: string;
  files: string[];
  dependencies: Record<string, string>;
};

type Reported = { message: string; urn?: string }[];

// The part of the engine's arguments the rules read (policy/policies.ts), which these tests build.
type ResourceArgs = Pick<ResourceValidationArgs, "type" | "name" | "urn" | "props"> & { getConfig: () => object };
type StackArgs = {
  resources: Pick<StackValidationArgs["resources"][number], "type" | "name" | "urn" | "props">[];
  getConfig: () => object;
};

function validateResource(
  rule: (typeof rules)[number],
  type: string,
  name: string,
  props: Record<string, unknown>,
  config = {},
) {
  // Method syntax: the policy takes the engine's whole arguments, of which these are a part.
  const policy = policyOf(rule) as { validateResource(a: ResourceArgs, r: (m: string) => void): void };
  const reported: string[] = [];
  const args: ResourceArgs = {
    type,
    name,
    urn: `urn:pulumi:dev::center::${type}::${name}`,
    props: unknownCheckingProxy(props),
    getConfig: () => config,
  };
  policy.validateResource(args, (m) => reported.push(m));
  return reported;
}

function validateStack(
  rule: (typeof rules)[number],
  resources: { type: string; name: string; props: Record<string, unknown> }[],
  config = {},
): Reported {
  const policy = policyOf(rule) as {
    validateStack(a: StackArgs, r: (m: string, urn?: string) => void): void;
  };
  const reported: Reported = [];
  const args: StackArgs = {
    resources: resources.map((r) => ({
      ...r,
      urn: `urn:pulumi:dev::center::${r.type}::${r.name}`,
      props: unknownCheckingProxy(r.props),
    })),
    getConfig: () => config,
  };
  policy.validateStack(args, (message, urn) => reported.push({ message, urn }));
  return reported;
}

describe("the policies under @pulumi/policy", () => {
  it("are keyed on our type tokens, one per schema", () => {
    for (const type of Object.keys(schemas)) expect(typeOfToken(tokenOf(type))).toBe(type);
    expect(tokenOf("Queue")).toBe("pulumi-nodejs:dynamic/clink:Queue");
    expect(typeOfToken("pulumi-nodejs:dynamic/clink:Nope")).toBeUndefined();
    expect(typeOfToken("pulumi:providers:pulumi-nodejs")).toBeUndefined();
  });

  it("read through @pulumi/policy's unknown-checking proxy: an unknown value is no error, and others still count", () => {
    // Reading an unknown through the proxy throws UnknownValueError: the pack must not.
    const proxied = unknownCheckingProxy({ crmId: UNKNOWN }) as Record<string, unknown>;
    expect(() => proxied.crmId).toThrow(/can't be known during preview/);
    const v = validateResource(wrapupTimeInRange, tokenOf("Client"), "bob", {
      cno: "1002",
      crmId: UNKNOWN,
      wrapupTime: 200,
      permission: { recordDownload: UNKNOWN },
    });
    expect(v).toHaveLength(1);
    expect(v[0]).toContain('clink.Client "bob" has a wrap-up time after outbound calls');
  });

  it("apply a resource rule only to its types, with the config the engine hands over", () => {
    expect(validateResource(wrapupTimeInRange, tokenOf("Exten"), "desk", { wrapupTime: 999 })).toEqual([]);
    expect(validateResource(wrapupTimeInRange, tokenOf("Queue"), "q", { qno: "0001", wrapupTime: 60 })).toEqual([]);
    expect(
      validateResource(wrapupTimeInRange, tokenOf("Queue"), "q", { qno: "0001", wrapupTime: 60 }, { max: 30 }),
    ).toHaveLength(1);
  });

  it("run a stack rule on our resources only, and attach each violation to its resource", () => {
    const v = validateStack(queueHasMembers, [
      { type: "pulumi:providers:pulumi-nodejs", name: "default", props: { members: [] } },
      { type: tokenOf("Queue"), name: "support", props: { qno: "0001", members: [{ cno: UNKNOWN, penalty: 1 }] } },
      { type: tokenOf("Queue"), name: "overflow", props: { qno: "0002", members: {} } },
    ]);
    expect(v).toEqual([
      {
        urn: `urn:pulumi:dev::center::${tokenOf("Queue")}::overflow`,
        message: expect.stringContaining('clink.Queue "overflow" (qno 0002) has no members'),
      },
    ]);
  });

  it("have unique names, a default level, and config schemas with a default for every threshold", () => {
    expect(new Set(policies.map((p) => p.name)).size).toBe(rules.length);
    expect(rules.filter((r) => r.enforcementLevel === "mandatory").map((r) => r.name)).toEqual([
      "whitelist-needs-entries",
      "no-blacklisted-emergency-numbers",
    ]);
    for (const p of policies) {
      expect(p.name).toMatch(/^[a-z0-9-]+$/);
      for (const [key, prop] of Object.entries(p.configSchema?.properties ?? {})) {
        expect(prop, `${p.name}.${key}`).toHaveProperty("default");
        expect(prop, `${p.name}.${key}`).toHaveProperty("type");
      }
    }
  });
});

describe("the pack's folder, as the package ships it", () => {
  it("names its runtime, its version (pulumi-clink's) and an entry point that loads the built pack", () => {
    expect(fs.readFileSync(path.join(root, "policy", "PulumiPolicy.yaml"), "utf8")).toMatch(/^runtime: nodejs$/m);
    const packJson = JSON.parse(fs.readFileSync(path.join(root, "policy", "package.json"), "utf8")) as {
      version: string;
      main: string;
    };
    // @pulumi/policy reports the version of the package.json in the pack's directory.
    expect(packJson.version).toBe(pkg.version);
    const entry = fs.readFileSync(path.join(root, "policy", packJson.main), "utf8");
    expect(entry).toContain('require("../dist/policy/pack")');
    // tsconfig.build.json builds policy/pack.ts to dist/policy/pack.js.
    expect(fs.existsSync(path.join(root, "policy", "pack.ts"))).toBe(true);
    const build = JSON.parse(fs.readFileSync(path.join(root, "tsconfig.build.json"), "utf8")) as { include: string[] };
    expect(build.include).toContain("policy");
  });

  it("is in package.json files, with @pulumi/policy a dependency", () => {
    for (const f of [
      "dist/policy",
      "policy/PulumiPolicy.yaml",
      "policy/package.json",
      "policy/index.js",
      "scripts/pulumi-analyzer-policy-nodejs",
    ])
      expect(pkg.files).toContain(f);
    expect(pkg.dependencies["@pulumi/policy"]).toBeDefined();
  });
});

describe("the launcher the engine runs Node.js policy packs with", () => {
  const launcher = path.join(root, "scripts", "pulumi-analyzer-policy-nodejs");

  it("runs the policy-pack runner of the @pulumi/pulumi the pack's directory resolves", () => {
    // policy/ resolves the repository's @pulumi/pulumi; the runner without its arguments prints its usage.
    const r = spawnSync(launcher, [], { cwd: path.join(root, "policy"), encoding: "utf8" });
    expect(r.stderr).toContain("usage: RUN <engine-address> <program>");
    expect(r.status).not.toBe(0);
  });

  it("fails with the message the engine recognises where @pulumi/pulumi is not installed", () => {
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), "clink-no-sdk-"));
    const r = spawnSync(launcher, ["127.0.0.1:1", "."], { cwd: bare, encoding: "utf8" });
    fs.rmSync(bare, { recursive: true, force: true });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Cannot find module '@pulumi/pulumi/cmd/run-policy-pack'");
  });

  it("is put next to a cached CLI by scripts/ensure-pulumi.sh", () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), "clink-cache-"));
    const version = /PULUMI_VERSION="\$\{PULUMI_VERSION:-([^}]+)\}"/.exec(
      fs.readFileSync(path.join(root, "scripts", "ensure-pulumi.sh"), "utf8"),
    )![1];
    const bin = path.join(cache, "pulumi-clink", `pulumi-v${version}`, "bin");
    fs.mkdirSync(bin, { recursive: true });
    fs.writeFileSync(path.join(bin, "pulumi"), "#!/bin/sh\necho v0.0.0\n", { mode: 0o755 });
    // A PATH without any pulumi, so the script takes the cached CLI.
    const env = { PATH: "/usr/bin:/bin", HOME: cache, XDG_CACHE_HOME: cache };
    expect(spawnSync("sh", ["-c", "command -v pulumi"], { env }).status).not.toBe(0);
    const out = execFileSync("bash", [path.join(root, "scripts", "ensure-pulumi.sh")], { env, encoding: "utf8" });
    expect(out.trim().split("\n").pop()).toBe(bin);
    const installed = path.join(bin, "pulumi-analyzer-policy-nodejs");
    const [text, mode] = [fs.readFileSync(installed, "utf8"), fs.statSync(installed).mode];
    fs.rmSync(cache, { recursive: true, force: true });
    expect(text).toBe(fs.readFileSync(launcher, "utf8"));
    expect(mode & 0o111).not.toBe(0);
  });
});
