/**
 * The demo: runs the quickstart center against the built-in Clink simulator under the real
 * Pulumi engine, with a local file backend and a passphrase secrets provider (no Pulumi Cloud,
 * no login). `up`, then a preview that must show no changes. Run it with `npm run demo` from
 * the repository root (scripts/demo.sh makes the CLI available and installs this example).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { LocalWorkspace, type EngineEvent, type Stack } from "@pulumi/pulumi/automation";
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
    console.log(`\nstate: ${path.join(stateDir, "backend")} (stack 'dev', passphrase '${passphrase}')`);
  } finally {
    await simulator.close();
  }
}

async function openStack(endpoint: string): Promise<Stack> {
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: "dev", projectName: "clink-quickstart", program: async () => quickstartCenter() },
    {
      workDir: path.join(stateDir, "workspace"),
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
