/**
 * examples/quickstart/center.ts as the package ships it (the policy and strict-server suites run
 * it): transpiled next to the program directory's node_modules so that it loads the program's
 * pulumi-clink and @pulumi/pulumi, and the secret config it reads.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import * as ts from "typescript";
import type { Program, ProgramDir } from "./harness";

export function quickstartProgram(where: ProgramDir): Program {
  const source = fs.readFileSync(
    path.join(where.dir, "node_modules", "pulumi-clink", "examples", "quickstart", "center.ts"),
    "utf8",
  );
  // One file per process: two suites may build it at once into the one program directory.
  const built = path.join(where.dir, `quickstart-center-${process.pid}.js`);
  fs.writeFileSync(
    built,
    ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText,
  );
  const { quickstartCenter } = createRequire(path.join(where.dir, "package.json"))(built) as {
    quickstartCenter: () => Record<string, unknown>;
  };
  return () => quickstartCenter();
}

/** The passwords the quickstart reads from its project's config (`<project>:agentPassword`, ...). */
export function quickstartConfig(project: string): Record<string, { value: string; secret: boolean }> {
  return {
    [`${project}:agentPassword`]: { value: "quick-Agent-pw-2026", secret: true },
    [`${project}:phonePassword`]: { value: "quick-Phone-pw-2026", secret: true },
  };
}
