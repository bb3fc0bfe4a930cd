/**
 * The pack's entry point, loaded by policy/index.js when the engine runs the pack
 * (`pulumi preview --policy-pack node_modules/pulumi-clink/policy`). Constructing the PolicyPack
 * starts its analyzer server; @pulumi/policy reads the pack's version from the package.json of the
 * directory the engine runs it in (policy/package.json).
 */
import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

new PolicyPack("pulumi-clink", {
  description: "Guardrails for Clink (天润融通) contact centers declared with pulumi-clink (docs/policy.md).",
  policies,
});
