// The Demo Bank's pages: deliberately plain HTML (it stands for another site, so it does not
// wear the Government of Canada chrome), accessible (language, title, landmarks, one h1,
// labelled field with its error tied to it) and with no script at all, so the portal's CSP
// (`script-src 'self'`) holds. Styles are one <style> block (the CSP allows inline styles).
import type { Child } from "hono/jsx";
import type { Locale } from "../../domain/locale.ts";
import { demoBankMessages } from "./messages.ts";

const STYLE = `
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.125rem;line-height:1.5;color:#1b1b1b;background:#f4f4f4}
header{background:#0b3d2e;color:#fff;padding:.75rem 1.5rem}
header p{margin:0;font-weight:700;font-size:1.25rem}
main{max-width:32rem;margin:2rem auto;background:#fff;padding:1.5rem 2rem;border:1px solid #b1b1b1}
h1{font-size:1.75rem;margin:0 0 1rem}
.notice{border-left:.35rem solid #0b3d2e;padding:.25rem 0 .25rem .75rem;background:#eef5f2}
label{display:block;font-weight:700;margin-top:1rem}
.hint{display:block;color:#3d3d3d;font-size:1rem}
.error{color:#b3001b;font-weight:700;display:block}
.summary{border:.2rem solid #b3001b;padding:.5rem 1rem;margin-bottom:1rem}
.summary h2{font-size:1.25rem;margin:0}
.summary a{color:#b3001b}
input{display:block;font:inherit;padding:.4rem;width:100%;box-sizing:border-box;border:2px solid #3d3d3d;margin-top:.25rem}
input[aria-invalid=true]{border-color:#b3001b}
.actions{margin-top:1.5rem;display:flex;flex-wrap:wrap;gap:1rem}
button{font:inherit;padding:.5rem 1rem;border:2px solid #0b3d2e;cursor:pointer}
button.primary{background:#0b3d2e;color:#fff}
button.secondary{background:#fff;color:#0b3d2e}
button:focus,input:focus,a:focus{outline:3px solid #ffbf47;outline-offset:2px}
pre{white-space:pre-wrap;word-break:break-word;background:#f4f4f4;padding:.5rem}
`;

function Page(props: { locale: Locale; title: string; children?: Child }) {
  const t = demoBankMessages(props.locale);
  return (
    <html lang={props.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} — ${t.bankName}`}</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <header>
          <p>{t.bankName}</p>
        </header>
        <main>
          {props.children}
        </main>
      </body>
    </html>
  );
}

export interface LoginPageProps {
  locale: Locale;
  action: string;
  csrfToken: string;
  username: string;
  error?: string;
}

export function LoginPage(props: LoginPageProps) {
  const t = demoBankMessages(props.locale);
  const title = props.error ? `${t.errorPrefix} ${t.loginTitle}` : t.loginTitle;
  return (
    <Page locale={props.locale} title={title}>
      {props.error ? (
        <div class="summary" role="alert" aria-labelledby="summary-heading">
          <h2 id="summary-heading">{t.errorSummary}</h2>
          <ul>
            <li>
              <a href="#username">{props.error}</a>
            </li>
          </ul>
        </div>
      ) : null}
      <h1>{t.loginTitle}</h1>
      <p class="notice">{t.devNotice}</p>
      <p>{t.intro}</p>
      <form method="post" action={props.action} novalidate>
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <label for="username">{t.usernameLabel}</label>
        <span class="hint" id="username-hint">
          {t.usernameHint}
        </span>
        {props.error ? (
          <span class="error" id="username-error">
            {`${t.errorPrefix} ${props.error}`}
          </span>
        ) : null}
        <input
          type="text"
          id="username"
          name="username"
          value={props.username}
          autocomplete="username"
          autocapitalize="none"
          spellcheck={false}
          aria-describedby={props.error ? "username-hint username-error" : "username-hint"}
          aria-invalid={props.error ? "true" : undefined}
        />
        <div class="actions">
          <button type="submit" class="primary" name="action" value="login">
            {t.signIn}
          </button>
          <button type="submit" class="secondary" name="action" value="cancel">
            {t.cancel}
          </button>
        </div>
      </form>
    </Page>
  );
}

export function ErrorPage(props: { locale: Locale; details: Record<string, string> }) {
  const t = demoBankMessages(props.locale);
  const entries = Object.entries(props.details);
  return (
    <Page locale={props.locale} title={t.errorTitle}>
      <h1>{t.errorTitle}</h1>
      <p>{t.errorIntro}</p>
      {entries.length > 0 ? (
        <>
          <h2>{t.errorDetails}</h2>
          <pre lang="en">{entries.map(([k, v]) => `${k}: ${v}`).join("\n")}</pre>
        </>
      ) : null}
    </Page>
  );
}

/** The full document as text: doctype and page. */
export async function renderDocument(page: string | Promise<string>): Promise<string> {
  const node = await page;
  // A hono/jsx node renders itself in toString() (a promise when a component is async).
  return `<!doctype html>${await (node as { toString(): string | Promise<string> }).toString()}`;
}
