/**
 * The policy pack's rules about pause statuses (置忙状态, doc 3.3; docs/pauses.md).
 */
import { intOf, Unknown } from "../../../policy/read";
import { ofType, type StackRule } from "../../../policy/rule";

// ---------------------------------------------------------------------------------------------
// Pause statuses (置忙状态, doc 3.3; docs/pauses.md)
// ---------------------------------------------------------------------------------------------

export const defaultPauseDeclared: StackRule = {
  order: 70,
  kind: "stack",
  name: "default-pause-declared",
  description: "A stack that declares pause statuses declares one of them the default (isDefault 1).",
  enforcementLevel: "advisory",
  config: {},
  check(resources) {
    const pauses = ofType(resources, "Pause");
    const [first] = pauses;
    if (!first) return [];
    const flags = pauses.map((p) => intOf(p, "isDefault"));
    if (flags.some((f) => f === 1 || f === Unknown)) return [];
    const names = pauses.map((p) => `"${p.name}"`).join(", ");
    return [
      {
        urn: first.urn,
        message:
          `This stack declares pause statuses (clink.Pause ${names}) but none is the default (isDefault 1, doc 3.3.2 ` +
          `create_enterprise_pause 默认状态): which status an agent gets on pausing is left to whatever the console last set. ` +
          `Declare isDefault: 1 on one of them (only one: docs/pauses.md).`,
      },
    ];
  },
};

/** Every rule of the pack, in the order docs/policy.md lists them. */
