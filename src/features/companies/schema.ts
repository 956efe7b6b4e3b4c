// Form parsing for the company profile (APP-2). Returns the typed profile, or the person's
// input with a message per field in the page's language.
import type { FieldErrors, FormBody } from "../../web/forms.tsx";
import { messages } from "../../web/i18n/index.ts";
import { addressLeftEmpty, parseAddress } from "../../web/address.tsx";
import { checkEmail, checkPhone, textField } from "../../web/validation.ts";
import { unsupportedCharacters } from "../../platform/pdf/letters.ts";
import type { Facility, PrimaryContact } from "../../platform/db/schema.ts";
import type { Locale } from "../../domain/locale.ts";
import type { CompanyProfileInput } from "./service.ts";

export const FACILITY_SLOTS = 3;
const NAME_MAX = 120;
const FIELD_MAX = 100;
const WEBSITE_MAX = 200;
const MAX_EMPLOYEES = 10_000_000;

export type Values = Record<string, string>;

/** A real calendar date written YYYY-MM-DD, no later than `today`. */
function isPastOrToday(value: string, today: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value && value <= today && value >= "1800-01-01";
}

export function parseCompanyProfile(
  locale: Locale,
  body: FormBody,
  country: "CA" | "US",
  today: string,
): { ok: true; input: CompanyProfileInput } | { ok: false; errors: FieldErrors; values: Values } {
  const f = messages(locale).forms;
  const t = messages(locale).companies;
  const r = messages(locale).registration;
  const errors: FieldErrors = {};
  const values: Values = {};
  const read = (name: string) => (values[name] = textField(body, name));

  const legalName = read("legalName");
  if (!legalName) errors.legalName = f.required;
  else if (legalName.length > NAME_MAX) errors.legalName = t.tooLong(NAME_MAX);
  else if (unsupportedCharacters([legalName]).length > 0) errors.legalName = r.unprintable(unsupportedCharacters([legalName]).join(" "));
  const operatingName = read("operatingName");
  if (operatingName.length > NAME_MAX) errors.operatingName = t.tooLong(NAME_MAX);

  const businessStartedOn = read("businessStartedOn");
  if (businessStartedOn && !isPastOrToday(businessStartedOn, today)) errors.businessStartedOn = t.invalidDate;
  const employees = read("employeeCount").replace(/[\s,]/g, "");
  if (employees && (!/^\d{1,8}$/.test(employees) || Number(employees) > MAX_EMPLOYEES)) errors.employeeCount = t.invalidEmployees;
  const website = read("website");
  if (website) {
    let ok = website.length <= WEBSITE_MAX;
    try {
      const url = new URL(website);
      ok &&= (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
    } catch {
      ok = false;
    }
    if (!ok) errors.website = t.invalidWebsite;
  }

  const headOffice = parseAddress(locale, body, country, "ho_");
  if (!headOffice.ok) Object.assign(errors, headOffice.errors);
  for (const k of ["line1", "line2", "city", "region", "postalCode"]) read(`ho_${k}`);

  values.mailingSame = textField(body, "mailingSame");
  for (const k of ["line1", "line2", "city", "region", "postalCode"]) read(`ml_${k}`);
  let mailingAddress: CompanyProfileInput["mailingAddress"] = null;
  if (values.mailingSame !== "yes" && !addressLeftEmpty(body, "ml_")) {
    const parsed = parseAddress(locale, body, country, "ml_");
    if (parsed.ok) mailingAddress = parsed.address;
    else Object.assign(errors, parsed.errors);
  }

  const facilities: Facility[] = [];
  for (let i = 1; i <= FACILITY_SLOTS; i++) {
    const p = `f${i}_`;
    const name = read(`${p}name`);
    for (const k of ["line1", "line2", "city", "region", "postalCode"]) read(`${p}${k}`);
    if (!name && addressLeftEmpty(body, p)) continue;
    if (!name) errors[`${p}name`] = f.required;
    else if (name.length > FIELD_MAX) errors[`${p}name`] = t.tooLong(FIELD_MAX);
    const parsed = parseAddress(locale, body, country, p);
    if (!parsed.ok) Object.assign(errors, parsed.errors);
    else if (name && name.length <= FIELD_MAX) facilities.push({ name, address: parsed.address });
  }

  const contact = { name: read("pc_name"), title: read("pc_title"), phone: read("pc_phone"), email: read("pc_email").toLowerCase() };
  let primaryContact: PrimaryContact | null = null;
  if (contact.name || contact.title || contact.phone || contact.email) {
    if (!contact.name) errors.pc_name = f.required;
    else if (contact.name.length > FIELD_MAX) errors.pc_name = t.tooLong(FIELD_MAX);
    if (contact.title.length > FIELD_MAX) errors.pc_title = t.tooLong(FIELD_MAX);
    if (!contact.phone) errors.pc_phone = f.required;
    else {
      const problem = checkPhone(locale, contact.phone);
      if (problem) errors.pc_phone = problem;
    }
    const emailProblem = checkEmail(locale, contact.email);
    if (emailProblem) errors.pc_email = emailProblem;
    primaryContact = contact;
  }

  if (Object.keys(errors).length > 0 || !headOffice.ok) return { ok: false, errors, values };
  return {
    ok: true,
    input: {
      legalName,
      operatingName: operatingName || null,
      businessStartedOn: businessStartedOn || null,
      employeeCount: employees ? Number(employees) : null,
      website: website || null,
      headOffice: headOffice.address,
      mailingAddress,
      facilities,
      primaryContact,
    },
  };
}

/** The stored profile as form values, for the edit page. */
export function profileValues(p: CompanyProfileInput): Values {
  const v: Values = {
    legalName: p.legalName,
    operatingName: p.operatingName ?? "",
    businessStartedOn: p.businessStartedOn ?? "",
    employeeCount: p.employeeCount === null ? "" : String(p.employeeCount),
    website: p.website ?? "",
    mailingSame: p.mailingAddress ? "" : "yes",
    pc_name: p.primaryContact?.name ?? "",
    pc_title: p.primaryContact?.title ?? "",
    pc_phone: p.primaryContact?.phone ?? "",
    pc_email: p.primaryContact?.email ?? "",
  };
  const address = (prefix: string, a: CompanyProfileInput["headOffice"] | null) => {
    for (const k of ["line1", "line2", "city", "region", "postalCode"] as const) v[`${prefix}${k}`] = a ? a[k] : "";
  };
  address("ho_", p.headOffice);
  address("ml_", p.mailingAddress);
  for (let i = 1; i <= FACILITY_SLOTS; i++) {
    const fac = p.facilities[i - 1];
    v[`f${i}_name`] = fac?.name ?? "";
    address(`f${i}_`, fac?.address ?? null);
  }
  return v;
}
