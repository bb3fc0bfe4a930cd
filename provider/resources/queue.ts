/**
 * clink.Queue (队列): doc 3.2.1 create_queue, 3.2.2 update_queue, 3.2.5 delete_queue,
 * 3.2.7 describe_queue. Id: the queue number (qno). Fields and their rules: schema/queue.ts.
 */
import * as pulumi from "@pulumi/pulumi";
import { queueSchema, type QueueMemberSpec } from "../../schema/queue";
import type { Inputs } from "../../schema/ops";
import { ClinkApiError } from "../api";
import { inheritForceOffline, logOut } from "./force-offline";
import { makeProvider } from "./kit";
import { claimAuthoritative, rememberQueue } from "./ownership";
import { describeQueue, membersOf } from "./queue-batch";
import { resourceOptions, resourceProps, serializableProvider } from "./serialized";

export { QueueStrategy, JoinEmptyState, ChatStrategy, MaxPauseClientType } from "../../schema/queue";

export const queueProvider = makeProvider({
  schema: queueSchema,
  api: {
    async create(api, body) {
      const answer = await api.request<{ queue?: Inputs }>("POST", "/cc/create_queue", { body });
      return answer.queue;
    },
    read: (api, id) => describeQueue(api, id),
    async update(api, _id, body) {
      // update_queue sets exactly the fields sent; queueMembers, when sent, replaces the list
      // (doc 3.2.2 update_queue, `queueMembers`: 全覆盖策略).
      const answer = await api.request<{ queue?: Inputs }>("POST", "/cc/update_queue", { body, idempotent: true });
      return answer.queue;
    },
    async delete(api, id, state) {
      const remove = () => api.request("POST", "/cc/delete_queue", { body: { qno: id }, idempotent: true });
      try {
        await remove();
      } catch (err) {
        if (!(
          err instanceof ClinkApiError &&
          err.code === "OnlineClientInQueue" &&
          state.forceOfflineOnDelete === true
        ))
          throw err;
        // Opted in (here or on a member's Client): log the queue's members out (4.2.8), then delete.
        for (const m of membersOf(await describeQueue(api, id))) await logOut(api, m.cno);
        await remove();
      }
    },
    existsCodes: ["QueueExist"],
    hints: {
      OnlineClientInQueue:
        "Agents of this queue are logged in (doc 3.2.5 delete_queue, error OnlineClientInQueue): " +
        "log them out (or wait for the shift to end) and run the deployment again.",
      QueueInUse:
        "An IVR (语音导航) routes calls to this queue (doc 3.2.5 delete_queue, error QueueInUse): " +
        "point that IVR node elsewhere in the Clink console first, then run the deployment again.",
    },
  },
});

export interface QueueArgs {
  /** Queue number (队列号): 4 digits as a string ("0001"), unique. Changing it replaces the queue. */
  qno: pulumi.Input<string>;
  /** Queue name (队列名称): Chinese characters, letters, digits and underscores, at most 20 characters. */
  name: pulumi.Input<string>;
  /** Maximum calls waiting (最大等待数), 0-999; 0 means no limit. @default 5 */
  maxWait?: pulumi.Input<number>;
  /** Agent ring timeout (座席超时时间), seconds, 20-60. @default 25 */
  memberTimeout?: pulumi.Input<number>;
  /** Queue timeout (队列超时时间), seconds, 30-600. @default 600 */
  queueTimeout?: pulumi.Input<number>;
  /** Call distribution strategy (呼叫策略): a `QueueStrategy` value, 1-14. @default 2 (QueueStrategy.RoundRobin) */
  strategy?: pulumi.Input<number>;
  /** Queue priority (队列优先级), 1-10; higher is answered first by agents in several queues. @default 1 */
  weight?: pulumi.Input<number>;
  /** Wrap-up time (整理时长), seconds, 3-300. @default 15 */
  wrapupTime?: pulumi.Input<number>;
  /** Service level threshold (服务水平秒数), seconds, 10-30. @default 15 */
  serviceLevel?: pulumi.Input<number>;
  /** Agent states counted as unavailable (joinEmpty): a sum of `JoinEmptyState` values. @default 0 */
  joinEmpty?: pulumi.Input<number>;
  /**
   * Authoritative members (队列内座席及技能值): `{ cno, penalty }`, penalty 1-10 (1 answers first).
   * Declared: the queue has exactly these members ([] = none). Not declared: members are left alone
   * (use `QueueMember` resources or another tool for them). Order does not matter.
   */
  members?: pulumi.Input<pulumi.Input<{ cno: pulumi.Input<string>; penalty: pulumi.Input<number> }>[]>;
  /** Inbound calls may enter the queue (是否允许呼入队列), 0 or 1. @default 1 */
  ibAllowed?: pulumi.Input<number>;
  /** Announce the agent number (是否报座席号), 0 or 1. @default 0 */
  sayCno?: pulumi.Input<number>;
  /** VIP callers first (VIP客户优先), 0 or 1. @default 0 */
  vipSupport?: pulumi.Input<number>;
  /** Limit concurrently paused agents (最大并发置忙座席数 开关), 0 or 1. @default 0 */
  maxPauseClientFlag?: pulumi.Input<number>;
  /** How `maxPauseClientValue` is read: `MaxPauseClientType.Percent` (0) or `.Count` (1). @default 0 */
  maxPauseClientType?: pulumi.Input<number>;
  /** The pause limit: a percentage (0-100) or a number of agents. @default 0 */
  maxPauseClientValue?: pulumi.Input<number>;
  /** Online-chat distribution strategy (在线客服分配策略): a `ChatStrategy` value (2, 4, 5). @default 2 */
  chatStrategy?: pulumi.Input<number>;
  /** Online-chat maximum queue length (在线客服最大排队数). @default 20 */
  chatMaxWait?: pulumi.Input<number>;
  /** Online-chat queue position below which the position is pushed (排队位置推送). @default 10 */
  chatLocation?: pulumi.Input<number>;
  /**
   * When deleting the queue is refused because members are logged in (OnlineClientInQueue, doc
   * 3.2.5), log them out first (4.2.8). Inherited from a member's Client that sets it. @default false
   */
  forceOfflineOnDelete?: pulumi.Input<boolean>;
  /**
   * Take over a queue that already exists with this qno instead of failing with QueueExist; it is
   * then updated to match this declaration, and `adopted` reports true. Changing this later does nothing.
   */
  adopt?: pulumi.Input<boolean>;
}

