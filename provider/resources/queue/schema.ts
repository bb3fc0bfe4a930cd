/**
 * Queue (队列), doc 3.2.1 create_queue, 3.2.2 update_queue, 3.2.7 describe_queue. Id: qno.
 */
import { z } from "zod";
import {
  queueNumber,
  bitmask,
  codes,
  digits,
  flag,
  int,
  keyedSet,
  objectsOf,
  oneOf,
  text,
  NAME_CHARS,
  type ResourceSchema,
} from "../../schema/core";

/** Call distribution strategy (呼叫策略), doc 3.2.1 create_queue, `strategy`. */
const strategyCodes = codes("QueueStrategy", {
  Sequential: [1, "sequential", "顺序"],
  RoundRobin: [2, "round robin", "轮选"],
  Average: [3, "average", "平均"],
  Random: [4, "random", "随机"],
  SkillsBased: [5, "skills based", "技能优先"],
  LongestIdleSinceLastInbound: [6, "longest idle since last inbound", "距上一通呼入空闲时间累计最长"],
  SkillsThenLongestIdleSinceLastInbound: [
    7,
    "skills + longest idle since last inbound",
    "技能优先+距上一通呼入空闲时间累计最长",
  ],
  LongestIdleSinceLastInboundAllQueues: [
    8,
    "longest idle since last inbound, all queues",
    "距上一通呼入空闲时间累计最长(全队列)",
  ],
  SkillsThenLongestIdleSinceLastInboundAllQueues: [
    9,
    "skills + longest idle since last inbound, all queues",
    "技能优先+距上一通呼入空闲时间累计最长(全队列)",
  ],
  AverageAllQueues: [10, "average, all queues", "全队列平均"],
  SkillsThenRoundRobin: [11, "skills + round robin", "技能优先+轮选"],
  LongestIdle: [12, "longest idle", "最长空闲时长"],
  SkillsThenLongestCurrentIdle: [13, "skills + longest current idle", "技能优先+当前空闲状态时长最长"],
  LongestIdleSinceLastCall: [14, "longest idle since last call", "距上一通通话空闲时间累计最长"],
});
export const QueueStrategy = strategyCodes.values;

/**
 * Agent states that count as "unavailable" when deciding whether a call may join (doc 3.2.1
 * create_queue, `joinEmpty`). Add them up.
 */
const joinEmptyCodes = codes("JoinEmptyState", {
  Paused: [1, "paused", "置忙"],
  Talking: [2, "talking", "通话中"],
  Ringing: [4, "ringing", "振铃"],
  Invalid: [8, "invalid", "无效"],
  WrapUp: [16, "wrap-up", "整理"],
});
export const JoinEmptyState = joinEmptyCodes.values;

/** Online-chat distribution strategy (在线客服分配策略), doc 3.2.1 create_queue, `chatStrategy`. */
const chatStrategyCodes = codes("ChatStrategy", {
  RoundRobin: [2, "round robin", "轮选"],
  Random: [4, "random", "随机"],
  SkillsBased: [5, "skills based", "技能优先"],
});
export const ChatStrategy = chatStrategyCodes.values;

/** How maxPauseClientValue is read (最大并发置忙座席数 配置类型), doc 3.2.1 create_queue, `maxPauseClientType`. */
const maxPauseClientTypeCodes = codes("MaxPauseClientType", {
  Percent: [0, "percent", "百分比"],
  Count: [1, "count", "数值"],
});
export const MaxPauseClientType = maxPauseClientTypeCodes.values;

export const queueMemberSchema = z
  .object(
    {
      cno: digits(4, 11, "agent number, 座席号").meta({ description: "The member's agent number (座席号)." }),
      penalty: int(1, 10).meta({
        description: "Skill level (技能值), 1-10: agents at 1 are offered calls first.",
      }),
    },
    { error: "must be an object { cno, penalty }" },
  )
  .meta({ clinkType: "Member" });

/** Members are a set keyed by cno (kept as { cno: { penalty } }, so a preview reads by agent); duplicates refused. */
const membersSchema = keyedSet(queueMemberSchema, "cno", "{ cno, penalty }");

