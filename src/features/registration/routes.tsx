// HTTP routes of company registration and activation (trader side), up to the owner's
// acceptance of the terms; the dashboard is the companies feature's.
import { Hono } from "hono";
import type { AppContext, AppDeps, AppEnv } from "../../web/context.ts";
import { COMPANY, LANG } from "../../web/paths.ts";
import { formatTime, messages } from "../../web/i18n/index.ts";
import { renderPage } from "../../web/render.tsx";
import { errorPage } from "../../web/errors.tsx";
import { readForm, type FieldErrors } from "../../web/forms.tsx";
import { contactsOf } from "../../web/contact.tsx";
import { requireSignedIn } from "../../web/middleware/session.ts";
import { companyAction } from "../../web/middleware/company-access.tsx";
import { calendarDate } from "../../platform/clock.ts";
import { assessEligibility } from "../../domain/eligibility.ts";
import { requestMeta } from "../../web/request-meta.ts";
import { identityNeeds, parseEligibility, parseIdentity, type Values } from "./schema.ts";
import { parseAddress } from "../../web/address.tsx";
import * as service from "./service.ts";
import * as activation from "./activation.ts";
import * as views from "./views.tsx";


export function registrationRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const r = (c: AppContext) => messages(c.get("locale")).registration;
  const lang = (c: AppContext) => c.get("locale");

  app.get(`${LANG}/registration`, async (c) => {
    const s = requireSignedIn(c);
    if ("redirect" in s) return s.redirect;
    const now = deps.clock.now();
    const pending = await service.pendingRegistrations(deps, s.session.personId);
    const q = c.req.query();
    // Right after registering: the newest pending registration is the one just made.
    const registered = q.registered !== undefined ? pending[pending.length - 1] : undefined;
    const notice = q.newcode !== undefined ? r(c).newCodeNotice : undefined;
    return renderPage(c, r(c).hubTitle, <views.HubPage c={c} pending={pending} today={calendarDate(now)} now={now} notice={notice} registered={registered} />);
  });

  // ---- register: eligibility → identity → address → confirm -----------------------------------
  app.get(`${LANG}/registration/eligibility`, async (c) => {
    const s = requireSignedIn(c);
    if ("redirect" in s) return s.redirect;
    const draft = await service.getDraft(deps, s.session.personId);
    const a = draft.eligibility?.answers;
    const values: Values = a
      ? {
          country: a.country,
          lines: a.linesOfBusiness,
          ...Object.fromEntries(
            Object.entries(a)
              .filter(([, v]) => typeof v === "boolean")
              .map(([k, v]) => [k, v ? "yes" : "no"]),
          ),
        }
      : {};
    return renderPage(c, r(c).eligibilityTitle, <views.EligibilityPage c={c} errors={{}} values={values} />);
  });
  app.post(`${LANG}/registration/eligibility`, async (c) => {
    const s = requireSignedIn(c);
    if ("redirect" in s) return s.redirect;
    const parsed = parseEligibility(lang(c), await readForm(c));
    if (!parsed.ok) return renderPage(c, r(c).eligibilityTitle, <views.EligibilityPage c={c} errors={parsed.errors} values={parsed.values} />, 422);
    const assessment = assessEligibility(parsed.answers);
    if (assessment.outcome !== "eligible") await service.discardDraft(deps, s.session.personId);
    if (assessment.outcome === "contact-program") return renderPage(c, r(c).contactProgramTitle, <views.ContactProgramPage c={c} />);
    if (assessment.outcome === "ineligible") return renderPage(c, r(c).ineligibleTitle, <views.IneligiblePage c={c} failures={assessment.failures} />, 422);
    const draft = await service.getDraft(deps, s.session.personId);
    const sameAnswers = JSON.stringify(draft.eligibility?.answers) === JSON.stringify(parsed.answers);
    // New answers may change what the identity and address need: those steps start again.
    await service.saveDraft(
      deps,
      s.session.personId,
      sameAnswers ? draft : { eligibility: { answers: parsed.answers, portalLines: assessment.portalLines } },
    );
    return c.redirect(`/${lang(c)}/registration/identity`, 303);
  });

  app.get(`${LANG}/registration/identity`, async (c) => {
    const s = requireSignedIn(c);
    if ("redirect" in s) return s.redirect;
    const draft = await service.getDraft(deps, s.session.personId);
    if (!draft.eligibility) return c.redirect(`/${lang(c)}/registration/eligibility`, 303);
    const country = draft.eligibility.answers.country === "US" ? "US" : "CA";
    const id = draft.identity;
    const values: Values = id
      ? {
          legalName: id.legalName,
          operatingName: id.operatingName ?? "",
          businessNumber: id.programAccount ?? id.bn9 ?? "",
          carrierCode: id.carrierCode ?? "",
          correspondenceLocale: id.correspondenceLocale,
        }
      : {};
    const dropped = draft.eligibility.portalLines.length < draft.eligibility.answers.linesOfBusiness.length;
    return renderPage(
      c,
      r(c).identityTitle,
      <views.IdentityPage c={c} errors={{}} values={values} needs={identityNeeds(country, draft.eligibility.portalLines)} droppedLines={dropped} />,
    );
  });
  app.post(`${LANG}/registration/identity`, async (c) => {
    const s = requireSignedIn(c);
    if ("redirect" in s) return s.redirect;
    const draft = await service.getDraft(deps, s.session.personId);
    if (!draft.eligibility) return c.redirect(`/${lang(c)}/registration/eligibility`, 303);
    const country = draft.eligibility.answers.country === "US" ? "US" : "CA";
    const needs = identityNeeds(country, draft.eligibility.portalLines);
    const parsed = parseIdentity(lang(c), await readForm(c), needs);
    const dropped = draft.eligibility.portalLines.length < draft.eligibility.answers.linesOfBusiness.length;
    if (!parsed.ok) return renderPage(c, r(c).identityTitle, <views.IdentityPage c={c} errors={parsed.errors} values={parsed.values} needs={needs} droppedLines={dropped} />, 422);
    if (parsed.identity.bn9 && (await service.businessNumberTaken(deps, parsed.identity.bn9))) {
      const errors: FieldErrors = { businessNumber: r(c).bnTaken };
      const values: Values = Object.fromEntries(Object.entries(await readForm(c)).map(([k, v]) => [k, typeof v === "string" ? v : ""]));
      return renderPage(c, r(c).identityTitle, <views.IdentityPage c={c} errors={errors} values={values} needs={needs} droppedLines={dropped} />, 422);
    }
    await service.saveDraft(deps, s.session.personId, { ...draft, identity: parsed.identity });
    return c.redirect(`/${lang(c)}/registration/address`, 303);
  });

  app.get(`${LANG}/registration/address`, async (c) => {
    const s = requireSignedIn(c);
    if ("redirect" in s) return s.redirect;
    const draft = await service.getDraft(deps, s.session.personId);
    if (!draft.eligibility || !draft.identity) return c.redirect(`/${lang(c)}/registration/identity`, 303);
    const country = draft.eligibility.answers.country === "US" ? "US" : "CA";
    const a = draft.address;
    const values: Values = a ? { line1: a.line1, line2: a.line2, city: a.city, region: a.region, postalCode: a.postalCode } : {};
    return renderPage(c, r(c).addressTitle, <views.AddressPage c={c} errors={{}} values={values} country={country} />);
  });
  app.post(`${LANG}/registration/address`, async (c) => {
    const s = requireSignedIn(c);
    if ("redirect" in s) return s.redirect;
    const draft = await service.getDraft(deps, s.session.personId);
    if (!draft.eligibility || !draft.identity) return c.redirect(`/${lang(c)}/registration/identity`, 303);
    const country = draft.eligibility.answers.country === "US" ? "US" : "CA";
    const parsed = parseAddress(lang(c), await readForm(c), country);
    if (!parsed.ok) return renderPage(c, r(c).addressTitle, <views.AddressPage c={c} errors={parsed.errors} values={parsed.values} country={country} />, 422);
    await service.saveDraft(deps, s.session.personId, { ...draft, address: parsed.address });
    return c.redirect(`/${lang(c)}/registration/confirm`, 303);
  });

  app.get(`${LANG}/registration/confirm`, async (c) => {
    const s = requireSignedIn(c);
    if ("redirect" in s) return s.redirect;
    const draft = await service.getDraft(deps, s.session.personId);
    if (!draft.eligibility || !draft.identity || !draft.address) return c.redirect(`/${lang(c)}/registration/address`, 303);
    const full = draft as Required<service.RegistrationDraft>;
    return renderPage(c, r(c).confirmTitle, <views.ConfirmPage c={c} draft={full} printed={service.printedAddress(full.identity.legalName, full.address)} />);
  });
  app.post(`${LANG}/registration/confirm`, async (c) => {
    const s = requireSignedIn(c);
    if ("redirect" in s) return s.redirect;
    const result = await service.registerCompany(deps, s.session.personId, requestMeta(c));
    if (result.ok) return c.redirect(`/${lang(c)}/registration?registered=1`, 303);
    if (result.reason === "already-confirmed") return c.redirect(`/${lang(c)}/registration`, 303);
    if (result.reason === "incomplete") return c.redirect(`/${lang(c)}/registration/eligibility`, 303);
    const draft = (await service.getDraft(deps, s.session.personId)) as Required<service.RegistrationDraft>;
    return renderPage(
      c,
      r(c).confirmTitle,
      <views.ConfirmPage c={c} draft={draft} printed={service.printedAddress(draft.identity.legalName, draft.address)} error={r(c).bnTaken} />,
      422,
    );
  });

  // ---- a new code ----------------------------------------------------------------------------
  app.get(`${LANG}/registration/new-code`, async (c) => {
    const s = requireSignedIn(c);
    if ("redirect" in s) return s.redirect;
    const pending = await service.pendingRegistrations(deps, s.session.personId);
    return renderPage(c, r(c).newCodePageTitle, <views.NewCodePage c={c} pending={pending} errors={{}} />);
  });
  app.post(`${LANG}/registration/new-code`, async (c) => {
    const s = requireSignedIn(c);
    if ("redirect" in s) return s.redirect;
    const body = await readForm(c);
    const companyId = typeof body.companyId === "string" && /^\d{1,18}$/.test(body.companyId) ? body.companyId : "";
    const ok = companyId ? await service.requestNewCode(deps, s.session.personId, companyId, requestMeta(c)) : false;
    if (ok) return c.redirect(`/${lang(c)}/registration?newcode=1`, 303);
    const pending = await service.pendingRegistrations(deps, s.session.personId);
    return renderPage(c, r(c).newCodePageTitle, <views.NewCodePage c={c} pending={pending} errors={{ companyId: messages(lang(c)).forms.chooseOne }} />, 422);
  });

  // ---- activation ----------------------------------------------------------------------------
  app.get(`${LANG}/registration/activate`, (c) => {
    const s = requireSignedIn(c);
    if ("redirect" in s) return s.redirect;
    return renderPage(c, r(c).activatePageTitle, <views.ActivatePage c={c} errors={{}} values={{}} />);
  });
  app.post(`${LANG}/registration/activate`, async (c) => {
    const s = requireSignedIn(c);
    if ("redirect" in s) return s.redirect;
    const t = r(c);
    const body = await readForm(c);
    const values = { clientNumber: typeof body.clientNumber === "string" ? body.clientNumber.slice(0, 40) : "", activationCode: typeof body.activationCode === "string" ? body.activationCode.slice(0, 40) : "" };
    const f = messages(lang(c)).forms;
    const errors: FieldErrors = {};
    if (!values.clientNumber.trim()) errors.clientNumber = f.required;
    if (!values.activationCode.trim()) errors.activationCode = f.required;
    let status: 422 | 429 = 422;
    if (Object.keys(errors).length === 0) {
      const result = await activation.activateCompany(deps, s.session.personId, values.clientNumber, values.activationCode, requestMeta(c));
      if (result.ok) return c.redirect(`/${lang(c)}/companies/${result.companyId}/terms`, 303);
      if (result.reason === "throttled") status = 429;
      // One message for both fields: never which half was wrong (REG-6).
      errors.activationCode =
        result.reason === "throttled"
          ? t.throttled(formatTime(lang(c), result.retryAt))
          : result.reason === "locked"
            ? t.activationLocked
            : result.reason === "locked-for-you"
              ? t.activationLockedForYou(contactsOf(c).program.email)
            : result.reason === "expired"
              ? t.activationExpired
              : result.reason === "not-designate"
                ? t.notDesignate
                : result.reason === "already"
                  ? t.alreadyActivated
                  : t.activationFailed;
    }
    return renderPage(c, t.activatePageTitle, <views.ActivatePage c={c} errors={errors} values={{ clientNumber: values.clientNumber }} />, status);
  });

  // ---- the company: terms and dashboard --------------------------------------------------------
  // Accepting the terms is the owner's alone, like submitting (USR-2), and comes before authorization.
  const ownerTerms = companyAction(deps, "account.submit", { beforeAuthorization: true });
  app.get(`${COMPANY}/terms`, ownerTerms, async (c) => {
    const access = c.get("companyAccess");
    const company = await activation.companyForMember(deps, access.personId, access.companyId);
    if (!company) return errorPage(c, "forbidden");
    if (company.status !== "activated") return c.redirect(`/${lang(c)}/companies/${company.id}`, 303);
    return renderPage(c, r(c).termsTitle, <views.CompanyTermsPage c={c} company={company} errors={{}} />);
  });
  app.post(`${COMPANY}/terms`, ownerTerms, async (c) => {
    const access = c.get("companyAccess");
    const companyId = access.companyId;
    const company = await activation.companyForMember(deps, access.personId, companyId);
    if (!company) return errorPage(c, "forbidden");
    const body = await readForm(c);
    if (body.agree !== "yes") {
      return renderPage(c, r(c).termsTitle, <views.CompanyTermsPage c={c} company={company} errors={{ agree: messages(lang(c)).forms.mustAgree }} />, 422);
    }
    const result = await activation.acceptCompanyTerms(deps, access.personId, companyId, requestMeta(c));
    if (result === "not-owner") return errorPage(c, "forbidden");
    return c.redirect(`/${lang(c)}/companies/${companyId}${result === "ok" ? "?authorized=1" : ""}`, 303);
  });

  return app;
}
