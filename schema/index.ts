/** Every resource schema, by resource type: what docs/fields.md and the provider registry derive from. */
import type { ResourceSchema } from "./core";
import { queueSchema } from "./queue";
import { queueMemberSchema } from "./queue-member";
import { clientSchema } from "./client";
import { extenSchema } from "./exten";

export const schemas: Record<string, ResourceSchema> = {
  Queue: queueSchema,
  QueueMember: queueMemberSchema,
  Client: clientSchema,
  Exten: extenSchema,
};
