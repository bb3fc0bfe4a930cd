/**
 * The gate every program-side rule goes through (docs/design.md, Program-level rules): the
 * membership claims, one server object per resource, one default pause. The providers cannot see
 * each other, but the Resource classes all run in the program's process: each rule records its
 * claim here and gets a verdict once the program's synchronous body has declared everything. The
 * verdict travels as an input the provider's check turns into a failure
 * (provider/plugin/check.ts, VERDICT_INPUT), so a refusal comes before any API call.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Failure } from "../schema/core";

/**
 * Claims per program run: an Automation API process runs many programs, so claims are keyed by
 * the run's root Stack resource (a fresh object per run) rather than kept module-wide.
 */
const runs = new WeakMap<object, Map<string, unknown>>();
const outsideAnyRun = {};

/** State kept for the current program run only (`slot` names it; `init` makes it on first use). */
export function perRun<T>(slot: string, init: () => T): T {
  const runtime: { getStackResource?: () => object | undefined } = pulumi.runtime;
  const key = runtime.getStackResource?.() ?? outsideAnyRun;
  let m = runs.get(key);
  if (!m) runs.set(key, (m = new Map()));
  if (!m.has(slot)) m.set(slot, init());
  return m.get(slot) as T;
}

/**
 * The gate every program-level rule shares: `record` the claim as soon as the input is known
 * (now, when it is a plain value), then judge one macrotask later, when the program's
 * synchronous body has made every claim.
 */
export function judgeAfterProgramBody<T>(
  input: pulumi.Input<T>,
  recordNow: T | undefined,
  record: (value: T) => void,
  judge: (value: T) => Failure | undefined,
): pulumi.Output<Failure | undefined> {
  if (recordNow !== undefined) record(recordNow);
  return pulumi.output(input).apply(async (value) => {
    record(value as T);
    await new Promise((resolve) => setImmediate(resolve));
    return judge(value as T);
  }) as pulumi.Output<Failure | undefined>;
}
