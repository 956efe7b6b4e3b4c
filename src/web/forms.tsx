// Form helpers shared by every feature: GC Design System fields with server-side errors
// rendered into their error-message attributes and an error summary, and the CSRF
// proof in every form (SEC-1). Forms post back to their own URL (post/redirect/get).
import type { Child } from "hono/jsx";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { HTTPException } from "hono/http-exception";
import type { AppContext } from "./context.ts";
import { CSRF_FIELD } from "./middleware/csrf.ts";
import { messages } from "./i18n/index.ts";
import { renderPage } from "./render.tsx";
import { hasForbiddenControls, type FormBody } from "./validation.ts";

/** Field name → message already in the page's language. */
export type FieldErrors = Record<string, string>;

/** The hidden CSRF proof (SEC-1); every <form method="post"> includes it. */
export function CsrfField(props: { c: AppContext }) {
  return <input type="hidden" name={CSRF_FIELD} value={props.c.get("csrfToken")} />;
}

/** A POST form to `action` (its own URL by default) with the CSRF proof. */
export function PostForm(props: { c: AppContext; action?: string; children?: Child; id?: string }) {
  return (
    <form method="post" action={props.action ?? new URL(props.c.req.url).pathname} novalidate id={props.id}>
      <CsrfField c={props.c} />
      {props.children}
    </form>
  );
}

/**
 * PostForm as an escaping template, for the rows of a long table written as templates (the
 * officers' queue): the same markup, the same CSRF proof.
 */
export function postFormHtml(c: AppContext, action: string, children: HtmlEscapedString | Promise<HtmlEscapedString>) {
  return html`<form method="post" action="${action}" novalidate=""><input type="hidden" name="${CSRF_FIELD}" value="${c.get("csrfToken")}"/>${children}</form>`;
}

/**
 * The error summary at the top of a form; nothing when there are no errors. Its links point at
 * `#field`: each field helper puts that id on the component's host element, where the design
 * system looks for it to move the focus into the field.
 */
export function ErrorSummary(props: { c: AppContext; errors: FieldErrors }) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  const links = Object.fromEntries(entries.map(([field, message]) => [`#${field}`, message]));
  return (
    <gcds-error-summary heading={messages(props.c.get("locale")).forms.errorSummary} error-links={JSON.stringify(links)} lang={props.c.get("locale")}></gcds-error-summary>
  );
}

export interface InputProps {
  name: string;
  label: string;
  errors: FieldErrors;
  value?: string | undefined;
  hint?: string | undefined;
  type?: "text" | "email" | "password" | "tel" | "number";
  autocomplete?: string;
  required?: boolean;
  size?: number;
  inputmode?: string;
}

export function Input(p: InputProps) {
  return (
    <gcds-input
      id={p.name}
      input-id={p.name}
      name={p.name}
      label={p.label}
      type={p.type ?? "text"}
      value={p.type === "password" ? undefined : p.value}
      hint={p.hint}
      autocomplete={p.autocomplete}
      required={p.required ?? false}
      size={p.size}
      inputmode={p.inputmode}
      error-message={p.errors[p.name]}
      validate-on="other"
    ></gcds-input>
  );
}

export interface RadiosProps {
  name: string;
  legend: string;
  options: { value: string; label: string; hint?: string }[];
  errors: FieldErrors;
  value?: string | undefined;
  hint?: string;
  required?: boolean;
}

export function Radios(p: RadiosProps) {
  const options = p.options.map((o) => ({
    id: `${p.name}-${o.value}`,
    label: o.label,
    value: o.value,
    ...(o.hint ? { hint: o.hint } : {}),
    ...(o.value === p.value ? { checked: true } : {}),
  }));
  return (
    <gcds-radios
      name={p.name}
      legend={p.legend}
      hint={p.hint}
      options={JSON.stringify(options)}
      required={p.required ?? false}
      error-message={p.errors[p.name]}
      validate-on="other"
      id={p.name}
    ></gcds-radios>
  );
}

export function Textarea(p: { name: string; label: string; hint?: string | undefined; value?: string; errors: FieldErrors; required?: boolean; rows?: number }) {
  return (
    <gcds-textarea
      id={p.name}
      textarea-id={p.name}
      name={p.name}
      label={p.label}
      hint={p.hint}
      value={p.value ?? ""}
      rows={p.rows ?? 4}
      required={p.required ?? false}
      error-message={p.errors[p.name]}
      validate-on="other"
    ></gcds-textarea>
  );
}

/**
 * One checkbox (an agreement). The host carries the field's id, like every other field, so the
 * error summary's link (#name) finds it and moves focus into the box (the component delegates
 * focus); the box inside the shadow root has the same id, which its label and error point at.
 */
