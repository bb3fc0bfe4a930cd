/**
 * The rules of policy/rules.ts as @pulumi/policy policies: a resource rule validates each of its
 * types' resources (their checked inputs, before the engine applies them), a stack rule the
 * whole stack. Each policy's config schema carries the rule's thresholds with their defaults (the
 * engine fills them in and validates a pack config against them); `enforcementLevel` in the pack
 * config overrides the rule's default level.
 */
import type { Policies, PolicyConfigSchema, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { plainProps, tokenOf, typeOfToken, type ClinkResource } from "./read";
import { configOf, rules, type Rule } from "./rules";

function configSchema(rule: Rule): PolicyConfigSchema | undefined {
  const entries = Object.entries(rule.config);
  if (entries.length === 0) return undefined;
  return { properties: Object.fromEntries(entries.map(([k, p]) => [k, { ...p }])) };
}

function resourceOf(r: {
  type: string;
  name: string;
  urn: string;
  props: Record<string, unknown>;
}): ClinkResource | undefined {
  const type = typeOfToken(r.type);
  return type === undefined ? undefined : { type, name: r.name, urn: r.urn, props: plainProps(r.props) };
}

export function policyOf(rule: Rule): ResourceValidationPolicy | StackValidationPolicy {
  const common = {
    name: rule.name,
    description: rule.description,
    enforcementLevel: rule.enforcementLevel,
    configSchema: configSchema(rule),
  };
  if (rule.kind === "resource") {
    const tokens = new Set(rule.types.map(tokenOf));
    return {
      ...common,
      validateResource: (args, reportViolation) => {
        if (!tokens.has(args.type)) return;
        const r = resourceOf(args);
        if (!r) return;
        for (const message of rule.check(r, configOf(rule, args.getConfig<Record<string, unknown>>())))
          reportViolation(message);
      },
    };
  }
  return {
    ...common,
    validateStack: (args, reportViolation) => {
      const ours = args.resources.map(resourceOf).filter((r): r is ClinkResource => r !== undefined);
      if (ours.length === 0) return;
      for (const v of rule.check(ours, configOf(rule, args.getConfig<Record<string, unknown>>())))
        reportViolation(v.message, v.urn);
    },
  };
}

export const policies: Policies = rules.map(policyOf);

export { rules };
