// The postal address, the same everywhere it is asked (registration, the CBSA's record of an
// existing member, the company profile): Canadian provinces or U.S. states, Canada Post postal
// codes or U.S. ZIP codes, and lines the activation letter's font can print.
import type { AppContext } from "./context.ts";
import type { Locale } from "../domain/locale.ts";
import type { PostalAddress } from "../platform/db/schema.ts";
import { unsupportedCharacters } from "../platform/pdf/letters.ts";
import { messages } from "./i18n/index.ts";
import { Input, Select, type FieldErrors, type FormBody } from "./forms.tsx";
import { textField } from "./validation.ts";

function str(v: string | string[] | undefined): string | undefined {
  return typeof v === "string" ? v : undefined;
}

export const PROVINCES: Record<string, { en: string; fr: string }> = {
  AB: { en: "Alberta", fr: "Alberta" },
  BC: { en: "British Columbia", fr: "Colombie-Britannique" },
  MB: { en: "Manitoba", fr: "Manitoba" },
  NB: { en: "New Brunswick", fr: "Nouveau-Brunswick" },
  NL: { en: "Newfoundland and Labrador", fr: "Terre-Neuve-et-Labrador" },
  NS: { en: "Nova Scotia", fr: "Nouvelle-Écosse" },
  NT: { en: "Northwest Territories", fr: "Territoires du Nord-Ouest" },
  NU: { en: "Nunavut", fr: "Nunavut" },
  ON: { en: "Ontario", fr: "Ontario" },
  PE: { en: "Prince Edward Island", fr: "Île-du-Prince-Édouard" },
  QC: { en: "Quebec", fr: "Québec" },
  SK: { en: "Saskatchewan", fr: "Saskatchewan" },
  YT: { en: "Yukon", fr: "Yukon" },
};

export const STATES: Record<string, string> = {
  AL: "Alabama", AK: "Alaska", AZ: "Arizona", AR: "Arkansas", CA: "California", CO: "Colorado", CT: "Connecticut", DE: "Delaware",
  DC: "District of Columbia", FL: "Florida", GA: "Georgia", HI: "Hawaii", ID: "Idaho", IL: "Illinois", IN: "Indiana", IA: "Iowa",
  KS: "Kansas", KY: "Kentucky", LA: "Louisiana", ME: "Maine", MD: "Maryland", MA: "Massachusetts", MI: "Michigan", MN: "Minnesota",
  MS: "Mississippi", MO: "Missouri", MT: "Montana", NE: "Nebraska", NV: "Nevada", NH: "New Hampshire", NJ: "New Jersey",
  NM: "New Mexico", NY: "New York", NC: "North Carolina", ND: "North Dakota", OH: "Ohio", OK: "Oklahoma", OR: "Oregon",
  PA: "Pennsylvania", RI: "Rhode Island", SC: "South Carolina", SD: "South Dakota", TN: "Tennessee", TX: "Texas", UT: "Utah",
  VT: "Vermont", VA: "Virginia", WA: "Washington", WV: "West Virginia", WI: "Wisconsin", WY: "Wyoming",
};

export const ADDRESS_LINE_MAX = 60;

/**
 * A postal address in `country` from fields named `${prefix}line1`, `${prefix}line2`, `${prefix}city`,
 * `${prefix}region` and `${prefix}postalCode`; errors and values are keyed by those names.
 * Lines must be printable by the letter's font (the mail room prints some addresses).
 */
