/**
 * Prepares the scratch program directory every e2e suite runs its programs from
 * (test/engine/program-dir.ts). CLINK_E2E_PULUMI_VERSION picks the SDK, so CI can run the suite at
 * both ends of the supported range.
 */
import type { TestProject } from "vitest/node" with { "resolution-mode": "import" };
import { prepareProgramDir } from "../engine/program-dir";

export default function setup(project: TestProject): () => void {
  const prepared = prepareProgramDir();
  console.log(
    `e2e: pulumi-clink packed and installed with @pulumi/pulumi ${prepared.sdkVersion} on Node ${process.version} in ${prepared.dir}`,
  );
  project.provide("e2eProgramDir", prepared.dir);
  project.provide("e2eSdkVersion", prepared.sdkVersion);
  return prepared.cleanup;
}

declare module "vitest" {
  export interface ProvidedContext {
    e2eProgramDir: string;
    e2eSdkVersion: string;
  }
}
