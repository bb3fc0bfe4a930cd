/**
 * A ClinkClient on a scripted test server (server.ts): a fresh access key id each time, so each
 * client has pacers of its own; no pacing and a 1-ms backoff unless `opts` say otherwise.
 */
import { ClinkClient } from "../../provider/api";
import { testServer, type Script } from "./server";

export async function scriptedClient(
  secret: string,
  script: Script,
  opts: Partial<ConstructorParameters<typeof ClinkClient>[0]> = {},
) {
  const server = await testServer(secret, script);
  const client = new ClinkClient({
    accessKeyId: `key-${Math.random()}`,
    accessKeySecret: secret,
    endpoint: server.url,
    rate: 0,
    backoffMs: 1,
    ...opts,
  });
  const close = async () => {
    await client.close();
    await server.close();
  };
  return { server, client, close };
}
