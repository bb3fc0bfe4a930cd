/**
 * clink.ClientPhone (座席绑定电话): the phone an agent answers on. Doc 3.1.7 bind, 3.1.8 unbind,
 * 3.1.10 list_client_tels. Id: the agent number (one bound phone per agent). Fields: ./schema.ts.
 *
 * Delete unbinds and keeps the number in the agent's phone list: deleting it (3.1.9) would throw
 * away a voice verification that a deployment cannot redo.
 */
import { ClinkApiError, type ClinkClient } from "../../api";
import { clientPhoneSchema } from "./schema";
import { masks } from "../../schema/core";
import type { Inputs } from "../../schema/ops";
import { logOut } from "../../plugin/log-out";
import { withChangeWindow } from "../../plugin/change-window";
import { untilFree } from "../../plugin/agent-state";
import { warnOnReplace } from "../../plugin/live-preview";
import { makeProvider } from "../../plugin/provider";
import { readOrGone } from "../../plugin/errors";
import { alreadyExistsRefusal } from "../../plugin/refusals";

/**
 * The agent's current binding, as { cno, tel, telType }; undefined when none. Read from the
 * agent's phone list (3.1.10) rather than describe_client: a different endpoint from the one the
 * agent itself is read with, so refreshing agents and their phones share no rate-limit window.
 * An agent that does not exist has no binding: doc 3.1.10 gives only the general codes, and a
 * server may answer ResourceNotFound (座席不存在) for it, as describe_client does (the preview of
 * a new agent and its phone, a refresh after the agent was deleted in the console).
 */
async function describeBinding(api: ClinkClient, cno: string): Promise<Inputs | undefined> {
  const answer = await readOrGone(() =>
    api.request<{ clientTels?: Inputs[] }>("GET", "/cc/list_client_tels", { query: { cno } }),
  );
  const bound = (answer?.clientTels ?? []).find((t) => Number(t.isBind) === 1);
  return bound ? { cno, tel: String(bound.tel), telType: bound.telType } : undefined;
}

/** The number as declared, or as the server shows it masked (doc 3.1.10 example "152xxxx8888"). */
const sameNumber = (shown: string, declared: string) => shown === declared || masks(shown, declared);

/**
 * Whether the bound phone is also the agent's reserve phone: describe_client's `reserveTel`
 * (doc 3.1.5; list_client_tels, 3.1.10, does not answer it). Undefined when describe leaves it out.
 * Asked only for a binding that declares isReserveTel: one more call, for those only.
 */
async function reserveOf(api: ClinkClient, cno: string, tel: string): Promise<number | undefined> {
  const answer = await api.request<{ client?: Inputs }>("GET", "/cc/describe_client", { query: { cno } });
  const reserve = answer.client?.reserveTel;
  if (reserve === undefined || reserve === null) return undefined;
  return reserve !== "" && sameNumber(String(reserve), tel) ? 1 : 0;
}

async function readBinding(api: ClinkClient, cno: string, state: Inputs): Promise<Inputs | undefined> {
  const bound = await describeBinding(api, cno);
  if (!bound || state.isReserveTel === undefined) return bound;
  const declaredTel = typeof state.tel === "string" ? state.tel : String(bound.tel);
  const isReserveTel = await reserveOf(
    api,
    cno,
    sameNumber(String(bound.tel), declaredTel) ? declaredTel : String(bound.tel),
  );
  return isReserveTel === undefined ? bound : { ...bound, isReserveTel };
}

/** Binds; the outputs come from the declaration (telType shows after the next refresh), saving a read per binding. */
async function bind(api: ClinkClient, cno: string, body: Inputs): Promise<Inputs | undefined> {
  await api.request("POST", "/cc/bind_client_tel", {
    body: {
      cno,
      tel: body.tel,
      isBind: 1,
      ...(body.isReserveTel !== undefined ? { isReserveTel: body.isReserveTel } : {}),
    },
    idempotent: true,
  });
  return undefined;
}

/**
 * When only isReserveTel changes, bind_client_tel must still name the phone (doc 3.1.7): if the
 * console has bound another phone (or none) since the last refresh, sending the declared one would
 * rebind the agent under a preview that showed only `~ isReserveTel`. Refused instead.
 */