export function Checkbox(p: { name: string; label: string; legend: string; errors: FieldErrors; checked?: boolean; required?: boolean }) {
  return (
    <gcds-checkboxes
      id={p.name}
      name={p.name}
      legend={p.legend}
      options={JSON.stringify([{ id: p.name, label: p.label, value: "yes", ...(p.checked ? { checked: true } : {}) }])}
      required={p.required ?? false}
      error-message={p.errors[p.name]}
      validate-on="other"
    ></gcds-checkboxes>
  );
}

export function SubmitButton(props: { children: Child; name?: string; value?: string; role?: "primary" | "secondary" | "danger" }) {
  return (
    <gcds-button type="submit" button-role={props.role ?? "primary"} name={props.name} value={props.value}>
      {props.children}
    </gcds-button>
  );
}

/** A form post's fields (repeated fields as arrays); {} for any other body. The CSRF
 * middleware has already parsed it (a malformed body never gets here), so this is cached. */
export type { FormBody } from "./validation.ts";

/**
 * A form whose text holds control characters (SEC-6): NUL, every other C0 control and DEL —
 * tab, line feed and carriage return only in a field read as multi-line. Quietly dropping them
 * would save something other than what was sent: the whole form is refused (422, a page in the
 * page's language) before the handler reads a field, so nothing is saved.
 */
export class FormCharactersRefused extends HTTPException {
  constructor(readonly fields: string[]) {
    super(422, { message: "form text with control characters" });
  }
}

/** A request body that could not be read to its end: the client broke off (SEC-6, a 400). */
export class BodyUnreadable extends HTTPException {
  readonly reason: string;
  constructor(cause: unknown) {
    super(400, { message: "request body could not be read", cause });
    this.reason = cause instanceof Error ? cause.message : String(cause);
  }
}

/** The page for FormCharactersRefused: what was wrong, and that nothing was saved. */
export function refusedCharactersPage(c: AppContext): Response | Promise<Response> {
  const t = messages(c.get("locale"));
  return renderPage(
    c,
    t.errors.forbiddenCharactersTitle,
    <>
      <gcds-heading tag="h1">{t.errors.forbiddenCharactersTitle}</gcds-heading>
      <gcds-text>{t.forms.forbiddenCharacters}</gcds-text>
      <gcds-text>{t.errors.forbiddenCharacters}</gcds-text>
    </>,
    422,
  );
}

export interface ReadFormOptions {
  /** Fields that are multi-line text (a textarea): they may hold tabs and line breaks. */
  multiline?: readonly string[];
}

/**
 * The posted form's fields. Refuses (throws) a body that could not be read to its end
 * (BodyUnreadable, a 400) and a form with control characters in its text (FormCharactersRefused,
 * a 422); app.ts turns both into pages.
 */
export async function readForm(c: AppContext, options: ReadFormOptions = {}): Promise<FormBody> {
  const type = c.req.header("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) return {};
  let body: FormBody;
  try {
    body = await c.req.parseBody({ all: true });
  } catch (err) {
    throw new BodyUnreadable(err);
  }
  const multiline = new Set(options.multiline);
  const refused = Object.entries(body)
    .filter(([name, value]) => hasForbiddenControls(name) || (Array.isArray(value) ? value : [value]).some((v) => typeof v === "string" && hasForbiddenControls(v, multiline.has(name))))
    .map(([name]) => name);
  if (refused.length > 0) throw new FormCharactersRefused(refused);
  return body;
}

/** The string value of a form field, or "" when absent or not a string. */
export function field(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  return typeof v === "string" ? v : "";
}

export function Checkboxes(p: { name: string; legend: string; hint?: string; options: { value: string; label: string }[]; values: string[]; errors: FieldErrors; required?: boolean }) {
  const options = p.options.map((o) => ({ id: `${p.name}-${o.value}`, label: o.label, value: o.value, ...(p.values.includes(o.value) ? { checked: true } : {}) }));
  return (
    <gcds-checkboxes
      name={p.name}
      legend={p.legend}
      hint={p.hint}
      options={JSON.stringify(options)}
      required={p.required ?? false}
      error-message={p.errors[p.name]}
      validate-on="other"
      id={p.name}
    ></gcds-checkboxes>
  );
}

export function Select(p: { name: string; label: string; hint?: string; placeholder: string; options: { value: string; label: string }[]; value?: string; errors: FieldErrors; required?: boolean }) {
  return (
    <gcds-select id={p.name} select-id={p.name} name={p.name} label={p.label} hint={p.hint} required={p.required ?? false} error-message={p.errors[p.name]} validate-on="other" value={p.value}>
      <option value="">{p.placeholder}</option>
      {p.options.map((o) => (
        <option value={o.value} selected={o.value === p.value}>
          {o.label}
        </option>
      ))}
    </gcds-select>
  );
}
