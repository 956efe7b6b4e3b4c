// Form parsing for registration: eligibility and company identity (the address: web/address.tsx). Each
// returns a typed value, or the person's input with a message per field in the page language.
import type { FieldErrors } from "../../web/forms.tsx";
import { messages } from "../../web/i18n/index.ts";
import type { Locale } from "../../domain/locale.ts";
import { parseBusinessNumber } from "../../domain/business-number.ts";
import { CARRIER_LINES, LINES_OF_BUSINESS, type EligibilityAnswers, type LineOfBusiness } from "../../domain/eligibility.ts";
import { cleanText } from "../../web/validation.ts";
import { unsupportedCharacters } from "../../platform/pdf/letters.ts";

/** A company's identity as registered: the names, the CRA numbers, the language of its letters. */
export interface CompanyIdentity {
  legalName: string;
  operatingName: string | null;
  bn9: string | null;
  programAccount: string | null;
  carrierCode: string | null;
  correspondenceLocale: Locale;
}

type Body = Record<string, string | File | (string | File)[]>;

function one(body: Body, name: string): string {
  const v = body[name];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === "string" ? cleanText(s) : "";
}

function many(body: Body, name: string): string[] {
  const v = body[name];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter((x): x is string => typeof x === "string").map(cleanText);
}

export const YES_NO_QUESTIONS = [
  "ownsOrOperatesFacilities",
  "tradeHistory12Months",
  "movementLast90Days",
  "solvent",
  "noRelevantConvictions",
  "carmRegistered",
] as const;
export const US_QUESTIONS = ["canadianCarrierCode", "canadianBusinessNumber"] as const;

export type Values = Record<string, string | string[]>;

export function parseEligibility(locale: Locale, body: Body): { ok: true; answers: EligibilityAnswers } | { ok: false; errors: FieldErrors; values: Values } {
  const f = messages(locale).forms;
  const errors: FieldErrors = {};
  const values: Values = { country: one(body, "country"), lines: many(body, "lines") };
  const country = values.country;
  if (country !== "CA" && country !== "US" && country !== "other") errors.country = f.chooseOne;
  const lines = (values.lines as string[]).filter((l): l is LineOfBusiness => (LINES_OF_BUSINESS as readonly string[]).includes(l));
  if (lines.length === 0) errors.lines = f.chooseOne;
  const answers: Record<string, boolean> = {};
  for (const q of [...YES_NO_QUESTIONS, ...US_QUESTIONS]) {
    const v = one(body, q);
    values[q] = v;
    if (v === "yes" || v === "no") answers[q] = v === "yes";
    else if ((YES_NO_QUESTIONS as readonly string[]).includes(q) || country === "US") errors[q] = f.chooseOne;
    else answers[q] = false;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return {
    ok: true,
    answers: {
      country: country as EligibilityAnswers["country"],
      linesOfBusiness: lines,
      ownsOrOperatesFacilities: answers.ownsOrOperatesFacilities!,
      tradeHistory12Months: answers.tradeHistory12Months!,
      movementLast90Days: answers.movementLast90Days!,
      solvent: answers.solvent!,
      noRelevantConvictions: answers.noRelevantConvictions!,
      carmRegistered: answers.carmRegistered!,
      canadianCarrierCode: answers.canadianCarrierCode!,
      canadianBusinessNumber: answers.canadianBusinessNumber!,
    },
  };
}

/** When a business number is required, and when a carrier code is. */
export function identityNeeds(country: "CA" | "US", lines: LineOfBusiness[]): { bn: boolean; carrierCode: boolean; carrier: boolean } {
  const carrier = lines.some((l) => (CARRIER_LINES as readonly string[]).includes(l));
  return {
    bn: country === "CA" || lines.includes("importer"),
    carrierCode: country === "US" && carrier && !lines.includes("importer"),
    carrier,
  };
}

const NAME_MAX = 160;

export function parseIdentity(
  locale: Locale,
  body: Body,
  needs: { bn: boolean; carrierCode: boolean },
): { ok: true; identity: CompanyIdentity } | { ok: false; errors: FieldErrors; values: Values } {
  const f = messages(locale).forms;
  const t = messages(locale).registration;
  const values = {
    legalName: one(body, "legalName"),
    operatingName: one(body, "operatingName"),
    businessNumber: one(body, "businessNumber"),
    carrierCode: one(body, "carrierCode").toUpperCase(),
    correspondenceLocale: one(body, "correspondenceLocale"),
  };
  const errors: FieldErrors = {};
  if (!values.legalName) errors.legalName = f.required;
  else if (values.legalName.length > NAME_MAX) errors.legalName = f.tooLong(NAME_MAX);
  if (values.operatingName.length > NAME_MAX) errors.operatingName = f.tooLong(NAME_MAX);
  const bn = values.businessNumber ? parseBusinessNumber(values.businessNumber) : null;
  if (values.businessNumber && !bn) errors.businessNumber = t.bnInvalid;
  else if (!values.businessNumber && needs.bn) errors.businessNumber = f.required;
  if (values.carrierCode && !/^[A-Z0-9]{4}$/.test(values.carrierCode)) errors.carrierCode = t.carrierCodeInvalid;
  else if (!values.carrierCode && needs.carrierCode) errors.carrierCode = f.required;
  if (values.correspondenceLocale !== "en" && values.correspondenceLocale !== "fr") errors.correspondenceLocale = f.chooseOne;
  for (const k of ["legalName", "operatingName"] as const) {
    const bad = unsupportedCharacters([values[k]]);
    if (bad.length > 0 && !errors[k]) errors[k] = t.unprintable(bad.join(" "));
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return {
    ok: true,
    identity: {
      legalName: values.legalName,
      operatingName: values.operatingName || null,
      bn9: bn?.bn9 ?? null,
      programAccount: bn?.programAccount ?? null,
      carrierCode: values.carrierCode || null,
      correspondenceLocale: values.correspondenceLocale as Locale,
    },
  };
}

