/**
 * The engine harness for the e2e suite: the program directory comes from global-setup.ts, and
 * every `stack.up()` previews first, as `pulumi up` does (engine.ts, previewBeforeUp).
 */
import { inject } from "vitest";
import { createStack as createEngineStack, programDirAt, type ProgramDir } from "../engine/engine";

export * from "../engine/engine";

export function programDir(dir: string = inject("e2eProgramDir")): ProgramDir {
  return programDirAt(dir);
}

/** engine.ts createStack, with `previewBeforeUp` on unless the test turns it off. */
export const createStack: typeof createEngineStack = (where, program, options) =>
  createEngineStack(where, program, { previewBeforeUp: true, ...options });