export const queueSchema: ResourceSchema = {
  type: "Queue",
  list: { path: "/cc/list_queues", key: "queues", keyField: "qno" },
  vendorTerm: "队列",
  noun: "queue",
  idFields: ["qno"],
  options: {
    forceOfflineOnDelete:
      "When deleting the queue is refused because members are logged in (OnlineClientInQueue, doc 3.2.5), log them out first (offline_client, doc 4.2.8). Inherited from a member's Client that sets it. Off by default.",
  },
  fields: {
    qno: {
      schema: queueNumber(),
      label: "Queue number",
      term: "队列号",
      doc: "4 digits by default (doc 3.2.1), 3-5 per the vendor SDK; unique in the center. Identity: changing it replaces the queue.",
      lifecycle: "identity",
      required: true,
    },
    name: {
      schema: text(20, { pattern: NAME_CHARS, patternText: "Chinese characters, letters, digits and _" }),
      label: "Queue name",
      term: "队列名称",
      doc: "",
      lifecycle: "updatable",
      required: true,
    },
    maxWait: {
      schema: int(0, 999, "calls"),
      label: "Maximum calls waiting",
      term: "最大等待数",
      doc: "0 means no limit.",
      lifecycle: "updatable",
      default: 5,
    },
    memberTimeout: {
      schema: int(20, 60, "seconds"),
      label: "Agent ring timeout",
      term: "座席超时时间",
      doc: "",
      lifecycle: "updatable",
      default: 25,
    },
    queueTimeout: {
      schema: int(30, 600, "seconds"),
      label: "Queue timeout",
      term: "队列超时时间",
      doc: "",
      lifecycle: "updatable",
      default: 600,
    },
    strategy: {
      schema: oneOf(strategyCodes),
      label: "Call distribution strategy",
      term: "呼叫策略",
      doc: "",
      lifecycle: "updatable",
      default: QueueStrategy.RoundRobin,
    },
    weight: {
      schema: int(1, 10),
      label: "Queue priority",
      term: "队列优先级",
      doc: "An agent in several queues answers the higher one first.",
      lifecycle: "updatable",
      default: 1,
    },
    wrapupTime: {
      schema: int(3, 300, "seconds"),
      label: "Wrap-up time",
      term: "整理时长",
      doc: "The agent takes no new call meanwhile.",
      lifecycle: "updatable",
      default: 15,
    },
    serviceLevel: {
      schema: int(10, 30, "seconds"),
      label: "Service level threshold",
      term: "服务水平秒数",
      doc: "",
      lifecycle: "updatable",
      default: 15,
    },
    joinEmpty: {
      schema: bitmask(joinEmptyCodes),
      label: "Agent states counted as unavailable",
      term: "队列为空时是否可以join",
      doc: "A call overflows at once when every agent is in one of these states.",
      lifecycle: "updatable",
      default: 0,
    },
    members: {
      schema: membersSchema,
      label: "Authoritative queue members",
      term: "队列内座席及技能值",
      doc:
        "Penalty 1 answers first. " +
        "When declared, the queue has exactly these members " +
        "(update_queue replaces the whole list, doc 3.2.2 update_queue, `queueMembers`); " +
        "an empty list means no members. When not declared, members are left alone, so QueueMember resources " +
        "or other tools can manage them.",
      lifecycle: "updatable",
      api: { create: "queueMembers", update: "queueMembers", read: "queueMembers" },
      asList: objectsOf("cno"),
      fromApi: (value) =>
        Array.isArray(value)
          ? value.map((m: { cno?: unknown; penalty?: unknown }) => ({ cno: String(m.cno), penalty: Number(m.penalty) }))
          : value,
    },
    ibAllowed: {
      schema: flag("no", "yes"),
      label: "Whether inbound calls may enter the queue",
      term: "是否允许呼入队列",
      doc: "",
      lifecycle: "updatable",
      default: 1,
    },
    sayCno: {
      schema: flag("no", "yes"),
      label: "Announce the agent number to the caller",
      term: "是否报座席号",
      doc: "",
      lifecycle: "updatable",
      default: 0,
    },
    vipSupport: {
      schema: flag("off", "on"),
      label: "VIP callers first",
      term: "VIP客户优先",
      doc: "",
      lifecycle: "updatable",
      default: 0,
    },
    maxPauseClientFlag: {
      schema: flag("off", "on"),
      label: "Limit how many agents may be paused at once",
      term: "最大并发置忙座席数 开关",
      doc: "",
      lifecycle: "updatable",
      default: 0,
    },
    maxPauseClientType: {
      schema: oneOf(maxPauseClientTypeCodes),
      label: "How maxPauseClientValue is read",
      term: "配置类型",
      doc: "",
      lifecycle: "updatable",
      default: MaxPauseClientType.Percent,
    },
    maxPauseClientValue: {
      schema: int(0, 99999),
      label: "The pause limit",
      term: "配置值",
      doc: "A percentage (at most 100) or a number of agents, as maxPauseClientType says.",
      lifecycle: "updatable",
      default: 0,
    },
    chatStrategy: {
      schema: oneOf(chatStrategyCodes),
      label: "Online-chat distribution strategy",
      term: "在线客服分配策略",
      doc: "",
      lifecycle: "updatable",
      default: ChatStrategy.RoundRobin,
    },
    chatMaxWait: {
      schema: int(0, 99999),
      label: "Online-chat maximum queue length",
      term: "在线客服最大排队数",
      doc: "",
      lifecycle: "updatable",
      default: 20,
    },
    chatLocation: {
      schema: int(0, 99999),
      label: "Online-chat position push",
      term: "排队位置推送",
      doc: "The queue position is pushed to the visitor below this position.",
      lifecycle: "updatable",
      default: 10,
    },
    retry: {
      schema: z.number(),
      label: "Retry delay after a ring timeout",
      doc: "Seconds before the next agent is tried after a ring timeout; 0 or less means 5 (describe only).",
      lifecycle: "computed",
    },
    enterpriseId: {
      schema: z.number(),
      label: "Enterprise",
      term: "企业",
      doc: "The enterprise the queue belongs to (describe only).",
      lifecycle: "computed",
    },
  },
  validate(inputs, known) {
    if (
      known("maxPauseClientType") &&
      known("maxPauseClientValue") &&
      inputs.maxPauseClientType === MaxPauseClientType.Percent &&
      (inputs.maxPauseClientValue as number) > 100
    ) {
      return [
        {
          property: "maxPauseClientValue",
          reason:
            "maxPauseClientValue is a percentage when maxPauseClientType is 0 (percent): at most 100 " +
            "(doc 3.2.1 create_queue, `maxPauseClientValue`)",
        },
      ];
    }
    return [];
  },
};
