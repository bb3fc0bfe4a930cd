/**
 * What a rule of the pack is (policy/rules.ts gathers them from the resource folders'
 * catalog.ts, provider/resources/<kind>/policy.ts): a plain function of our resources
 * (policy/read.ts) and its config, its default enforcement level and its thresholds; and the
 * helpers the rules share. Field names, defaults and named codes come from the resource schemas,
 * never written in a rule twice.
 */
import { enumName } from "../provider/schema/core";
import { fieldSpec, type ClinkResource } from "./read";

export type EnforcementLevel = "advisory" | "mandatory" | "disabled";

/** One configurable threshold, as JSON Schema (the engine validates a pack config against it). */
export interface ConfigProperty {
  type: "integer" | "array";
  description: string;
  default: number | string[] | number[];
  minimum?: number;
  items?: { type: "string" | "integer" };
}

export type RuleConfig = Record<string, unknown>;

interface RuleBase {
  /** Where the rule comes in the pack (docs/policy.md lists them in this order). */
  order: number;
  /** The policy name: what the pack config keys on and what the engine prints. */
  name: string;
  description: string;
  enforcementLevel: EnforcementLevel;
  config: Record<string, ConfigProperty>;
}

/** Runs on one resource's checked inputs, before the engine applies it. */
export interface ResourceRule extends RuleBase {
  kind: "resource";
  types: string[];
  check(r: ClinkResource, config: RuleConfig): string[];
}

export interface Violation {
  message: string;
  /** The resource the violation is about; the engine shows it under that resource. */
  urn?: string;
}

/** Runs once on every resource of the stack (rules about how resources relate). */
export interface StackRule extends RuleBase {
  kind: "stack";
  check(resources: ClinkResource[], config: RuleConfig): Violation[];
}

export type Rule = ResourceRule | StackRule;

/** A rule's config: the given values over the defaults of its config schema. */
export function configOf(rule: Rule, given: RuleConfig = {}): RuleConfig {
  const out: RuleConfig = {};
  for (const [k, p] of Object.entries(rule.config)) out[k] = given[k] ?? p.default;
  return out;
}

export const intConfig = (c: RuleConfig, key: string): number => {
  const v = c[key];
  if (typeof v !== "number" || !Number.isInteger(v)) throw new Error(`policy config '${key}' must be an integer`);
  return v;
};
export const stringsConfig = (c: RuleConfig, key: string): string[] => {
  const v = c[key] ?? [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string"))
    throw new Error(`policy config '${key}' must be a list of strings`);
  return v as string[];
};

export const ofType = (resources: ClinkResource[], type: string) => resources.filter((r) => r.type === type);

/**
 * The constant a program writes for a code (`clink.RestrictType.Whitelist`): the constant's name
 * from the field's schema (`enumName`), or `name` for a field whose schema does not carry it.
 */
export function constantOf(
  type: string,
  field: string,
  values: Record<string, number>,
  code: number,
  name?: string,
): string {
  const constant = enumName(fieldSpec(type, field).schema) ?? name;
  const key = Object.entries(values).find(([, v]) => v === code)?.[0];
  return constant && key ? `clink.${constant}.${key}` : String(code);
}

export const settle = (v: unknown): unknown => (typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v);

export const exemptConfig = (what: string): ConfigProperty => ({
  type: "array",
  items: { type: "string" },
  default: [],
  description: `${what} this rule leaves alone.`,
});