async function bindingUnchanged(api: ClinkClient, cno: string, declared: string): Promise<void> {
  const current = await describeBinding(api, cno);
  if (current && sameNumber(String(current.tel), declared)) return;
  const now = current ? `phone ${String(current.tel)} bound` : "no phone bound";
  throw new Error(
    `agent ${cno} has ${now} in the center, not the declared ${declared}: changing isReserveTel sends the phone ` +
      `(doc 3.1.7 bind_client_tel) and would bind ${declared} again, which the preview did not show. ` +
      `Run \`pulumi refresh\` (the preview then shows the phone change), then \`pulumi up\`.`,
  );
}

const provider = makeProvider({
  schema: clientPhoneSchema,
  api: {
    async create(api, body, inputs) {
      const cno = String(inputs.cno);
      const current = await describeBinding(api, cno);
      // Another phone already bound: rebinding changes how a live agent is reached, so it takes the opt-in.
      if (current && !sameNumber(String(current.tel), String(inputs.tel)))
        throw alreadyExistsRefusal(`agent ${cno} has phone ${String(current.tel)} bound`);
      // Already bound to the declared phone (an adoption, e.g. of an exported center): binding
      // again would change nothing but is a write call; only a declared isReserveTel needs sending.
      if (current && inputs.isReserveTel === undefined) return current;
      return bind(api, cno, body);
    },
    read: (api, id, state) => readBinding(api, id, state),
    // bind_client_tel takes the phone on every call (doc 3.1.7, \`tel\` required), also when only isReserveTel changes.
    async update(api, id, body, news) {
      if (body.tel === undefined) await bindingUnchanged(api, id, String(news.tel));
      return bind(api, id, { ...body, tel: body.tel ?? news.tel });
    },
    async delete(api, id, state) {
      const current = await describeBinding(api, id);
      // Only our binding is undone; a phone someone bound since is theirs.
      if (!current || !sameNumber(String(current.tel), String(state.tel))) return;
      // Unbinding the phone an agent is on a call with (doc 7.1) waits for the call to end.
      await untilFree(api, id, "unbind of its phone");
      const unbind = () => api.request("POST", "/cc/unbind_client_tel", { body: { cno: id }, idempotent: true });
      try {
        await unbind();
      } catch (err) {
        if (!(err instanceof ClinkApiError && err.code === "ClientOnline" && state.forceOfflineOnDelete === true))
          throw err;
        await logOut(api, id); // opted in (here or on the agent's Client): log out, then unbind
        await unbind();
      }
    },
    existsCodes: [],
    // create reads the agent's binding first (describeBinding).
    guardsCreate: true,
    // The agent already answering on the declared phone is no obstacle: binding is idempotent.
    blocksCreate: (remote, inputs) => !sameNumber(String(remote.tel), String(inputs.tel)),
    hints: {
      ClientTelVerification:
        "The number is not a valid phone, or the enterprise requires voice verification for mobiles and landlines (doc 3.1.7, 3.1.11): " +
        "a deployment cannot type in the code a person receives. Verify the number once in the Clink console (or with " +
        "bind_client_tel_verification / bind_client_tel_confirmed), then run the deployment again; an Exten number needs no verification.",
      ClientOnline:
        "The agent is logged in and the phone is in use (doc 3.1.7/3.1.8): rebinding or unbinding waits until the agent logs out. Run the deployment again then.",
      ClientTelIsBind:
        "Another agent has this phone bound (doc 3.1.7): unbind it there first (or change that agent's ClientPhone in the same program).",
    },
  },
});

/**
 * isReserveTel 1 -> 0 is refused at preview: bind_client_tel's `isReserveTel` 0 means "do not copy
 * the phone to the reserve phone" (doc 3.1.7) and no endpoint clears one, so the change would
 * preview and apply while the server keeps the reserve phone.
 */
const checked: typeof provider = {
  ...provider,
  async check(olds, news) {
    const result = await provider.check!(olds, news);
    if (olds?.isReserveTel === 1 && result.inputs?.isReserveTel === 0)
      return {
        ...result,
        failures: [
          ...(result.failures ?? []),
          {
            property: "isReserveTel",
            reason:
              `ClientPhone ${String(news.cno)}: isReserveTel 1 -> 0 cannot be made: bind_client_tel's isReserveTel 0 only skips copying the phone ` +
              "to the reserve phone (doc 3.1.7) and no endpoint clears a reserve phone. Clear it in the Clink console, then leave isReserveTel " +
              "out (not managed) or declare 0 after a refresh shows 0.",
          },
        ],
      };
    return result;
  },
};

/** Replacements warn at preview about a logged-in agent; deletes and replacements keep to the change window. */
export const clientPhoneProvider = withChangeWindow(
  warnOnReplace(checked, "unbind", (id) => id),
  "ClientPhone",
);
