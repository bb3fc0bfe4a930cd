/**
 * QueueMember: one agent's membership of one queue, with its skill level. The API has no
 * membership object of its own: batch_update_queue upserts `queueMembers` and removes
 * `removeQueueMembers` (doc 3.2.3 batch_update_queue) and describe_queue lists the members
 * (doc 3.2.7). Id `qno:cno`.
 */
import type { ResourceSchema } from "../../schema/core";
import { digits, int, queueNumber } from "../../schema/core";

export const queueMemberSchema: ResourceSchema = {
  type: "QueueMember",
  vendorTerm: "队列成员",
  noun: "queue membership",
  idFields: ["qno", "cno"],
  fields: {
    qno: {
      schema: queueNumber(),
      label: "Queue number",
      term: "队列号",
      doc: "4 digits by default. Changing it moves the membership (replacement).",
      lifecycle: "identity",
      required: true,
    },
    cno: {
      schema: digits(4, 11, "agent number, 座席号"),
      label: "Agent number",
      term: "座席号",
      doc: "Changing it replaces the membership.",
      lifecycle: "identity",
      required: true,
    },
    penalty: {
      schema: int(1, 10),
      label: "Skill level",
      term: "技能值",
      doc:
        "The agent's skill level in this queue; 1 is answered first " +
        "(doc 3.2.3 batch_update_queue, `queueMembers` penalty). Required: the document gives no default.",
      lifecycle: "updatable",
      required: true,
    },
  },
};
