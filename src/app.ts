// The Hono app: cross-cutting middleware first, then one router per feature.
import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { sql } from "kysely";
import type { AppDeps, AppEnv } from "./web/context.ts";
import { requestContext } from "./web/middleware/request.ts";
import { requestMetrics } from "./web/middleware/metrics.ts";
import { metricsRoutes } from "./web/metrics-routes.ts";
import { securityHeaders } from "./web/middleware/security-headers.ts";
import { csrfProtection } from "./web/middleware/csrf.ts";
import { errorPage, newErrorReference, type ErrorKind } from "./web/errors.tsx";
import { assetRoutes } from "./web/assets.ts";
import { homeRoutes } from "./features/home/routes.tsx";
import { identityRoutes } from "./features/identity/routes.tsx";
import { registrationRoutes } from "./features/registration/routes.tsx";
import { companyRoutes } from "./features/companies/routes.tsx";
import { DASHBOARD_READS } from "./features/companies/service.ts";
import { DIVISION_READS } from "./features/profiles/service.ts";
import { USERS_READS } from "./features/users/list.ts";
import { EVIDENCE_UPLOAD_PATH, profileRoutes } from "./features/profiles/routes.tsx";
import { userRoutes } from "./features/users/routes.tsx";
import { applicationsRoutes } from "./features/applications/routes.tsx";
import { memberRoutes } from "./features/applications/member-routes.tsx";
import { recordRoutes } from "./features/record/routes.ts";
import { reviewRoutes } from "./features/review/routes.tsx";
import { tccuRoutes } from "./features/expiry/staff-routes.tsx";
import { registrationStaffRoutes } from "./features/registration/staff-routes.tsx";
import { staffRoutes } from "./features/staff/routes.tsx";
import { helpRoutes } from "./features/help/routes.tsx";
import { currentStaffSession, staffCookieName, staffSessionContext } from "./features/staff/sessions.ts";
import { sessionContext, sessionCookieName } from "./web/middleware/session.ts";
import { noStoreWhenSignedIn } from "./web/middleware/no-store.ts";
import { trailingSlashRedirect } from "./web/middleware/trailing-slash.ts";
import { BodyUnreadable, FormCharactersRefused, refusedCharactersPage } from "./web/forms.tsx";
import { demoPartnerRoutes } from "./dev/demo-partner/index.ts";
import { mailboxRoutes } from "./dev/mailbox.tsx";
import { testClockRoutes } from "./dev/test-clock.ts";
import { LANG } from "./web/paths.ts";

