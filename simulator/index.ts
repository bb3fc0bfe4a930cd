/** `pulumi-clink/simulator`: a local stand-in for the Clink configuration API (see README.md here). */
export {
  startSimulator,
  DEFAULT_ACCESS_KEY_ID,
  DEFAULT_ACCESS_KEY_SECRET,
  type Simulator,
  type SimulatorOptions,
  type LogEntry,
} from "./server";
export { createEnterprise } from "./domain";
export type { Fault, FaultKind } from "./faults";
export * from "./contract";
