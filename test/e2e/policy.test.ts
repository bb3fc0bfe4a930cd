/**
 * The policy pack under the real engine (docs/policy.md): previews and ups run with
 * `policyPacks: [node_modules/pulumi-clink/policy]` from the installed package, as a user's
 * `pulumi preview --policy-pack node_modules/pulumi-clink/policy` does. The CLI built by
 * scripts/ensure-pulumi.sh runs the pack through pulumi-analyzer-policy-nodejs on PATH, which the
 * same script provides. A mandatory rule broken fails the preview with its message; an advisory
 * one warns; the quickstart center is clean; the pack config a stack runs with moves the verdict.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type * as Automation from "@pulumi/pulumi/automation";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenOf } from "../../policy/read";
import { quickstartConfig, quickstartProgram } from "./quickstart";
import { engineSuite, type Program } from "./harness";

type PolicyEvent = NonNullable<Automation.EngineEvent["policyEvent"]>;

interface Verdict {
  failed: boolean;
  /** The CLI's output when it failed: what a user reads. */
  output: string;
  events: PolicyEvent[];
}

const violations = (v: Verdict) =>
  v.events.map((e) => `${e.enforcementLevel} ${e.policyName} ${e.resourceUrn?.split("::").pop() ?? ""}`).sort();

describe("the policy pack under the real engine", () => {
  const { sim, where, stack } = engineSuite({ rate: 0 });
  let pack: string;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "clink-policy-config-"));

  beforeAll(() => {
    pack = path.join(where.dir, "node_modules", "pulumi-clink", "policy");
    // The engine finds the launcher on PATH: scripts/ensure-pulumi.sh puts it next to the CLI.
    const launcher = execFileSync("sh", ["-c", "command -v pulumi-analyzer-policy-nodejs || true"], {
      encoding: "utf8",
    }).trim();
    if (!launcher)
      throw new Error(
        "pulumi-analyzer-policy-nodejs is not on PATH: run the suite with scripts/ensure-pulumi.sh's directory on PATH",
      );
  });
  afterAll(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  /** The pack config a stack runs with, as a file for `--policy-pack-config`. */
  let configs = 0;
  function packConfig(config: Record<string, unknown>): string {
    const file = path.join(scratch, `policy-config-${++configs}.json`);
    fs.writeFileSync(file, JSON.stringify(config));
    return file;
  }

  async function run(
    op: "preview" | "up",
    stack: Automation.Stack,
    config?: Record<string, unknown>,
    extra: { expectNoChanges?: boolean } = {},
  ): Promise<Verdict> {
    const events: PolicyEvent[] = [];
    const options = {
      policyPacks: [pack],
      ...(config ? { policyPackConfigs: [packConfig(config)] } : {}),
      onEvent: (e: Automation.EngineEvent) => {
        if (e.policyEvent) events.push(e.policyEvent);
      },
      ...extra,
    };
    try {
      if (op === "preview") await stack.preview(options);
      else await stack.up(options);
      return { failed: false, output: "", events };
    } catch (err) {
      return { failed: true, output: String(err), events };
    }
  }

  const stackOf = (program: Program, project: string, config?: Record<string, { value: string; secret?: boolean }>) =>
    stack(program, { project, config }).then((h) => h.stack);

  it("refuses a whitelist-only switch with no whitelist entry at preview, with the rule's message", async () => {
    let entry: "none" | "declared" = "none";
    const stack = await stackOf(({ clink }) => {
      new clink.RestrictTelSetting("lists", { mode: "whitelist", direction: "inbound" });
      if (entry === "declared")
        new clink.RestrictTel("partner", {
          restrictType: clink.RestrictType.Whitelist,
          type: clink.RestrictDirection.Inbound,
          telType: clink.RestrictTelType.Number,
          tel: "13800000001",
        });
    }, "clink-e2e-policy-whitelist");

    const refused = await run("preview", stack);
    expect(refused.failed).toBe(true);
    expect(violations(refused)).toEqual(["mandatory whitelist-needs-entries lists"]);
    expect(refused.events[0]?.resourceUrn).toContain(`::${tokenOf("RestrictTelSetting")}::lists`);
    const message =
      'clink.RestrictTelSetting "lists" turns on whitelist-only mode for inbound calls (settingValue 4, doc 3.7.4/3.7.5), ' +
      "but this stack declares no whitelist entry for inbound calls: the center would refuse every inbound call.";
    expect(refused.events[0]?.message).toContain(message);
    expect(refused.output).toContain(message);
    expect(refused.output).toContain("[mandatory]  whitelist-needs-entries");

    entry = "declared";
    const allowed = await run("preview", stack);
    expect(allowed.failed).toBe(false);
    expect(violations(allowed)).toEqual([]);

    // A stack whose whitelist is kept elsewhere turns the rule off in its pack config (the string form).
    entry = "none";
    const off = await run("preview", stack, { "whitelist-needs-entries": "disabled" });
    expect(off.failed).toBe(false);
    expect(violations(off)).toEqual([]);
  });

  it("refuses a blacklisted emergency number before anything is applied, unless the stack's pack config lowers the rule", async () => {
    const stack = await stackOf(({ clink }) => {
      new clink.RestrictTel("ambulance", {
        restrictType: clink.RestrictType.Blacklist,
        type: [clink.RestrictDirection.Inbound, clink.RestrictDirection.Outbound],
        telType: clink.RestrictTelType.Number,
        tel: "120",
      });
    }, "clink-e2e-policy-emergency");

    const message =
      'clink.RestrictTel "ambulance" blacklists 120, the emergency number 120 for ambulance (急救): ' +
      "the center would refuse its calls into the center (a call-back) and agents' calls to it.";
    const refused = await run("preview", stack);
    expect(refused.failed).toBe(true);
    expect(violations(refused)).toEqual(["mandatory no-blacklisted-emergency-numbers ambulance"]);
    expect(refused.output).toContain(message);

    // A rule on one resource runs before the engine applies it: `up` (no preview first) refuses too.
    const up = await run("up", stack);
    expect(up.failed).toBe(true);
    expect(up.output).toContain(message);
    expect(sim.admin.list("restrictTel")).toEqual([]);

    const lowered = await run("preview", stack, {
      "no-blacklisted-emergency-numbers": { enforcementLevel: "advisory" },
    });
    expect(lowered.failed).toBe(false);
    expect(violations(lowered)).toEqual(["advisory no-blacklisted-emergency-numbers ambulance"]);
  });

  it("warns about an advisory rule without failing the preview", async () => {
    const stack = await stackOf(({ clink }) => {
      new clink.Queue("empty", { qno: "0005", name: "empty" });
    }, "clink-e2e-policy-advisory");
    const warned = await run("preview", stack);
    expect(warned.failed).toBe(false);
    expect(violations(warned)).toEqual(["advisory queue-has-members empty"]);
    expect(warned.events[0]?.message).toContain('clink.Queue "empty" (qno 0005) has no members in this stack');
  });

  describe("the quickstart center", () => {
    let stack: Automation.Stack;
    beforeAll(async () => {
      const project = "clink-e2e-policy-quickstart";
      stack = await stackOf(quickstartProgram(where), project, quickstartConfig(project));
    });

    it("passes clean at preview, at up, and from its state", async () => {
      expect(await run("preview", stack)).toEqual({ failed: false, output: "", events: [] });
      expect(await run("up", stack)).toEqual({ failed: false, output: "", events: [] });
      // The resources now come from the state (sets as lists): still clean, and nothing to change.
      expect(await run("preview", stack, undefined, { expectNoChanges: true })).toEqual({
        failed: false,
        output: "",
        events: [],
      });
      // The tokens the rules key on are the ones the engine records.
      const types = new Set(
        ((await stack.exportStack()).deployment.resources as { type: string }[]).map((r) => r.type),
      );
      for (const type of ["Client", "Queue", "QueueMember", "Pause", "RestrictTel", "RestrictTelSetting"])
        expect(types, type).toContain(tokenOf(type));
    });

    it("follows the thresholds and levels of the pack config the stack runs with", async () => {
      // The agents' outbound wrap-up is the documented 30 s (undeclared); support declares 20 s, overflow
      // keeps the queue default 15 s and has one member (bob, by QueueMember).
      const shorter = await run("preview", stack, { "wrapup-time-in-range": { max: 25 } });
      expect(shorter.failed).toBe(false);
      expect(violations(shorter)).toEqual(["advisory wrapup-time-in-range alice", "advisory wrapup-time-in-range bob"]);
      expect(shorter.events[0]?.message).toContain(
        "of 30 s (the document's default: what applies when wrapupTime is not declared), outside this policy's range of 5-25 s",
      );
      const longer = await run("preview", stack, { "wrapup-time-in-range": { min: 18 } });
      expect(violations(longer)).toEqual(["advisory wrapup-time-in-range overflow"]);

      const twoEach = await run("preview", stack, { "queue-has-members": { minMembers: 2 } });
      expect(violations(twoEach)).toEqual(["advisory queue-has-members overflow"]);
      expect(twoEach.events[0]?.message).toContain(
        "has 1 member (1002) in this stack, fewer than the 2 this policy asks for",
      );

      const mandatory = await run("preview", stack, {
        "wrapup-time-in-range": { enforcementLevel: "mandatory", min: 18 },
      });
      expect(mandatory.failed).toBe(true);
      expect(violations(mandatory)).toEqual(["mandatory wrapup-time-in-range overflow"]);
      expect(mandatory.output).toContain('clink.Queue "overflow" has a wrap-up time after its calls');

      expect((await run("preview", stack, { "wrapup-time-in-range": { max: 30 } })).events).toEqual([]);
    });
  });
});
