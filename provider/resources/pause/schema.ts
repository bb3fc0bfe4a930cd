/**
 * Pause (置忙状态, an agent pause status): doc 3.3.1 list_enterprise_pauses, 3.3.2
 * create_enterprise_pause, 3.3.3 delete_enterprise_pause, 3.3.4 update_enterprise_pause.
 *
 * The server id is the resource id: create answers without it (doc 3.3.2 answer example), so the
 * provider finds it by the status text, which it treats as unique; update goes by id (doc 3.3.4
 * `id`), delete by text (doc 3.3.3 `pauseStatus`).
 * One default at a time: see docs/pauses.md.
 */
import { z } from "zod";
import { flag, text, type ResourceSchema } from "../../schema/core";

export const pauseSchema: ResourceSchema = {
  type: "Pause",
  vendorTerm: "置忙状态",
  noun: "pause status",
  idFields: ["pauseStatus"],
  idDoc:
    "the server's numeric id, found by `pauseStatus` after create (create_enterprise_pause answers no id, doc 3.3.2); `Pause.get` takes it",
  fields: {
    pauseStatus: {
      schema: text(4),
      label: "Pause status text",
      term: "置忙状态描述",
      doc: "Doc 3.3.2 create_enterprise_pause, `pauseStatus`. " + "Renaming updates in place.",
      lifecycle: "updatable",
      required: true,
      requiredOnUpdate: true, // doc 3.3.4 update_enterprise_pause, `pauseStatus` 必填 true
    },
    isRest: {
      // Typed String in the table (doc 3.3.2, `isRest`), numbers in every example: 0/1 either way.
      schema: flag("not a rest", "rest"),
      label: "Counts as rest",
      term: "休息状态",
      doc: "",
      lifecycle: "updatable",
      default: 0,
      // Doc 3.3.2/3.3.4: required (必填 true) on create and on update.
      requiredOnCreate: true,
      requiredOnUpdate: true,
    },
    isDefault: {
      schema: flag("no", "yes"),
      label: "The default pause status",
      term: "默认状态",
      doc: "At most one per center: a program may declare one.",
      lifecycle: "updatable",
      default: 0,
      // Doc 3.3.2/3.3.4: required (必填 true) on create and on update.
      requiredOnCreate: true,
      requiredOnUpdate: true,
    },
    pauseId: {
      schema: z.number(),
      label: "Pause status id",
      doc: "Also the resource id.",
      lifecycle: "computed",
      alwaysReported: true,
      api: { read: "id" },
    },
    sort: {
      schema: z.number(),
      label: "Priority order",
      term: "优先级",
      doc: "Smaller first; assigned by the server.",
      lifecycle: "computed",
    },
  },
};
