/**
 * The steps of the example workflows (examples/ci/*.yml), read line by line: each step's name and
 * its `run` script. Enough for files this repository writes (two-space YAML, `run:` on one line or
 * as a `|` block); actionlint (scripts/lint-workflows.sh) checks they are valid workflows.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export const WORKFLOW_DIR = path.resolve(__dirname, "..", "..", "examples", "ci");

export interface Step {
  workflow: string;
  name: string;
  run?: string;
}

export function stepsOf(workflow: string): Step[] {
  const lines = fs.readFileSync(path.join(WORKFLOW_DIR, workflow), "utf8").split("\n");
  const steps: Step[] = [];
  let current: Step | undefined;
  const indentOf = (l: string) => l.length - l.trimStart().length;
  // Indexes below stay under lines.length, and every group of these patterns takes part in a match.
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const start = /^(\s*)- (name|uses|run|id|if):\s*(.*)$/.exec(line);
    const indent = indentOf(line);
    if (start && lines.slice(0, i).some((l) => /^\s+steps:\s*$/.test(l))) {
      current = { workflow, name: start[2] === "name" ? start[3]! : "" };
      steps.push(current);
    }
    const name = /^\s+name:\s*(.*)$/.exec(line);
    if (current && name && !start) current.name = name[1]!;
    const run = /^(\s+)(?:- )?run:\s*(.*)$/.exec(line);
    if (current && run) {
      if (run[2] !== "|") current.run = run[2];
      else {
        const body: string[] = [];
        while (i + 1 < lines.length && (lines[i + 1]!.trim() === "" || indentOf(lines[i + 1]!) > indent))
          body.push(lines[++i]!);
        const cut = Math.min(...body.filter((l) => l.trim() !== "").map(indentOf));
        current.run = body
          .map((l) => l.slice(cut))
          .join("\n")
          .trimEnd();
      }
    }
  }
  return steps;
}

/** The run script of the step with this name. */
export function runOf(workflow: string, name: string): string {
  const step = stepsOf(workflow).find((s) => s.name === name);
  if (!step?.run) throw new Error(`${workflow} has no step '${name}' with a run script`);
  return step.run;
}
