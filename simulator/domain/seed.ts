/**
 * The enterprise's fixed data (caller numbers, hotlines, IVRs, ...). A user-supplied seed
 * (`--seed FILE`) overrides any top-level key.
 */
import type { Seed } from "../contract";
import type { SeedData } from "./kernel";

export function defaultSeed(): SeedData {
  return {
    enterpriseId: 7000001,
    clids: ["01089193540", "01089193541", "02161234567", "4008001234"],
    hotlines: ["4008001234"],
    cloudNumberEnabled: false,
    telVerification: false,
    passwordMinLength: 8,
    extenPasswordMinLength: 4,
    extenLimit: 300,
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