export function parseAddress(
  locale: Locale,
  body: FormBody,
  country: "CA" | "US",
  prefix = "",
): { ok: true; address: PostalAddress } | { ok: false; errors: FieldErrors; values: Record<string, string> } {
  const f = messages(locale).forms;
  const t = messages(locale).registration;
  const raw = {
    line1: textField(body, `${prefix}line1`),
    line2: textField(body, `${prefix}line2`),
    city: textField(body, `${prefix}city`),
    region: textField(body, `${prefix}region`),
    postalCode: textField(body, `${prefix}postalCode`).toUpperCase(),
  };
  const errors: Record<keyof typeof raw, string | undefined> = { line1: undefined, line2: undefined, city: undefined, region: undefined, postalCode: undefined };
  for (const k of ["line1", "city"] as const) {
    if (!raw[k]) errors[k] = f.required;
    else if (raw[k].length > ADDRESS_LINE_MAX) errors[k] = f.tooLong(ADDRESS_LINE_MAX);
  }
  if (raw.line2.length > ADDRESS_LINE_MAX) errors.line2 = f.tooLong(ADDRESS_LINE_MAX);
  const regions = country === "CA" ? Object.keys(PROVINCES) : Object.keys(STATES);
  if (!regions.includes(raw.region)) errors.region = t.regionRequired;
  let postal = raw.postalCode.replace(/\s+/g, "");
  if (country === "CA") {
    if (!/^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\d[ABCEGHJ-NPRSTV-Z]\d$/.test(postal)) errors.postalCode = raw.postalCode ? t.postalInvalid : f.required;
    else postal = `${postal.slice(0, 3)} ${postal.slice(3)}`;
  } else if (!/^\d{5}(-\d{4})?$/.test(postal)) {
    errors.postalCode = raw.postalCode ? t.zipInvalid : f.required;
  }
  for (const k of ["line1", "line2", "city"] as const) {
    const bad = unsupportedCharacters([raw[k]]);
    if (bad.length > 0 && !errors[k]) errors[k] = t.unprintable(bad.join(" "));
  }
  const found = Object.entries(errors).filter((e): e is [string, string] => e[1] !== undefined);
  if (found.length > 0) {
    return {
      ok: false,
      errors: Object.fromEntries(found.map(([k, m]) => [`${prefix}${k}`, m])),
      values: Object.fromEntries(Object.entries(raw).map(([k, v]) => [`${prefix}${k}`, v])),
    };
  }
  return { ok: true, address: { line1: raw.line1, line2: raw.line2, city: raw.city, region: raw.region, postalCode: postal, country } };
}

/** Whether every field of the prefixed address was left empty (an optional address). */
export function addressLeftEmpty(body: FormBody, prefix: string): boolean {
  return ["line1", "line2", "city", "region", "postalCode"].every((k) => textField(body, `${prefix}${k}`) === "");
}

/** The fields of a postal address (see parseAddress for `prefix`); `required` marks them all. */
export function AddressFields(props: { c: AppContext; errors: FieldErrors; values: Record<string, string | string[]>; country: "CA" | "US"; prefix?: string; optional?: boolean }) {
  const t = messages(props.c.get("locale")).registration;
  const p = props.prefix ?? "";
  const required = !props.optional;
  const lang = props.c.get("locale");
  const v = props.values;
  const regions =
    props.country === "CA"
      ? Object.entries(PROVINCES).map(([code, names]) => ({ value: code, label: names[lang] }))
      : Object.entries(STATES).map(([code, name]) => ({ value: code, label: name }));
  return (
    <>
      <Input name={`${p}line1`} label={t.line1} required={required} errors={props.errors} value={str(v[`${p}line1`])} autocomplete="address-line1" />
      <Input name={`${p}line2`} label={t.line2} errors={props.errors} value={str(v[`${p}line2`])} autocomplete="address-line2" />
      <Input name={`${p}city`} label={t.city} required={required} errors={props.errors} value={str(v[`${p}city`])} autocomplete="address-level2" />
      <Select
        name={`${p}region`}
        label={props.country === "CA" ? t.province : t.state}
        placeholder={t.chooseRegion}
        required={required}
        errors={props.errors}
        value={str(v[`${p}region`])}
        options={regions}
      />
      <Input
        name={`${p}postalCode`}
        label={props.country === "CA" ? t.postalCode : t.zipCode}
        hint={props.country === "CA" ? t.postalCodeHint : t.zipCodeHint}
        required={required}
        errors={props.errors}
        value={str(v[`${p}postalCode`])}
        autocomplete="postal-code"
        size={10}
      />
    </>
  );
}
