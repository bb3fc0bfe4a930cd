/** Every resource schema, by resource type: what docs/fields.md and the provider registry derive from. */
import type { ResourceSchema } from "./core";
import { queueSchema } from "./queue";
import { queueMemberSchema } from "./queue-member";
import { clientSchema } from "./client";
import { extenSchema } from "./exten";
import { clientPhoneSchema } from "./client-phone";
import { dynamicTelGroupSchema } from "./dynamic-tel-group";
import { pauseSchema } from "./pause";
import { restrictTelSchema } from "./restrict-tel";
import { restrictTelSettingSchema } from "./restrict-tel-setting";

export const schemas: Record<string, ResourceSchema> = {
  Queue: queueSchema,
  QueueMember: queueMemberSchema,
  Client: clientSchema,
  Exten: extenSchema,
  ClientPhone: clientPhoneSchema,
  DynamicTelGroup: dynamicTelGroupSchema,
  Pause: pauseSchema,
  RestrictTel: restrictTelSchema,
  RestrictTelSetting: restrictTelSettingSchema,
};
