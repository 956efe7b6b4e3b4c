// Form helpers shared by every feature.
import type { AppContext } from "./context.ts";
import { CSRF_FIELD } from "./middleware/csrf.ts";

/** The hidden CSRF proof (SEC-1); every <form method="post"> includes it. */
export function CsrfField(props: { c: AppContext }) {
  return <input type="hidden" name={CSRF_FIELD} value={props.c.get("csrfToken")} />;
}
