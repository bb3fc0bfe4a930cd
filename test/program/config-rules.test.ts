/**
 * clink:accessKeySecret set as plain stack config is refused program-side, before any API call
 * (issue 17, point 9); set with --secret it passes. Under the SDK's mocks.
 */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { plainSecretFailure } from "../../provider/program/config-rules";

const setAllConfig = pulumi.runtime.setAllConfig;

describe("clink:accessKeySecret in stack config", () => {
  it("as plain config: refused, saying to use pulumi config set --secret", () => {
    setAllConfig({ "clink:accessKeySecret": "plain-text-secret" }, []);
    const f = plainSecretFailure();
    expect(f?.property).toBe("clink:accessKeySecret");
    expect(f?.reason).toBe(
      "clink:accessKeySecret is set as plain stack config, so it is stored in clear in the stack's config and state. " +
        "Set it as a secret: `pulumi config set --secret clink:accessKeySecret <secret>` (or use the CLINK_ACCESS_KEY_SECRET " +
        "environment variable); nothing was applied.",
    );
    expect(f?.reason).not.toContain("plain-text-secret");
  });

  it("as a secret, or not in config at all: accepted", () => {
    setAllConfig({ "clink:accessKeySecret": "secret-value" }, ["clink:accessKeySecret"]);
    expect(plainSecretFailure()).toBeUndefined();
    setAllConfig({}, []);
    expect(plainSecretFailure()).toBeUndefined();
  });
});
