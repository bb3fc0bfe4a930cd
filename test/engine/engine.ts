/**
 * Runs Pulumi programs under the real engine (Automation API inline programs, local file backend,
 * passphrase secrets) from a scratch program directory (program-dir.ts). Used by the e2e suite
 * (test/e2e/harness.ts), the fault soak and the benchmark; free of vitest so scripts can use it.
 *
 * Programs receive the pulumi-clink and @pulumi/pulumi modules installed in that directory, so
 * they register resources with the program's own SDK, as a user's program does.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import type * as Automation from "@pulumi/pulumi/automation";

export type Clink = typeof import("../../provider");
export type Pulumi = typeof import("@pulumi/pulumi");
export type Program = (sdk: { clink: Clink; pulumi: Pulumi }) => Record<string, unknown> | void;

export const SIM_KEY_ID = "e2e-access-key";
export const SIM_KEY_SECRET = "e2e-access-key-secret-never-in-state";
export const PASSPHRASE = "e2e-passphrase";

export interface ProgramDir {
  dir: string;
  clink: Clink;
  pulumi: Pulumi;
  automation: typeof Automation;
}

export function programDirAt(dir: string): ProgramDir {
  // A require rooted in the program directory: `require.resolve(m, { paths })` from this file
  // would self-resolve "pulumi-clink" to this repository (Node's package self-reference) and
  // register resources with the repository's SDK instead of the program's.
  const requireThere = createRequire(path.join(dir, "package.json"));
  const from = (m: string) => requireThere(m);
  return {
    dir,
    clink: from("pulumi-clink"),
    pulumi: from("@pulumi/pulumi"),
    automation: from("@pulumi/pulumi/automation"),
  };
}

/** The engine starts the dynamic-provider plugin from PATH: use the program directory's SDK. */
function usePluginFrom(dir: string): void {
  const plugin = path.join(dir, "node_modules", "@pulumi", "pulumi");
  const rest = (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter((p) => !p.endsWith(path.join("@pulumi", "pulumi")));
  process.env.PATH = [plugin, ...rest].join(path.delimiter);
}

export interface StackHandle {
  stack: Automation.Stack;
  backendDir: string;
  workDir: string;
  /** Reopens the same stack with another program directory as the provider's home (a different CI runner). */
  reopenFrom(dir: ProgramDir): Promise<Automation.Stack>;
}

export async function createStack(
  where: ProgramDir,
  program: Program,
  options: {
    endpoint: string;
    project?: string;
    config?: Record<string, { value: string; secret?: boolean }>;
    /** More environment for the engine, e.g. PULUMI_SKIP_CHECKPOINTS. */
    env?: Record<string, string>;
    /**
     * `stack.up()` previews first, as `pulumi up` does (the Automation API's up passes
     * --skip-preview): see previewBeforeUp. The e2e harness turns it on (test/e2e/harness.ts).
     * @default false
     */
    previewBeforeUp?: boolean;
  },
): Promise<StackHandle> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "clink-stack-"));
  const backendDir = path.join(scratch, "backend");
  const workDir = path.join(scratch, "workspace");
  fs.mkdirSync(backendDir);
  fs.mkdirSync(workDir);
  const project = options.project ?? "clink-e2e";

  const open = async (dir: ProgramDir) => {
    usePluginFrom(dir.dir);
    const stack = await dir.automation.LocalWorkspace.createOrSelectStack(
      {
        stackName: "e2e",
        projectName: project,
        program: async () => program({ clink: dir.clink, pulumi: dir.pulumi }) ?? {},
      },
      {
        workDir,
        projectSettings: { name: project, runtime: "nodejs", main: dir.dir },
        envVars: {
          PULUMI_BACKEND_URL: `file://${backendDir}`,
          PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
          PULUMI_SKIP_UPDATE_CHECK: "true",
          ...options.env,
        },
      },
    );
    if (options.previewBeforeUp) previewBeforeUp(stack);
    return stack;
  };

  const stack = await open(where);
  await stack.setAllConfig({
    "clink:endpoint": { value: options.endpoint },
    "clink:accessKeyId": { value: SIM_KEY_ID },
    "clink:accessKeySecret": { value: SIM_KEY_SECRET, secret: true },
    ...options.config,
  });
  return { stack, backendDir, workDir, reopenFrom: open };
}

/**
 * Makes `stack.up(options)` do what `pulumi up` does: a preview with the same options first (its
 * own process, as the CLI runs it), then the update. A preview that fails stops the up, with the
 * preview's error. The up's callbacks (onEvent, onOutput, onError) see the update only, so what a
 * test records is the update's, as before. `stack.up.withoutPreview` is the bare Automation API
 * call, for a test about an up without a preview.
 */
export function previewBeforeUp(stack: Automation.Stack): void {
  const bare = stack.up.bind(stack);
  const up = async (options?: Automation.UpOptions) => {
    const {
      onEvent: _onEvent,
      onOutput: _onOutput,
      onError: _onError,
      showSecrets: _showSecrets,
      continueOnError: _continueOnError,
      plan: _plan,
      ...shared
    } = options ?? {};
    await stack.preview(shared);
    return bare(options);
  };
  stack.up = Object.assign(up, { withoutPreview: bare });
}

/** The Automation API's bare `up` (no preview first), for a test about the update alone. */
export function upWithoutPreview(stack: Automation.Stack, options?: Automation.UpOptions) {
  const up = stack.up as typeof stack.up & { withoutPreview?: typeof stack.up };
  return (up.withoutPreview ?? up)(options);
}

export interface Operation {
  op: string;
  type: string;
  name: string;
  /** The properties the engine reports as changed (metadata.diffs). */
  diffs: string[];
  /** The step's old and new inputs, as the engine shows them in a preview. */
  oldInputs?: Record<string, unknown>;
  newInputs?: Record<string, unknown>;
}

/** Collects the engine's resource operations (from its events, not its text output). */
export function recorder(): {
  onEvent: (e: Automation.EngineEvent) => void;
  ops: Operation[];
  of: (op: string) => string[];
} {
  const ops: Operation[] = [];
  return {
    ops,
    onEvent(e) {
      const m = e.resourcePreEvent?.metadata;
      if (m && !m.type.startsWith("pulumi:")) {
        ops.push({
          op: m.op,
          type: m.type.replace("pulumi-nodejs:dynamic/", ""),
          name: m.urn.split("::").pop()!,
          diffs: m.diffs ?? [],
          oldInputs: m.old?.inputs,
          newInputs: m.new?.inputs,
        });
      }
    },
    of: (op) => ops.filter((o) => o.op === op).map((o) => o.name),
  };
}

/** Every non-"same" operation as "op name", in the order the engine reported them. */
export function changesOf(ops: Operation[]): string[] {
  return ops.filter((o) => o.op !== "same" && o.op !== "read").map((o) => `${o.op} ${o.name}`);
}
