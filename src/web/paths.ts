// Route path pieces shared by every router.

/** The language segment of every page route: /en/… or /fr/…. The group matters:
 * Hono's combined router misreads a bare `en|fr` alternation in mounted sub-apps. */
export const LANG = "/:lang{(?:en|fr)}";

/** Where the Sign-In Partner sends the person back (registered with the partner). */
export const PARTNER_CALLBACK_PATH = "/auth/partner/callback";

/** A company's pages: /{lang}/companies/{id}/… — every route under it declares its action
 * with companyAction() (web/middleware/company-access.tsx). */
export const COMPANY = `${LANG}/companies/:companyId{[0-9]{1,18}}`;