export class Queue extends pulumi.dynamic.Resource {
  declare readonly qno: pulumi.Output<string>;
  declare readonly name: pulumi.Output<string>;
  declare readonly maxWait: pulumi.Output<number>;
  declare readonly memberTimeout: pulumi.Output<number>;
  declare readonly queueTimeout: pulumi.Output<number>;
  declare readonly strategy: pulumi.Output<number>;
  declare readonly weight: pulumi.Output<number>;
  declare readonly wrapupTime: pulumi.Output<number>;
  declare readonly serviceLevel: pulumi.Output<number>;
  declare readonly joinEmpty: pulumi.Output<number>;
  /** The members as the server reports them (all members, also when `members` is not declared). */
  declare readonly members: pulumi.Output<QueueMemberSpec[] | undefined>;
  declare readonly ibAllowed: pulumi.Output<number>;
  declare readonly sayCno: pulumi.Output<number>;
  declare readonly vipSupport: pulumi.Output<number>;
  declare readonly maxPauseClientFlag: pulumi.Output<number>;
  declare readonly maxPauseClientType: pulumi.Output<number>;
  declare readonly maxPauseClientValue: pulumi.Output<number>;
  declare readonly chatStrategy: pulumi.Output<number>;
  declare readonly chatMaxWait: pulumi.Output<number>;
  declare readonly chatLocation: pulumi.Output<number>;
  /** Seconds before the next agent is tried after a ring timeout (describe only). */
  declare readonly retry: pulumi.Output<number | undefined>;
  declare readonly enterpriseId: pulumi.Output<number | undefined>;
  /** True when this resource took over an existing queue (`adopt`). */
  declare readonly adopted: pulumi.Output<boolean | undefined>;

  constructor(name: string, givenArgs: QueueArgs, opts?: pulumi.CustomResourceOptions) {
    const members = Array.isArray(givenArgs.members) ? givenArgs.members : [];
    const args = inheritForceOffline(
      givenArgs,
      members.map((m) => (m && typeof m === "object" && "cno" in m ? m.cno : undefined)),
    );
    const conflict =
      args.members !== undefined && !opts?.id ? claimAuthoritative(`clink.Queue "${name}"`, args.qno) : undefined;
    super(
      serializableProvider("queue"),
      name,
      resourceProps(queueSchema, args, conflict, opts?.id ? undefined : `clink.Queue "${name}"`, opts),
      resourceOptions(queueSchema, opts),
      "clink",
      "Queue",
    );
    rememberQueue(this.qno, args.qno);
  }

  /** Reads an existing queue by qno without managing its settings (refresh keeps it current). */
  static get(name: string, qno: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): Queue {
    return new Queue(name, {} as QueueArgs, { ...opts, id: qno });
  }
}
