/**
 * The quickstart center: everything pulumi-clink manages, small enough to read in one sitting.
 * `index.ts` runs it under `pulumi up`; `demo.ts` runs the same function as an inline program
 * against the built-in simulator.
 */
import * as pulumi from "@pulumi/pulumi";
import * as clink from "pulumi-clink";

export function quickstartCenter() {
  // Two queues: support lists its members here (authoritative); overflow leaves members to others.
  const support = new clink.Queue("support", {
    qno: "0001",
    name: "售后支持",
    strategy: clink.QueueStrategy.SkillsBased,
    wrapupTime: 20,
    joinEmpty: clink.JoinEmptyState.Paused + clink.JoinEmptyState.WrapUp,
  });
  const overflow = new clink.Queue("overflow", {
    qno: "0002",
    name: "overflow",
    maxWait: 20,
  });

  return {
    queues: pulumi.all([support.qno, support.name, overflow.qno, overflow.name]).apply(([a, an, b, bn]) => ({
      [a]: an,
      [b]: bn,
    })),
  };
}
