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
    ivrs: [
      { id: 1, name: "语音导航A", description: "", statistic: 0 },
      { id: 2, name: "语音导航B", description: "售后", statistic: 1 },
    ],
    ivrNodes: [
      { id: 1, ivrId: 1, endpoint: "E91_rp0D1", name: "欢迎", frequentlyPath: "", statistic: 0 },
      { id: 2, ivrId: 1, endpoint: "aw1AeQsNl", name: "转队列", frequentlyPath: "", statistic: 0 },
      { id: 3, ivrId: 2, endpoint: "Qk2m0sPd", name: "售后入口", frequentlyPath: "", statistic: 1 },
    ],
    satisfaction: { auto: 0, autoIb: 1, autoOb: 1 },
    satisfactionTemplates: [
      {
        id: 6,
        name: "默认满意度",
        obClid: ["01089193540"],
        ivrId: [1],
        ivrName: ["语音导航A"],
        status: 1,
        remark: "",
        updateTime: "2026-01-01 00:00:00",
      },
    ],
    voiceMails: [
      { id: 1, name: "北方大区", ownerType: 1, owner: null },
      { id: 2, name: "售后队列", ownerType: 2, owner: "0001" },
    ],
    concurrency: {
      ibRobotConcurrent: 0,
      ibConcurrent: 7000,
      loginConcurrent: 2005,
      webcallConcurrent: 0,
      predictCallLicence: 6,
      predictCallConcurrent: 0,
      agentLicence: 8020,
    },
    areaCodes: {},
  };
}

export function buildSeed(seed?: Seed): SeedData {
  return { ...defaultSeed(), ...(seed as Partial<SeedData> | undefined) };
}
