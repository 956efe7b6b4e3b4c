// The form of a passkey ceremony (adding a passkey, or using one at sign-in), for traders' and
// staff pages alike. It is drawn hidden, with the server's options; static/webauthn.js shows it
// where the browser can use passkeys, runs the ceremony when it is sent, and sends the answer
// in its `response` field. Beside it, shown until then, what to use instead (ID-9: the page
// works without a passkey-capable device).
import type { Child } from "hono/jsx";
import type { AppContext } from "./context.ts";
import { CsrfField, SubmitButton } from "./forms.tsx";
import { messages } from "./i18n/index.ts";

/** The scripts of a page with a ceremony: the library's build, then ours (deferred, from our origin). */
export function WebauthnScripts() {
  return (
    <>
      <script src="/assets/simplewebauthn-browser.js" defer></script>
      <script src="/assets/webauthn.js" defer></script>
    </>
  );
}

export function PasskeyCeremony(props: {
  c: AppContext;
  kind: "register" | "authenticate";
  options: object;
  /** What to use where passkeys cannot be used here. */
  unsupported: string;
  button: string;
  /** An id for the ceremony's block, for an error summary's link. */
  id?: string;
  action?: string;
  children?: Child;
}) {
  const m = messages(props.c.get("locale")).factors;
  return (
    <div data-webauthn-section id={props.id} tabindex={props.id ? -1 : undefined}>
      <div data-webauthn-unsupported>
        <gcds-text>{props.unsupported}</gcds-text>
      </div>
      <form
        method="post"
        action={props.action ?? new URL(props.c.req.url).pathname}
        novalidate
        hidden
        data-webauthn={props.kind}
        data-options={JSON.stringify(props.options)}
        data-msg-working={m.passkeyWorking}
        data-msg-cancelled={m.passkeyCancelled}
        data-msg-failed={m.passkeyFailed}
      >
        <CsrfField c={props.c} />
        {props.children}
        <input type="hidden" name="response" value="" />
        <SubmitButton>{props.button}</SubmitButton>
      </form>
      <p data-webauthn-status role="status" hidden></p>
    </div>
  );
}
