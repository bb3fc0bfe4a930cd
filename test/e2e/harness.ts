/** The engine harness for the e2e suite: the program directory comes from global-setup.ts. */
import { inject } from "vitest";
import { programDirAt, type ProgramDir } from "../engine/engine";

export * from "../engine/engine";

export function programDir(dir: string = inject("e2eProgramDir")): ProgramDir {
  return programDirAt(dir);
}
