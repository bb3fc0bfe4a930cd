#!/usr/bin/env node
/** `clink-simulator [--port N] [--host H] [--rate N] [--seed FILE] [--state FILE] [--access-key-id X] [--access-key-secret S] [--password-encryption aes|none] [--strict]` */
import * as fs from "node:fs";
import { parseArgs } from "node:util";
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, startSimulator } from "./server";

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "8080" },
      host: { type: "string", default: "127.0.0.1" },
      rate: { type: "string", default: "3" },
      seed: { type: "string" },
      state: { type: "string" },
      "access-key-id": { type: "string" },
      "access-key-secret": { type: "string" },
      "password-encryption": { type: "string", default: "aes" },
      strict: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(
      "clink-simulator [--port 8080] [--host 127.0.0.1] [--rate 3] [--seed seed.json] [--state state.json]\n" +
        "                [--access-key-id ID] [--access-key-secret SECRET] [--password-encryption aes|none] [--strict]\n" +
        "Agent passwords must arrive AES-encrypted under the access key secret (doc 3.1.1), unless\n" +
        "--password-encryption none.\n" +
        "--strict answers ResourceNotFound wherever a request names an object that does not exist, also\n" +
        "where the document lists no such error (list_client_tels for an unknown agent, ...), as a real\n" +
        "server may (also on with CLINK_SIMULATOR_STRICT=1).\n" +
        "The secret may also come from CLINK_SIMULATOR_SECRET (keeps it out of the process list);\n" +
        "without either, the built-in test secret.",
    );
    return;
  }
  const secret = values["access-key-secret"] ?? process.env.CLINK_SIMULATOR_SECRET;
  const passwordEncryption = values["password-encryption"];
  if (passwordEncryption !== "aes" && passwordEncryption !== "none")
    throw new Error(`--password-encryption must be aes or none (got "${passwordEncryption}")`);
  const sim = await startSimulator({
    port: Number(values.port),
    host: values.host,
    rate: Number(values.rate),
    seed: values.seed ? JSON.parse(fs.readFileSync(values.seed, "utf8")) : undefined,
    statePath: values.state,
    accessKeyId: values["access-key-id"],
    accessKeySecret: secret,
    passwordEncryption,
    strict: values.strict,
  });
  console.log(`Clink simulator listening on ${sim.url}`);
  console.log(`  access key id: ${values["access-key-id"] ?? DEFAULT_ACCESS_KEY_ID}`);
  console.log(
    secret
      ? "  access key secret: as given (not printed)"
      : `  access key secret: the built-in default "${DEFAULT_ACCESS_KEY_SECRET}"`,
  );
  console.log(`  rate limit: ${values.rate}/s per endpoint${values.state ? `; state in ${values.state}` : ""}`);
  console.log(`  agent passwords: ${passwordEncryption === "aes" ? "AES-encrypted (doc 3.1.1)" : "plain text"}`);
  console.log(`  answers: ${sim.strict ? "strict (ResourceNotFound for any unknown object named)" : "lenient"}`);
  const stop = () => void sim.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e) => {
  console.error(`clink-simulator: ${(e as Error).message}`);
  process.exit(1);
});
