// The two official languages.
export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return value === "en" || value === "fr";
}

export function otherLocale(locale: Locale): Locale {
  return locale === "en" ? "fr" : "en";
}

/** The BCP 47 tag used for dates and numbers. */
export function intlTag(locale: Locale): "en-CA" | "fr-CA" {
  return locale === "en" ? "en-CA" : "fr-CA";
}
