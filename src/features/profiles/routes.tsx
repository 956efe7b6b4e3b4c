// HTTP routes of the application profile (APP-3) and the security profile (APP-4): overview
// pages, one page per part or category (APP-8), lines of business, divisions. Every route
// declares its action (USR-2: admin-only users see neither profile). Forms post back to their
// own URL: 422 with the error summary, or 303 on to the next page.
import { Hono } from "hono";
import type { AppContext, AppDeps, AppEnv } from "../../web/context.ts";
import { COMPANY } from "../../web/paths.ts";
import { messages } from "../../web/i18n/index.ts";
import { renderPage } from "../../web/render.tsx";
import { errorPage } from "../../web/errors.tsx";
import { readForm, type FieldErrors } from "../../web/forms.tsx";
import { companyAction } from "../../web/middleware/company-access.tsx";
import { requestMeta } from "../../web/request-meta.ts";
import { cleanText } from "../../web/validation.ts";
import { CATEGORY_IDS, PORTAL_LINES, type CatalogueItem, type CategoryId, type PortalLine } from "../../domain/catalogue/index.ts";
import * as changes from "./changes.ts";
import * as service from "./service.ts";
import { multilineFields, problemErrors, readItems, storedValues, type FormValues } from "./schema.ts";
import * as views from "./views.tsx";
import * as evidence from "./evidence.ts";
import { attachmentResponse } from "../../web/attachment.ts";

const PART = `:part{(?:general|${PORTAL_LINES.join("|")})}`;
const LINE = `:line{(?:${PORTAL_LINES.join("|")})}`;
const CATEGORY = `:category{(?:${CATEGORY_IDS.join("|")})}`;
const DIVISION = `:divisionId{[0-9]{1,18}}`;
const FILE = `:fileId{[0-9]{1,18}}`;

/** Evidence uploads (and the files of an action plan or an appeal, features/applications) stream their body (web/multipart.ts): app.ts keeps its form-size limit and the
 * CSRF middleware's body parsing off these paths, and evidence.ts checks the form's token itself. */
export const EVIDENCE_UPLOAD_PATH = /^\/(?:en|fr)\/companies\/[0-9]{1,18}\/(?:application|security\/divisions\/[0-9]{1,18}|action-plan|appeal)\/evidence$/;

const maxFileMb = (deps: AppDeps) => Math.round(deps.config.evidence.maxFileBytes / (1024 * 1024));

