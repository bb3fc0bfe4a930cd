/**
 * The demo: runs the quickstart center against the built-in Clink simulator under the real
 * Pulumi engine, with a local file backend and a passphrase secrets provider (no Pulumi Cloud,
 * no login). `up`, then a preview that must show no changes, then the preview of an edit with
 * the summary a reviewer reads in its pull request (`pulumi-clink review`). Run it with
 * `npm run demo` from the repository root (scripts/demo.sh makes the CLI available and installs
 * this example).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { LocalWorkspace, type EngineEvent, type Stack } from "@pulumi/pulumi/automation";
import * as clink from "pulumi-clink";
import { startSimulator } from "pulumi-clink/simulator";
import { quickstartCenter } from "./center";

const exampleDir = path.resolve(__dirname, "..");
const stateDir = path.join(exampleDir, ".pulumi-state");
// The simulator's access key (its documented defaults) and a demo passphrase: local-only values.
const accessKeyId = "b1fcdc6c62be261cf97b00b25be6a2af";
const accessKeySecret = "clink-simulator-secret";
const passphrase = "quickstart-demo-passphrase";

async function main(): Promise<void> {
  fs.mkdirSync(path.join(stateDir, "backend"), { recursive: true });
  fs.mkdirSync(path.join(stateDir, "workspace"), { recursive: true });
  fs.mkdirSync(path.join(stateDir, "home"), { recursive: true });
  // The engine starts the dynamic-provider plugin found on PATH: take this example's own SDK's.
  process.env.PATH = `${path.join(exampleDir, "node_modules", "@pulumi", "pulumi")}${path.delimiter}${process.env.PATH}`;

  const simulator = await startSimulator({
    port: 0,
    accessKeyId,
    accessKeySecret,
    statePath: path.join(stateDir, "simulator.json"),
  });
  console.log(`simulator: ${simulator.url} (state in ${path.join(stateDir, "simulator.json")})`);
  try {
    const stack = await openStack(simulator.url);

    console.log("\n== pulumi up");
    const up = await stack.up({ onEvent: printOperation, color: "never" });
    console.log(`result: ${up.summary.result}; ${describeChanges(up.summary.resourceChanges)}`);

    console.log("\n== pulumi preview (the same program again: must show no changes)");
    const preview = await stack.preview({ expectNoChanges: true, color: "never" });
    console.log(`no changes: ${describeChanges(preview.changeSummary)}`);

    console.log("\n== stack outputs");
    for (const [key, value] of Object.entries(up.outputs)) {
      console.log(`${key}: ${value.secret ? "[secret]" : JSON.stringify(value.value)}`);
    }

    console.log("\n== pulumi preview of an edit, as its pull request's review comment shows it");
    console.log(await reviewOfEdit(simulator.url));
    console.log(`\nstate: ${path.join(stateDir, "backend")} (stack 'dev', passphrase '${passphrase}')`);
  } finally {
    await simulator.close();
  }
}

/**
 * The edit a pull request might bring: the support queue renamed, a new agent on the overflow
 * queue, the black/white list switch turned to the whitelist, and a new agent password. center.ts
 * stays as it is: the edit is applied to its declarations on their way to the engine (a resource
 * transform) and to the stack config, and undone afterwards.
 */
function editedCenter() {
  pulumi.runtime.registerResourceTransform(({ name, props, opts }) => {
    if (name === "support") return { props: { ...props, name: "售后服务" }, opts };
    if (name === "lists")
      return { props: { ...props, settingValue: clink.RestrictTelSettingValue.WhitelistBoth }, opts };
    return undefined;
  });
  const outputs = quickstartCenter();
  const carol = new clink.Client("carol", {
    cno: "1003",
    name: "carol",
    areaCode: "010",
    password: new pulumi.Config().requireSecret("agentPassword"),
  });
  new clink.QueueMember("carol-overflow", { qno: "0002", cno: carol.cno, penalty: 2 });
  return outputs;
}

/** Previews the edit with the engine's events recorded, and runs `pulumi-clink review` on them. */
async function reviewOfEdit(endpoint: string): Promise<string> {
  const stack = await openStack(endpoint, editedCenter);
  const events: string[] = [];
  const file = path.join(stateDir, "edit-events.json");
  try {
    await stack.setConfig("clink-quickstart:agentPassword", { value: "demo-Agent-pw-2027", secret: true });
    await stack.preview({ onEvent: (e) => events.push(JSON.stringify(e)), color: "never" });
    fs.writeFileSync(file, events.join("\n") + "\n");
    // The package's own command, as `npx pulumi-clink review` runs it in a pipeline.
    return execFileSync(path.join(exampleDir, "node_modules", ".bin", "pulumi-clink"), ["review", file], {
      encoding: "utf8",
    });
  } finally {
    fs.rmSync(file, { force: true });
    await openStack(endpoint); // the config as the center declares it again
  }
}

async function openStack(
  endpoint: string,
  center: () => ReturnType<typeof quickstartCenter> = quickstartCenter,
): Promise<Stack> {
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: "dev", projectName: "clink-quickstart", program: async () => center() },
    {
      workDir: path.join(stateDir, "workspace"),
      // The CLI's own home (workspace files, logs, plugins) stays in this folder too: the demo
      // leaves nothing in the user's ~/.pulumi (PULUMI_HOME).
      pulumiHome: path.join(stateDir, "home"),
      // The dynamic-provider plugin runs in `main` and resolves pulumi-clink from its node_modules.
      projectSettings: { name: "clink-quickstart", runtime: "nodejs", main: exampleDir },
      envVars: {
        PULUMI_BACKEND_URL: `file://${path.join(stateDir, "backend")}`,
        PULUMI_CONFIG_PASSPHRASE: passphrase,
        PULUMI_SKIP_UPDATE_CHECK: "true",
      },
    },
  );
  await stack.setAllConfig({
    "clink:endpoint": { value: endpoint },
    "clink:accessKeyId": { value: accessKeyId },
    "clink:accessKeySecret": { value: accessKeySecret, secret: true },
    // The program's own secrets (center.ts reads them with requireSecret).
    "clink-quickstart:agentPassword": { value: "demo-Agent-pw-2026", secret: true },
    "clink-quickstart:phonePassword": { value: "demo-Phone-pw-2026", secret: true },
  });
  return stack;
}

function printOperation(event: EngineEvent): void {
  const done = event.resOutputsEvent?.metadata;
  if (done && done.op !== "same" && !done.type.startsWith("pulumi:")) {
    console.log(
      `  ${done.op.padEnd(8)} ${done.type.replace("pulumi-nodejs:dynamic/", "")}  ${done.urn.split("::").pop()}`,
    );
  }
  const failed = event.diagnosticEvent;
  if (failed && failed.severity === "error") console.log(`  error: ${failed.message.trim()}`);
}

function describeChanges(changes: Record<string, number> | undefined): string {
  const parts = Object.entries(changes ?? {}).map(([op, n]) => `${n} ${op}`);
  return parts.length > 0 ? parts.join(", ") : "nothing";
}

main().catch((err: unknown) => {
  console.error(`demo failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
