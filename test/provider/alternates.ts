/**
 * Another valid value per updatable field of a kind, with the companions the value needs (e.g.
 * clidArea needs clidType 3): the every-field test changes each field to it alone; the
 * undeclared-fields test makes objects with a field off its default from it. Each value differs
 * from the documented default and from the tests' base objects.
 */
type Row = Record<string, unknown>;

export const ALTERNATES: Record<"Queue" | "Client" | "Exten" | "DynamicTelGroup" | "Pause", Record<string, Row>> = {
  Queue: {
    name: { name: "renamed" },
    maxWait: { maxWait: 9 },
    memberTimeout: { memberTimeout: 30 },
    queueTimeout: { queueTimeout: 60 },
    strategy: { strategy: 5 },
    weight: { weight: 3 },
    wrapupTime: { wrapupTime: 33 },
    serviceLevel: { serviceLevel: 20 },
    joinEmpty: { joinEmpty: 17 },
    members: { members: [{ cno: "1001", penalty: 2 }] },
    ibAllowed: { ibAllowed: 0 },
    sayCno: { sayCno: 1 },
    vipSupport: { vipSupport: 1 },
    maxPauseClientFlag: { maxPauseClientFlag: 1 },
    maxPauseClientType: { maxPauseClientType: 1, maxPauseClientValue: 150 },
    maxPauseClientValue: { maxPauseClientValue: 40 },
    chatStrategy: { chatStrategy: 4 },
    chatMaxWait: { chatMaxWait: 30 },
    chatLocation: { chatLocation: 5 },
  },
  Client: {
    name: { name: "alice2" },
    areaCode: { areaCode: "021" },
    password: { password: "password-2" },
    role: { role: 1 },
    active: { active: 0 },
    qnos: { qnos: ["0001"] },
    hiddenTel: { hiddenTel: 1 },
    wrapupTime: { wrapupTime: 60 },
    ibWrapupType: { ibWrapupType: 2 },
    ibWrapupTime: { ibWrapupTime: 100 },
    crmId: { crmId: 42 },
    clidType: { clidType: 2, clid: ["01089193540"] },
    clidRule: { clidRule: 2 },
    assignType: { assignType: 1, dynamicTelGroupName: "g" },
    dynamicTelGroupId: { dynamicTelGroupId: 7 },
    dynamicTelGroupName: { dynamicTelGroupName: "g" },
    clid: { clid: ["01089193541"] },
    clidDefault: { clidType: 3, clidRule: 1, clid: ["01089193540"], clidDefault: ["01089193541"] },
    clidArea: {
      clidType: 3,
      clidRule: 2,
      clid: ["01089193540"],
      clidArea: [{ areaGroupName: "北京", obClids: ["01089193540"] }],
    },
    recurrentselectionType: { recurrentselectionType: 2 },
    recurrentselectionValue: { recurrentselectionValue: 5 },
    permission: { permission: { asr: 3, taskInventory: 3, recordDownload: 2 } },
    wechatMiniProgramRtc: { wechatMiniProgramRtc: 1 },
    obClidDefaultType: { obClidDefaultType: 1, dynamicTelGroupIdDefault: 7 },
    dynamicTelGroupIdDefault: { dynamicTelGroupIdDefault: 7 },
    serveArea: { serveArea: ["021", "010"] },
    obHangupSms: { obHangupSms: 1 },
    pauseLogin: { pauseLogin: 0 },
    agcRx: { agcRx: 10, agcTx: 20 },
    agcTx: { agcRx: 30, agcTx: 40 },
  },
  Exten: {
    password: { password: "sip-2" },
    areaCode: { areaCode: "021" },
    type: { type: 2, allow: 5 },
    allow: { allow: 4 },
    isDirect: { isDirect: 1 },
    jittBuffer: { jittBuffer: 1 },
  },
  DynamicTelGroup: {
    name: { name: "g2" },
    selectedTels: { selectedTels: ["01089193541", "01089193540"] },
    status: { status: 0 },
    advancedConfigPermission: { advancedConfigPermission: 1 },
    statisticDays: { advancedConfigPermission: 1, statisticDays: 30 },
    minObCount: { advancedConfigPermission: 1, minObCount: 3 },
    minObDays: { advancedConfigPermission: 1, minObDays: 2 },
    minAnswerRate: { advancedConfigPermission: 1, minAnswerRate: 50 },
  },
  Pause: {
    pauseStatus: { pauseStatus: "培训" },
    isRest: { isRest: 1 },
    isDefault: { isDefault: 1 },
  },
};

/** The named fields' rows of a table. */
export function pick(table: Record<string, Row>, ...fields: string[]): Record<string, Row> {
  return Object.fromEntries(
    fields.map((f) => {
      const row = table[f];
      if (row === undefined) throw new Error(`no alternate value for ${f}`);
      return [f, row];
    }),
  );
}

/** A table's rows but the named fields'. */
export function except(table: Record<string, Row>, ...fields: string[]): Record<string, Row> {
  return Object.fromEntries(Object.entries(table).filter(([f]) => !fields.includes(f)));
}
