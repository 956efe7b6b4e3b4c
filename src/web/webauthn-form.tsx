// The form of a passkey ceremony (adding a passkey, or using one at sign-in), the list of a
// person's passkeys and the page that adds one, for traders' and staff pages alike. It is drawn hidden, with the server's options; static/webauthn.js shows it
// where the browser can use passkeys, runs the ceremony when it is sent, and sends the answer
// in its `response` field. Beside it, shown until then, what to use instead (ID-9: the page
// works without a passkey-capable device).
import type { Child } from "hono/jsx";
import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import type { AppContext } from "./context.ts";
import { CsrfField, ErrorSummary, Input, SubmitButton, type FieldErrors } from "./forms.tsx";
import { formatDate, formatDateTime, messages } from "./i18n/index.ts";
import type { PasskeyView } from "../platform/webauthn.ts";
import { Table } from "./table.tsx";

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
  /** A data-testid for the ceremony's form. */
  testid?: string;
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
        data-testid={props.testid}
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

/** A table of passkeys with their dates and a link to remove each (traders' and staff pages). */
export function PasskeyTable(props: { c: AppContext; passkeys: PasskeyView[]; removeHref: (id: string) => string }) {
  const m = messages(props.c.get("locale")).factors;
  const locale = props.c.get("locale");
  if (props.passkeys.length === 0) return null;
  return (
    <Table caption={m.passkeysCaption} hideCaption testid="passkeys">
      <thead>
        <tr>
          <th scope="col">{m.colName}</th>
          <th scope="col">{m.colAdded}</th>
          <th scope="col">{m.colLastUsed}</th>
          <th scope="col">{m.colActions}</th>
        </tr>
      </thead>
      <tbody>
        {props.passkeys.map((p) => (
          <tr data-passkey={p.name}>
            <th scope="row">{p.name}</th>
            <td>{formatDate(locale, p.createdAt)}</td>
            <td>{p.lastUsedAt ? formatDateTime(locale, p.lastUsedAt) : m.never}</td>
            <td>
              <gcds-link href={props.removeHref(p.id)}>{m.removePasskeyLink(p.name)}</gcds-link>
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/**
 * Adding a passkey (traders and staff): the name, then the browser's ceremony. `unsupported` says
 * what to use on a device without passkeys (traders' message by default).
 */
export function AddPasskeyPage(props: {
  c: AppContext;
  options: PublicKeyCredentialCreationOptionsJSON;
  errors: FieldErrors;
  values: Record<string, string>;
  back: Child;
  before?: Child;
  unsupported?: string;
}) {
  const m = messages(props.c.get("locale")).factors;
  return (
    <>
      {props.before}
      <gcds-heading tag="h1">{m.addPasskeyTitle}</gcds-heading>
      <ErrorSummary c={props.c} errors={props.errors} />
      <gcds-text>{m.passkeyWhat}</gcds-text>
      <ol class="ttp-list">
        {m.addPasskeySteps.map((step) => (
          <li>{step}</li>
        ))}
      </ol>
      <PasskeyCeremony c={props.c} kind="register" options={props.options} unsupported={props.unsupported ?? m.noPasskeyDevice} button={m.createPasskeyButton} id="passkey-form" testid="add-passkey-form">
        <Input name="name" label={m.passkeyName} hint={m.passkeyNameHint} required errors={props.errors} value={props.values.name} autocomplete="off" />
      </PasskeyCeremony>
      {props.back}
      <WebauthnScripts />
    </>
  );
}