/** Largest request body accepted by form routes (SEC-6). */
export const MAX_FORM_BODY_BYTES = 64 * 1024;

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const { config, logger } = deps;
  const https = config.baseUrl.startsWith("https://");
  const app = new Hono<AppEnv>();

  app.use("*", requestMetrics());
  app.use("*", requestContext(logger, config.trustProxyHops));
  // Who pages tell people to contact (web/contact.tsx), error pages included.
  app.use("*", (c, next) => {
    c.set("contacts", config.contacts);
    return next();
  });
  app.use("*", securityHeaders({ https }));
  app.use("*", trailingSlashRedirect());

  app.route("/", assetRoutes());
  app.get("/healthz", (c) => c.text("ok"));
  app.route("/", metricsRoutes(deps));
  // Ready: the database answers and the configured mail service can be reached.
  app.get("/readyz", async (c) => {
    try {
      await sql`select 1`.execute(deps.db);
    } catch (err) {
      logger.error({ err }, "readiness check failed: database");
      return c.text("database unavailable", 503);
    }
    try {
      await deps.mailTransport.check?.();
    } catch (err) {
      logger.error({ err, mail: deps.mailTransport.kind }, "readiness check failed: mail");
      return c.text("mail unavailable", 503);
    }
    return c.text("ready");
  });

  // The demo Sign-In Partner stands in for another site: mounted before our body limit and
  // CSRF middleware, it guards its own sign-in form (with our CSRF check). Development only.
  if (!config.isProduction && config.partner.issuer === "demo") app.route("/", demoPartnerRoutes(deps));

  // Forms are small; an evidence upload streams its file under its own limits (web/multipart.ts).
  const formLimit = readableBody(bodyLimit({ maxSize: MAX_FORM_BODY_BYTES, onError: (c) => errorPage(c as never, "tooLarge") }));
  const streamsUpload = (c: { req: { method: string; path: string; header(name: string): string | undefined } }) =>
    c.req.method === "POST" && EVIDENCE_UPLOAD_PATH.test(c.req.path) && (c.req.header("content-type") ?? "").startsWith("multipart/form-data");
  // A GET or HEAD has no body to limit (and asking for one would build the whole web Request).
  const limitForms: MiddlewareHandler<AppEnv> = (c, next) =>
    c.req.method === "GET" || c.req.method === "HEAD" || streamsUpload(c) ? next() : formLimit(c, next);
  app.use("*", limitForms);
  app.use(
    "*",
    csrfProtection({
      baseUrl: config.baseUrl,
      https,
      tokenExemptPrefixes: ["/__test/"],
      streamingUploadPaths: [EVIDENCE_UPLOAD_PATH],
      onRefused: (c) => Promise.resolve(errorPage(c, "csrf")),
    }),
  );

  // The pages most viewed read their data with the session: one round trip (DESIGN.md "Performance").
  app.use("*", sessionContext(deps, [...DASHBOARD_READS, ...DIVISION_READS, ...USERS_READS]));
  app.use("*", staffSessionContext(deps));
  // SEC-8: nothing a signed-in trader or staff member is shown is kept in a cache.
  app.use(
    "*",
    noStoreWhenSignedIn({
      signedIn: (c) => c.get("session") !== null || currentStaffSession(c) !== null,
      sessionCookies: [sessionCookieName(https), staffCookieName(https)],
    }),
  );

  app.route("/", homeRoutes());
  app.route("/", helpRoutes());
  app.route("/", identityRoutes(deps));
  app.route("/", registrationRoutes(deps));
  app.route("/", companyRoutes(deps));
  app.route("/", userRoutes(deps));
  app.route("/", profileRoutes(deps));
  app.route("/", applicationsRoutes(deps));
  app.route("/", memberRoutes(deps));
  app.route("/", recordRoutes(deps));
  app.route("/", staffRoutes(deps));
  app.route("/", registrationStaffRoutes(deps));
  app.route("/", tccuRoutes(deps));
  app.route("/", reviewRoutes(deps));

  if (!config.isProduction && deps.mailTransport.kind === "dev-mailbox") app.route("/", mailboxRoutes(deps));
  if (deps.testClock) {
    app.route("/", testClockRoutes(deps.testClock));
    // Lets tests look at the 500 page; exists only with TEST_CLOCK=1.
    app.get(`${LANG}/__test/error`, () => {
      throw new Error("deliberate test failure");
    });
  }

  app.notFound((c) => errorPage(c, "notFound"));
  app.onError((err, c) => {
    if (err instanceof FormCharactersRefused) {
      logger.info({ requestId: c.get("requestId"), path: c.req.path, fields: err.fields.slice(0, 10) }, "form refused: control characters");
      return refusedCharactersPage(c);
    }
    if (err instanceof BodyUnreadable) {
      // A client that went away (or broke off its upload) mid-body: its fault, not ours.
      logger.warn({ requestId: c.get("requestId"), path: c.req.path, reason: err.reason }, "request body could not be read");
      return errorPage(c, "badRequest");
    }
    if (err instanceof HTTPException && err.status < 500) {
      const kind: ErrorKind = err.status === 404 ? "notFound" : err.status === 413 ? "tooLarge" : err.status === 403 ? "forbidden" : "badRequest";
      return errorPage(c, kind);
    }
    // The reference the page shows, short enough to read over the telephone (web/errors.tsx).
    const reference = newErrorReference();
    logger.error({ err, reference, requestId: c.get("requestId"), path: c.req.path }, "unhandled error");
    return errorPage(c, "serverError", { reference });
  });

  return app;
}

/**
 * Hono's body limit reads a body sent without Content-Length to count it: a client that breaks
 * off mid-way makes that read fail, which is a bad request, not a server error (SEC-6).
 */
function readableBody(limit: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let downstream = false;
    try {
      return await limit(c, () => {
        downstream = true;
        return next();
      });
    } catch (err) {
      if (downstream) throw err;
      throw new BodyUnreadable(err);
    }
  };
}
