/**
 * An agent as the Clink console leaves it, inserted into the simulator directly: in a dynamic
 * number group (assignType 1, never reported by describe_client), WeChat RTC on, numbers hidden,
 * wrap-up 45 and permissions off their defaults; and a queue with its settings off their defaults.
 * The adopt-and-edit tests (unit and e2e) start from them. Free of vitest, like the rest of
 * test/engine.
 */
import type { Simulator } from "../../simulator";

export function insertConsoleAgent(sim: Pick<Simulator, "admin">): void {
  sim.admin.insert("dynamicTelGroup", { id: 7, name: "外呼组", selectedTels: ["01089193540"], status: 1 });
  sim.admin.insert("client", {
    cno: "1001",
    name: "alice",
    areaCode: "010",
    role: 0,
    active: 1,
    hiddenTel: 1,
    wrapupTime: 45,
    clidType: 0,
    clidRule: 2,
    assignType: 1,
    dynamicTelGroupName: "外呼组",
    wechatMiniProgramRtc: 1,
    obClidDefaultType: 0,
    pauseLogin: 0,
    type: 2,
    permission: {
      asr: 3,
      call: 2,
      cdr: 2,
      recordDownload: 2,
      sms: 1,
      record: 3,
      chat: 1,
      transfer: 0,
      otherData: 1,
      taskInventory: 3,
    },
  });
}

/** Queue 0001 as the console leaves it: its voice settings (doc 3.2.1 create_queue) off their defaults. */
export const CONSOLE_QUEUE = {
  qno: "0001",
  name: "support",
  maxWait: 9,
  memberTimeout: 30,
  queueTimeout: 60,
  strategy: 5,
  weight: 3,
  wrapupTime: 33,
  serviceLevel: 20,
  joinEmpty: 17,
  ibAllowed: 0,
  sayCno: 1,
  vipSupport: 1,
};