export function profileRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const t = (c: AppContext) => messages(c.get("locale"));
  const lang = (c: AppContext) => c.get("locale");
  const base = (c: AppContext) => `/${lang(c)}/companies/${c.get("companyAccess").companyId}`;
  const companyId = (c: AppContext) => c.get("companyAccess").companyId;
  const actor = (c: AppContext): service.Actor => ({ companyId: c.get("companyAccess").companyId, personId: c.get("companyAccess").personId });

  const viewApplication = companyAction(deps, "application-profile.view");
  const updateApplication = companyAction(deps, "application-profile.update");
  const viewSecurity = companyAction(deps, "security-profile.view");
  const updateSecurity = companyAction(deps, "security-profile.update");

  const pageNotice = (c: AppContext): string | undefined => {
    const q = c.req.query();
    const p = t(c).profiles;
    return q.saved !== undefined ? p.savedNotice : q.uploaded !== undefined ? p.uploaded : q.removed !== undefined ? p.removed : undefined;
  };

  // ---- the application profile --------------------------------------------------------------

  const applicationPage = async (c: AppContext, notice?: string, lineError?: string, status: 200 | 422 = 200) => {
    const overview = await service.applicationOverview(deps, c.get("companyAccess").companyId);
    const addable = PORTAL_LINES.filter((l) => !overview.lines.includes(l));
    return renderPage(c, t(c).profiles.applicationTitle, <views.ApplicationPage c={c} base={base(c)} overview={overview} addable={addable} notice={notice} lineError={lineError} />, status);
  };

  app.get(`${COMPANY}/application`, viewApplication, (c) => {
    const p = t(c).profiles;
    const q = c.req.query();
    return applicationPage(c, q.saved !== undefined ? p.savedLaterNotice : q.added !== undefined ? p.lineAdded : q.removed !== undefined ? p.lineRemoved : undefined);
  });

  app.post(`${COMPANY}/application/lines`, updateApplication, async (c) => {
    const body = await readForm(c);
    const line = typeof body.line === "string" ? body.line : "";
    const p = t(c).profiles;
    if (!line) return applicationPage(c, undefined, t(c).forms.chooseOne, 422);
    const result = await changes.changeLine(deps, actor(c), line, "add", requestMeta(c));
    if (!result.ok) {
      if (result.reason === "forbidden") return errorPage(c, "forbidden");
      return applicationPage(c, undefined, result.reason === "division-needs-line" ? p.lineProblems["division-needs-line"](result.division ?? "") : p.lineProblems[result.reason], 422);
    }
    return c.redirect(`${base(c)}/application?added=1`, 303);
  });

  app.get(`${COMPANY}/application/lines/${LINE}/remove`, updateApplication, async (c) => {
    const line = c.req.param("line") as PortalLine;
    const { lines, answers } = await changes.lineRemoval(deps, c.get("companyAccess").companyId, line);
    if (!lines.includes(line)) return c.redirect(`${base(c)}/application`, 303);
    return renderPage(c, t(c).profiles.removeLineTitle(views.lineName(c, line)), <views.RemoveLinePage c={c} base={base(c)} line={line} answers={answers} />);
  });

  app.post(`${COMPANY}/application/lines/${LINE}/remove`, updateApplication, async (c) => {
    const line = c.req.param("line") as PortalLine;
    const p = t(c).profiles;
    const result = await changes.changeLine(deps, actor(c), line, "remove", requestMeta(c));
    if (!result.ok) {
      if (result.reason === "forbidden") return errorPage(c, "forbidden");
      const { answers } = await changes.lineRemoval(deps, c.get("companyAccess").companyId, line);
      const error = result.reason === "division-needs-line" ? p.lineProblems["division-needs-line"](result.division ?? "") : p.lineProblems[result.reason];
      return renderPage(c, p.removeLineTitle(views.lineName(c, line)), <views.RemoveLinePage c={c} base={base(c)} line={line} answers={answers} error={error} />, 422);
    }
    return c.redirect(`${base(c)}/application?removed=1`, 303);
  });

  const partPage = async (c: AppContext, extra: { values?: FormValues; errors?: FieldErrors; conflicts?: changes.Conflict[]; status?: 200 | 409 | 422; notice?: string }) => {
    const part = c.req.param("part")!;
    const page = await service.applicationPart(deps, c.get("companyAccess").companyId, part);
    if (!page) return null;
    const p = t(c).profiles;
    const name = views.lineName(c, part as PortalLine);
    return renderPage(
      c,
      p.partTitle(name),
      <views.ItemsPage
        c={c}
        title={p.partTitle(name)}
        page={page}
        values={extra.values ?? storedValues(page.items, page.stored)}
        errors={extra.errors ?? {}}
        conflicts={extra.conflicts ?? []}
        notice={extra.notice}
        back={{ href: `${base(c)}/application`, label: p.backToApplication }}
        evidenceBase={`${base(c)}/application/evidence`}
        maxFileMb={maxFileMb(deps)}
      />,
      extra.status ?? 200,
    );
  };

  app.get(`${COMPANY}/application/parts/${PART}`, viewApplication, async (c) => {
    const notice = pageNotice(c);
    return (await partPage(c, notice ? { notice } : {})) ?? c.redirect(`${base(c)}/application`, 303);
  });

  app.post(`${COMPANY}/application/parts/${PART}`, updateApplication, async (c) => {
    const part = c.req.param("part") ?? "";
    const page = await service.applicationPart(deps, c.get("companyAccess").companyId, part);
    if (!page) return c.redirect(`${base(c)}/application`, 303);
    const next = async () => {
      const parts = await service.applicationParts(deps, c.get("companyAccess").companyId);
      const i = parts.indexOf(part as (typeof parts)[number]);
      return i >= 0 && i + 1 < parts.length ? `${base(c)}/application/parts/${parts[i + 1]}?saved=1` : `${base(c)}/application?saved=1`;
    };
    return saveItems(c, "application-profile.update", service.APPLICATION, page.items, (x) => partPage(c, x), next, `${base(c)}/application?saved=1`);
  });

  /** The common save: read, save, then 422 (malformed), 409 (conflicts) or 303 onward. */
  async function saveItems(
    c: AppContext,
    action: "application-profile.update" | "security-profile.update",
    subject: string,
    items: readonly CatalogueItem[],
    render: (extra: { values?: FormValues; errors?: FieldErrors; conflicts?: changes.Conflict[]; status?: 200 | 409 | 422 }) => Promise<Response | null>,
    next: () => Promise<string>,
    later: string,
  ): Promise<Response> {
    const body = await readForm(c, { multiline: multilineFields(items) });
    const { posted, values } = readItems(items, body);
    const result = await changes.saveAnswers(deps, actor(c), action, subject, items, posted, requestMeta(c));
    if (!result.ok) {
      if (result.reason === "forbidden") return errorPage(c, "forbidden");
      const response =
        result.reason === "invalid"
          ? await render({ values, errors: problemErrors(t(c).profiles, result.problems), status: 422 })
          : await render({ values, conflicts: result.conflicts, status: 409 });
      return response ?? errorPage(c, "notFound");
    }
    return c.redirect(body.then === "later" ? later : await next(), 303);
  }

  // ---- the security profile -----------------------------------------------------------------

  app.get(`${COMPANY}/security`, viewSecurity, async (c) => {
    const q = c.req.query();
    const p = t(c).profiles;
    const overview = await service.securityOverview(deps, c.get("companyAccess").companyId);
    const notice = q.deleted !== undefined ? p.divisionDeleted : q.saved !== undefined ? p.savedLaterNotice : undefined;
    return renderPage(c, p.securityTitle, <views.SecurityPage c={c} base={base(c)} divisions={overview.divisions} progress={overview.progress} notice={notice} />);
  });

  const divisionForm = (c: AppContext, form: service.DivisionForm, d: service.Division | null, values: { name: string; lines: string[]; facilities: string[] }, errors: FieldErrors, status: 200 | 422 = 200) => {
    const p = t(c).profiles;
    const title = d ? p.editDivisionTitle(d.name) : p.newDivisionTitle;
    return renderPage(
      c,
      title,
      <views.DivisionFormPage c={c} base={base(c)} title={title} values={values} errors={errors} lines={form.lines} facilities={form.facilities} divisionId={d?.id} canDelete={form.divisions.length > 1} />,
      status,
    );
  };

  /** The posted division, checked against the company's lines and facilities. */
  const readDivision = async (c: AppContext, form: service.DivisionForm) => {
    const body = await readForm(c);
    const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === "string" && x !== "");
    const values = { name: typeof body.name === "string" ? cleanText(body.name).slice(0, 200) : "", lines: list(body.lines), facilities: list(body.facilities) };
    const errors: FieldErrors = {};
    const f = t(c).forms;
    if (!values.name) errors.name = f.required;
    else if (typeof body.name === "string" && cleanText(body.name).length > 200) errors.name = f.tooLong(200);
    if (values.lines.length === 0) errors.lines = t(c).profiles.divisionLinesRequired;
    else if (!changes.linesAllowed(form.lines, values.lines)) errors.lines = f.chooseOne;
    if (!values.facilities.every((x) => form.facilities.includes(x))) errors.facilities = f.chooseOne;
    return { values, errors };
  };

  app.get(`${COMPANY}/security/divisions/new`, updateSecurity, async (c) => divisionForm(c, await service.divisionFormPage(deps, companyId(c)), null, { name: "", lines: [], facilities: [] }, {}));
  app.post(`${COMPANY}/security/divisions/new`, updateSecurity, async (c) => {
    const form = await service.divisionFormData(deps, companyId(c));
    const { values, errors } = await readDivision(c, form);
    if (Object.keys(errors).length > 0) return divisionForm(c, form, null, values, errors, 422);
    const result = await changes.saveDivision(deps, actor(c), null, values, requestMeta(c));
    if (!result.ok) return errorPage(c, "forbidden");
    return c.redirect(`${base(c)}/security/divisions/${result.divisionId}?created=1`, 303);
  });

  /** The division of the URL with its answers and evidence (one round trip), or undefined. */
  // On a GET the division was read with the session or held since (service.DIVISION_READS, app.ts).
  const withDivision = async (c: AppContext): Promise<service.DivisionData | undefined> => {
    const folded = service.foldedDivisionData(deps.db, c.get("companyMembership")?.page, companyId(c), c.req.param("divisionId")!);
    return folded === "not-read" ? service.divisionData(deps, companyId(c), c.req.param("divisionId")!) : folded;
  };

  app.get(`${COMPANY}/security/divisions/${DIVISION}`, viewSecurity, async (c) => {
    const data = await withDivision(c);
    if (!data) return errorPage(c, "notFound");
    const d = data.division;
    const overview = service.divisionOverview(data);
    const p = t(c).profiles;
    const q = c.req.query();
    const notice = q.created !== undefined ? p.divisionCreated : q.saved !== undefined ? p.divisionSaved : q.answers !== undefined ? p.savedLaterNotice : undefined;
    return renderPage(c, d.name, <views.DivisionPage c={c} base={base(c)} division={d} categories={overview.categories} progress={overview.progress} facilities={data.facilities} notice={notice} />);
  });

  app.get(`${COMPANY}/security/divisions/${DIVISION}/edit`, updateSecurity, async (c) => {
    const form = await service.divisionFormData(deps, companyId(c));
    const d = service.divisionIn(form, c.req.param("divisionId"));
    if (!d) return errorPage(c, "notFound");
    return divisionForm(c, form, d, { name: d.name, lines: d.lines, facilities: d.facilities }, {});
  });
  app.post(`${COMPANY}/security/divisions/${DIVISION}/edit`, updateSecurity, async (c) => {
    const form = await service.divisionFormData(deps, companyId(c));
    const d = service.divisionIn(form, c.req.param("divisionId"));
    if (!d) return errorPage(c, "notFound");
    const { values, errors } = await readDivision(c, form);
    if (Object.keys(errors).length > 0) return divisionForm(c, form, d, values, errors, 422);
    const result = await changes.saveDivision(deps, actor(c), d.id, values, requestMeta(c));
    if (!result.ok) return errorPage(c, result.reason === "not-found" ? "notFound" : "forbidden");
    return c.redirect(`${base(c)}/security/divisions/${d.id}?saved=1`, 303);
  });

  app.get(`${COMPANY}/security/divisions/${DIVISION}/delete`, updateSecurity, async (c) => {
    const data = await withDivision(c);
    if (!data) return errorPage(c, "notFound");
    const d = data.division;
    return renderPage(c, t(c).profiles.deleteDivisionTitle(d.name), <views.DeleteDivisionPage c={c} base={base(c)} division={d} answered={service.divisionOverview(data).progress.answered} />);
  });
  app.post(`${COMPANY}/security/divisions/${DIVISION}/delete`, updateSecurity, async (c) => {
    const data = await withDivision(c);
    if (!data) return errorPage(c, "notFound");
    const d = data.division;
    const result = await changes.deleteDivision(deps, actor(c), d.id, requestMeta(c));
    if (!result.ok) {
      if (result.reason === "forbidden") return errorPage(c, "forbidden");
      if (result.reason === "not-found") return errorPage(c, "notFound");
      const p = t(c).profiles;
      const error = result.reason === "last-division" ? p.lastDivision : p.submittedEvidence;
      return renderPage(c, p.deleteDivisionTitle(d.name), <views.DeleteDivisionPage c={c} base={base(c)} division={d} answered={service.divisionOverview(data).progress.answered} error={error} />, 422);
    }
    for (const key of result.storageKeys) await deps.files.delete(key);
    return c.redirect(`${base(c)}/security?deleted=1`, 303);
  });

  /** A category page from what withDivision read (after a save, read again: the versions changed). */
  const categoryPage = (c: AppContext, data: service.DivisionData, extra: { values?: FormValues; errors?: FieldErrors; conflicts?: changes.Conflict[]; status?: 200 | 409 | 422; notice?: string }) => {
    const category = c.req.param("category") as CategoryId;
    const page = service.categoryPage(data, category);
    if (!page) return null;
    const d = data.division;
    const p = t(c).profiles;
    const title = p.categoryTitle(views.categoryName(c, category), d.name);
    return renderPage(
      c,
      title,
      <views.ItemsPage
        c={c}
        title={title}
        page={page}
        values={extra.values ?? storedValues(page.items, page.stored)}
        errors={extra.errors ?? {}}
        conflicts={extra.conflicts ?? []}
        notice={extra.notice}
        back={{ href: `${base(c)}/security/divisions/${d.id}`, label: p.backToDivision(d.name) }}
        evidenceBase={`${base(c)}/security/divisions/${d.id}/evidence`}
        maxFileMb={maxFileMb(deps)}
      />,
      extra.status ?? 200,
    );
  };

  app.get(`${COMPANY}/security/divisions/${DIVISION}/${CATEGORY}`, viewSecurity, async (c) => {
    const data = await withDivision(c);
    if (!data) return errorPage(c, "notFound");
    const notice = pageNotice(c);
    return (await categoryPage(c, data, notice ? { notice } : {})) ?? c.redirect(`${base(c)}/security/divisions/${data.division.id}`, 303);
  });

  app.post(`${COMPANY}/security/divisions/${DIVISION}/${CATEGORY}`, updateSecurity, async (c) => {
    const data = await withDivision(c);
    if (!data) return errorPage(c, "notFound");
    const d = data.division;
    const category = c.req.param("category") as CategoryId;
    const page = service.categoryPage(data, category);
    if (!page) return c.redirect(`${base(c)}/security/divisions/${d.id}`, 303);
    const divBase = `${base(c)}/security/divisions/${d.id}`;
    const next = () => {
      const categories = service.categoriesOf(d);
      const i = categories.indexOf(category);
      return Promise.resolve(i >= 0 && i + 1 < categories.length ? `${divBase}/${categories[i + 1]}?saved=1` : `${divBase}?answers=1`);
    };
    const render = async (x: Parameters<typeof categoryPage>[2]) => {
      const again = await withDivision(c);
      return again ? categoryPage(c, again, x) : null;
    };
    return saveItems(c, "security-profile.update", service.divisionSubject(d.id), page.items, render, next, `${divBase}?answers=1`);
  });

  // ---- evidence (APP-9) ----------------------------------------------------------------------

  type Scope = {
    action: "application-profile.update" | "security-profile.update";
    subject: string;
    items: readonly CatalogueItem[];
    /** The page an item is answered on, and how to show it again with an error. */
    pageOf: (itemId: string) => string;
    render: (itemId: string, extra: { errors: FieldErrors; status: 413 | 422 }) => Promise<Response | null>;
  };

  const applicationScope = async (c: AppContext): Promise<Scope> => {
    const companyId = c.get("companyAccess").companyId;
    const pages = await service.applicationPages(deps, companyId);
    const partOf = (itemId: string) => pages.find((p) => p.page.items.some((i) => i.id === itemId))?.part ?? "general";
    return {
      action: "application-profile.update",
      subject: service.APPLICATION,
      items: pages.flatMap((p) => p.page.items),
      pageOf: (itemId) => `${base(c)}/application/parts/${partOf(itemId)}`,
      render: async (itemId, extra) => {
        const part = partOf(itemId);
        const page = pages.find((p) => p.part === part)!.page;
        const p = t(c).profiles;
        const name = views.lineName(c, part);
        return renderPage(
          c,
          p.partTitle(name),
          <views.ItemsPage c={c} title={p.partTitle(name)} page={page} values={storedValues(page.items, page.stored)} errors={extra.errors} conflicts={[]} back={{ href: `${base(c)}/application`, label: p.backToApplication }} evidenceBase={`${base(c)}/application/evidence`} maxFileMb={maxFileMb(deps)} />,
          extra.status,
        );
      },
    };
  };

  const divisionScope = (c: AppContext, data: service.DivisionData): Scope => {
    const d = data.division;
    const categories = service.categoriesOf(d);
    const divBase = `${base(c)}/security/divisions/${d.id}`;
    const pages = categories.map((category) => ({ category, page: service.categoryPage(data, category)! }));
    const categoryOf = (itemId: string) => pages.find((p) => p.page.items.some((i) => i.id === itemId))?.category ?? categories[0]!;
    return {
      action: "security-profile.update",
      subject: service.divisionSubject(d.id),
      items: pages.flatMap((p) => p.page.items),
      pageOf: (itemId) => `${divBase}/${categoryOf(itemId)}`,
      render: async (itemId, extra) => {
        const category = categoryOf(itemId);
        const page = pages.find((p) => p.category === category)!.page;
        const p = t(c).profiles;
        const title = p.categoryTitle(views.categoryName(c, category), d.name);
        return renderPage(
          c,
          title,
          <views.ItemsPage c={c} title={title} page={page} values={storedValues(page.items, page.stored)} errors={extra.errors} conflicts={[]} back={{ href: divBase, label: p.backToDivision(d.name) }} evidenceBase={`${divBase}/evidence`} maxFileMb={maxFileMb(deps)} />,
          extra.status,
        );
      },
    };
  };

  const upload = async (c: AppContext, scope: Scope) => {
    const result = await evidence.uploadEvidence(deps, actor(c), scope.action, scope.subject, scope.items, c.req.raw, c.get("csrfToken"), requestMeta(c));
    if (result.ok) return c.redirect(`${scope.pageOf(result.itemId)}?uploaded=1#evidence-${result.itemId}`, 303);
    if (result.reason !== "refused") return errorPage(c, result.reason === "bad-request" ? "badRequest" : result.reason);
    const p = t(c).profiles.uploadProblems;
    const mb = maxFileMb(deps);
    const limitMb = Math.round(deps.config.evidence.companyLimitBytes / (1024 * 1024));
    const message =
      result.problem === "too-large" ? p["too-large"](mb) : result.problem === "quota" ? p.quota(limitMb) : p[result.problem];
    const itemId = result.itemId ?? scope.items.find((i) => i.evidence.rule !== "none")?.id ?? "";
    const status = result.problem === "too-large" || result.problem === "quota" ? 413 : 422;
    return (await scope.render(itemId, { errors: { [`f-${itemId}`]: t(c).profiles.itemProblem(itemId, message) }, status })) ?? errorPage(c, "badRequest");
  };

  const download = async (c: AppContext, subject: string) => {
    const file = await evidence.evidenceFile(deps, c.get("companyAccess").companyId, subject, c.req.param("fileId")!);
    if (!file) return errorPage(c, "notFound");
    const body = await deps.files.get(file.storageKey);
    return attachmentResponse(body, { type: file.mime, name: file.fileName, size: file.size });
  };

  const remove = async (c: AppContext, scope: Scope) => {
    const result = await evidence.removeEvidence(deps, actor(c), scope.action, scope.subject, c.req.param("fileId")!, requestMeta(c));
    if (!result.ok) return errorPage(c, result.reason === "not-found" ? "notFound" : "forbidden");
    return c.redirect(`${scope.pageOf(result.itemId)}?removed=1#evidence-${result.itemId}`, 303);
  };

  app.post(`${COMPANY}/application/evidence`, updateApplication, async (c) => upload(c, await applicationScope(c)));
  app.get(`${COMPANY}/application/evidence/${FILE}`, viewApplication, (c) => download(c, service.APPLICATION));
  app.post(`${COMPANY}/application/evidence/${FILE}/remove`, updateApplication, async (c) => remove(c, await applicationScope(c)));

  app.post(`${COMPANY}/security/divisions/${DIVISION}/evidence`, updateSecurity, async (c) => {
    const data = await withDivision(c);
    if (!data) return errorPage(c, "notFound");
    return upload(c, divisionScope(c, data));
  });
  app.get(`${COMPANY}/security/divisions/${DIVISION}/evidence/${FILE}`, viewSecurity, async (c) => {
    const d = await service.division(deps, companyId(c), c.req.param("divisionId"));
    if (!d) return errorPage(c, "notFound");
    return download(c, service.divisionSubject(d.id));
  });
  app.post(`${COMPANY}/security/divisions/${DIVISION}/evidence/${FILE}/remove`, updateSecurity, async (c) => {
    const data = await withDivision(c);
    if (!data) return errorPage(c, "notFound");
    return remove(c, divisionScope(c, data));
  });

  return app;
}
