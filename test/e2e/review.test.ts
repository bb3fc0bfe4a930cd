/**
 * The change summary under the real engine (issue 14): apply a center, then preview a set of edits
 * with the engine's events recorded (the Automation API's onEvent hands over the objects
 * `pulumi preview --event-log` writes, one per line), and run the packed package's own
 * `pulumi-clink review` on the file. The summary is asserted line by line, and no secret is in it.
 *
 * Then the example workflows' own steps (examples/ci/*.yml): their pulumi commands run as the
 * Automation API runs them (it calls the same `pulumi preview|up ... --event-log`, with the
 * program inline), and every other step's script runs in bash as the runner would run it.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineSuite, SIM_KEY_SECRET } from "./harness";
import { runOf, stepsOf } from "./workflow-steps";

const PASSWORDS = [
  "Alice-first-pw-1",
  "Alice-second-pw-2",
  "Team-pw-2026",
  "Phone-pw-8001",
  "Phone-pw-8001-new",
  "Phone-pw-8002",
];

describe("pulumi-clink review of a recorded preview", () => {
  const { sim, where, stack } = engineSuite({ rate: 0 });
  let scratch: string;
  beforeAll(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "clink-review-"));
  });
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it("says each edit of a live center, warnings first, and no secret", async () => {
    let edited = false;
    const h = await stack(
      ({ clink }) => {
        const team = "Team-pw-2026";
        const alice = new clink.Client("alice", {
          cno: "1001",
          name: "alice",
          areaCode: "010",
          password: edited ? "Alice-second-pw-2" : "Alice-first-pw-1",
        });
        const bob = new clink.Client("bob", { cno: "1002", name: "bob", areaCode: "010", password: team });
        // The identity change: a new agent number replaces the agent.
        new clink.Client("erin", { cno: edited ? "1015" : "1005", name: "erin", areaCode: "010", password: team });
        const carol = edited
          ? new clink.Client("carol", { cno: "1003", name: "carol", areaCode: "010", password: team, role: 1 })
          : undefined;
        if (!edited) new clink.Client("dave", { cno: "1004", name: "dave", areaCode: "010", password: team });
        new clink.Queue("support", {
          qno: "0001",
          name: edited ? "售后服务" : "售后支持",
          members: edited
            ? [
                { cno: bob.cno, penalty: 2 },
                { cno: carol!.cno, penalty: 1 },
              ]
            : [
                { cno: alice.cno, penalty: 1 },
                { cno: bob.cno, penalty: 3 },
              ],
        });
        const overflow = new clink.Queue("overflow", { qno: "0002", name: "overflow" });
        new clink.QueueMember("bob-overflow", { qno: overflow.qno, cno: bob.cno, penalty: 3 });
        const desk = new clink.Exten("desk", {
          extenNumber: "8001",
          // A password changed together with another field: seen through the provider's tag.
          password: edited ? "Phone-pw-8001-new" : "Phone-pw-8001",
          areaCode: "010",
          type: 1,
          allow: 3,
          jittBuffer: edited ? 1 : 0,
        });
        const soft = new clink.Exten("soft", {
          extenNumber: "8002",
          password: "Phone-pw-8002",
          areaCode: "010",
          type: 2,
          allow: 5,
        });
        new clink.ClientPhone("alice-phone", { cno: alice.cno, tel: desk.extenNumber });
        if (!edited) new clink.ClientPhone("bob-phone", { cno: bob.cno, tel: soft.extenNumber });
        new clink.RestrictTelSetting("lists", { mode: edited ? "whitelist" : "blacklist", direction: "both" });
      },
      { project: "clink-e2e-review" },
    );
    await h.stack.up();
    edited = true;
    const lines: string[] = [];
    await h.stack.preview({ onEvent: (e) => lines.push(JSON.stringify(e)) });
    const events = path.join(scratch, "preview-events.json");
    fs.writeFileSync(events, lines.join("\n") + "\n");

    // The packed package's own command, as `npx pulumi-clink review` runs it in a user's project.
    const summary = execFileSync(path.join(where.dir, "node_modules", ".bin", "pulumi-clink"), ["review", events], {
      encoding: "utf8",
    });
    expect(summary.split("\n")).toEqual([
      "### Clink changes: 8 objects change, 5 unchanged",
      "",
      "- agents (座席): 1 added, 1 changed, 1 replaced, 1 removed",
      "- queues (队列): 1 changed",
      "- phones (话机): 1 changed",
      "- phone bindings (座席绑定电话): 1 removed",
      "- black/white list switch (黑白名单配置): 1 changed",
      "",
      "> [!WARNING]",
      "> **What this does to the live center**",
      "> - agent 1004 dave is deleted: it can no longer log in or take calls, and its phone numbers, its bound phone and its queue memberships go with it (doc 3.1.3 delete_client). The delete is refused while the agent is logged in (ClientOnline) unless forceOfflineOnDelete logs it out first.",
      "> - agent 1015 erin is replaced (was agent 1005 erin), because Agent number (座席工号) changes 1005 → 1015 (the object's key, never updated in place): the agent is deleted (doc 3.1.3 delete_client) and created anew: it is logged out and must log in again, its login history and bindings stay with the deleted agent, and what is not declared on it (bound phone, phone numbers, queue memberships, gains) is lost.",
      "> - agent 1002 bob loses its phone 8002: the agent takes no calls until a phone is bound again (doc 3.1.8 unbind_client_tel).",
      "> - The black/white list switch (黑白名单配置) changes from 3 (blacklist, both) to 6 (whitelist, both) (doc 3.7.5): only numbers on the whitelist get through for calls in both directions, every other number is blocked.",
      "",
      "#### Agents (座席, `Client`)",
      "",
      "- **agent 1004 dave** removed",
      "- **agent 1015 erin** replaced (was agent 1005 erin): Agent number (座席工号) changes 1005 → 1015 (the object's key, never updated in place); the agent is deleted (doc 3.1.3 delete_client) and created anew: it is logged out and must log in again, its login history and bindings stay with the deleted agent, and what is not declared on it (bound phone, phone numbers, queue memberships, gains) is lost",
      "- **agent 1001 alice** changed",
      "  - password changed",
      "- **agent 1003 carol** added",
      "  - Area code the agent belongs to (所属区号): 010",
      "  - Role (座席角色): 1 (supervisor)",
      "",
      "#### Queues (队列, `Queue`)",
      "",
      "- **queue 0001 售后服务** changed",
      "  - Queue name (队列名称): 售后支持 → 售后服务",
      "  - agent 1002 bob's penalty in queue 0001 售后服务: 3 → 2",
      "  - agent 1003 carol joins queue 0001 售后服务 at penalty 1",
      "  - agent 1001 alice leaves queue 0001 售后服务",
      "",
      "#### Phones (话机, `Exten`)",
      "",
      "- **phone 8001** changed",
      "  - Jitter buffer (网络防抖): 0 (off) → 1 (on)",
      "  - password changed",
      "",
      "#### Phone bindings (座席绑定电话, `ClientPhone`)",
      "",
      "- **phone binding 1002 bob** removed",
      "",
      "#### Black/white list switch (黑白名单配置, `RestrictTelSetting`)",
      "",
      "- **black/white list switch** changed",
      "  - Which list applies to which direction (黑白名单配置): 3 (blacklist, both) → 6 (whitelist, both)",
      "",
    ]);
    for (const secret of [...PASSWORDS, SIM_KEY_SECRET, "[secret]", "4dabf18193072939515e22adb298388d"])
      expect(summary.includes(secret), `${secret} in the summary`).toBe(false);
    // The log itself holds the secrets only masked, and the summary says nothing of its diagnostics.
    expect(lines.some((l) => l.includes('"diagnosticEvent"'))).toBe(true);
    await h.stack.destroy();
  });

  it("the example workflows' steps: apply, preview a pull request, check drift", async () => {
    let edited = false;
    const h = await stack(
      ({ clink }) => {
        const alice = new clink.Client("alice", {
          cno: "1001",
          name: "alice",
          areaCode: "010",
          password: "Team-pw-2026",
        });
        new clink.Queue("support", {
          qno: "0001",
          name: "售后支持",
          wrapupTime: edited ? 30 : 20,
          members: [{ cno: alice.cno, penalty: 1 }],
        });
        new clink.RestrictTelSetting("lists", { mode: "blacklist", direction: "both" });
      },
      { project: "clink-e2e-workflows" },
    );
    const runner = path.join(scratch, "runner");
    fs.mkdirSync(runner);
    const summaryFile = path.join(scratch, "step-summary.md");
    const env = {
      ...process.env,
      STACK: "prod",
      RUNNER_TEMP: runner,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_SHA: "4e1f0c9d2b7a",
    };
    const events = path.join(runner, "clink-events.json");
    const record = () => {
      const lines: string[] = [];
      return {
        onEvent: (e: unknown) => lines.push(JSON.stringify(e)),
        save: () => fs.writeFileSync(events, lines.join("\n") + "\n"),
      };
    };
    // Each workflow command of the engine, and the Automation API call that runs it.
    const engine: Record<string, (onEvent: (e: unknown) => void) => Promise<unknown>> = {
      'pulumi up --stack "$STACK" --yes --non-interactive --parallel 10000 --event-log "$RUNNER_TEMP/clink-events.json" --policy-pack node_modules/pulumi-clink/policy':
        (onEvent) => h.stack.up({ parallel: 10000, onEvent, policyPacks: [pack] }),
      'pulumi preview --stack "$STACK" --non-interactive --event-log "$RUNNER_TEMP/clink-events.json" --policy-pack node_modules/pulumi-clink/policy':
        (onEvent) => h.stack.preview({ onEvent, policyPacks: [pack] }),
      'pulumi preview --stack "$STACK" --refresh --expect-no-changes --non-interactive --event-log "$RUNNER_TEMP/clink-events.json"':
        (onEvent) => h.stack.preview({ refresh: true, expectNoChanges: true, onEvent }),
    };
    // The package's policy pack, as the workflows name it (relative to the project directory).
    const pack = path.join(where.dir, "node_modules", "pulumi-clink", "policy");
    const ran = new Set<string>();
    /** Runs a step; resolves to whether it succeeded. */
    const step = async (workflow: string, name: string): Promise<boolean> => {
      const script = runOf(workflow, name);
      ran.add(script);
      const play = engine[script];
      if (play) {
        const r = record();
        try {
          await play(r.onEvent);
          return true;
        } catch {
          return false;
        } finally {
          r.save();
        }
      }
      // As the runner runs a `run` step: bash -eo pipefail, in the project directory.
      execFileSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], { cwd: where.dir, env });
      return true;
    };

    // Merged to main: the apply.
    expect(await step("clink-apply.yml", "Apply")).toBe(true);
    await step("clink-apply.yml", "Summarize");
    await step("clink-apply.yml", "Delete the event log");
    const applied = fs.readFileSync(summaryFile, "utf8");
    expect(applied).toMatch(/^### Clink apply of prod at 4e1f0c9: 3 objects change, 0 unchanged\n/);
    expect(applied).toContain("- **agent 1001 alice** added\n");
    expect(fs.existsSync(events)).toBe(false);

    // A pull request changes the queue's wrap-up time.
    edited = true;
    expect(await step("clink-preview.yml", "Preview")).toBe(true);
    await step("clink-preview.yml", "Summarize");
    const comment = fs.readFileSync(path.join(runner, "clink-review.md"), "utf8");
    expect(comment.split("\n").slice(0, 3)).toEqual([
      "### Clink preview of prod: 1 object changes, 2 unchanged",
      "",
      "- queues (队列): 1 changed",
    ]);
    expect(comment).toContain("- **queue 0001 售后支持** changed\n  - Wrap-up time (整理时长): 20 → 30\n");
    await step("clink-preview.yml", "Delete the event log");
    expect(fs.readdirSync(runner)).toEqual([]);

    // The drift check: none while the center is as main declares it...
    edited = false;
    fs.writeFileSync(summaryFile, "");
    expect(await step("clink-drift.yml", "Compare the center with main")).toBe(true);
    // ...then someone changes the queue in the console.
    const patched = await fetch(`${sim.url}/__sim/objects/queue/0001`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ wrapupTime: 99 }),
    });
    expect(patched.status).toBe(200);
    expect(await step("clink-drift.yml", "Compare the center with main")).toBe(false);
    await step("clink-drift.yml", "Say what drifted");
    await step("clink-drift.yml", "Delete the event log");
    expect(fs.readFileSync(summaryFile, "utf8").split("\n")).toEqual([
      "The live center differs from main's program. `pulumi up` of main would make these changes (left of → is what the center has now).",
      "",
      "### Clink drift of prod: 1 object changes, 2 unchanged",
      "",
      "- queues (队列): 1 changed",
      "",
      "#### Queues (队列, `Queue`)",
      "",
      "- **queue 0001 售后支持** changed",
      "  - Wrap-up time (整理时长): 99 → 20",
      "",
    ]);

    // Every step the workflows run is one this test ran (the install step is the global setup's npm install).
    const scripts = ["clink-preview.yml", "clink-apply.yml", "clink-drift.yml"].flatMap((w) =>
      stepsOf(w).flatMap((s) => (s.run ? [s.run] : [])),
    );
    expect(scripts.length).toBeGreaterThan(9);
    expect(scripts.filter((s) => !ran.has(s))).toEqual([
      "npm ci --no-audit --no-fund",
      "npm ci --no-audit --no-fund",
      "npm ci --no-audit --no-fund",
    ]);
    await h.stack.destroy();
  });
});
