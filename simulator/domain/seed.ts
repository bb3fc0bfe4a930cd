/**
 * The enterprise's fixed data (caller numbers, hotlines, IVRs, ...). A user-supplied seed
 * (`--seed FILE`) overrides any top-level key.
 */
import type { Seed } from "../contract";
import type { SeedData } from "./kernel";

export function defaultSeed(): SeedData {
  return {
    enterpriseId: 7000001,
    clids: [],
    hotlines: [],
    ivrs: [],
    ivrNodes: [],
    satisfaction: {},
    satisfactionTemplates: [],
    voiceMails: [],
    concurrency: {},
    areaCodes: {},
  };
}

export function buildSeed(seed?: Seed): SeedData {
  return { ...defaultSeed(), ...(seed as Partial<SeedData> | undefined) };
}
