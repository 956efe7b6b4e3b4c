// The PIP eligibility check (REG-1): the answers a company gives, and one pure function that
// says whether it may register in the portal and, if not, every criterion it fails.
//
// - Every company must be based in Canada or the United States, own or operate facilities
//   involved in cross-border movement of goods, have 12 months of cross-border trade history
//   and a movement in the last 90 days, be solvent, have no relevant convictions and be
//   registered in the CARM Client Portal; and choose at least one line of business.
// - Customs brokers and shipping agents cannot use the portal. A company that chose only
//   those lines is told to contact the program by email ("contact-program"); mixed with
//   other lines they are dropped and the rest is assessed.
// - A U.S.-based company is eligible only as a carrier (with a Canadian carrier code) or an
//   importer (with a Canadian business number): a carrier line without the code fails
//   "us-carrier-code", the importer line without a BN fails "us-importer-bn", and its other
//   lines fail "us-line-of-business" unless it also has a qualifying carrier or importer line.

export const LINES_OF_BUSINESS = [
  "importer",
  "exporter",
  "highway-carrier",
  "rail-carrier",
  "marine-carrier",
  "air-carrier",
  "warehouse-operator",
  "freight-forwarder",
  "shipping-agent",
  "customs-broker",
] as const;

export type LineOfBusiness = (typeof LINES_OF_BUSINESS)[number];

/** The carrier lines (couriers register as carriers). */
export const CARRIER_LINES = [
  "highway-carrier",
  "rail-carrier",
  "marine-carrier",
  "air-carrier",
] as const satisfies readonly LineOfBusiness[];

/** The lines that cannot use the portal: they contact the PIP program by email. */
export const NON_PORTAL_LINES = ["shipping-agent", "customs-broker"] as const satisfies readonly LineOfBusiness[];

/** Every criterion, in the order a page explains them. */
export const ELIGIBILITY_CRITERIA = [
  "based-in-canada-or-us",
  "facilities",
  "trade-history",
  "recent-movement",
  "solvency",
  "convictions",
  "carm",
  "line-of-business",
  "us-carrier-code",
  "us-importer-bn",
  "us-line-of-business",
] as const;

export type EligibilityCriterion = (typeof ELIGIBILITY_CRITERIA)[number];

export interface EligibilityAnswers {
  country: "CA" | "US" | "other";
  linesOfBusiness: LineOfBusiness[];
  ownsOrOperatesFacilities: boolean;
  tradeHistory12Months: boolean;
  movementLast90Days: boolean;
  solvent: boolean;
  noRelevantConvictions: boolean;
  carmRegistered: boolean;
  /** Has a Canadian carrier code (asked of U.S. carriers). */
  canadianCarrierCode: boolean;
  /** Has a Canadian business number (asked of U.S. importers). */
  canadianBusinessNumber: boolean;
}

export type EligibilityOutcome = "eligible" | "ineligible" | "contact-program";

export interface EligibilityAssessment {
  outcome: EligibilityOutcome;
  /** Every failing criterion, in ELIGIBILITY_CRITERIA order; empty unless "ineligible". */
  failures: EligibilityCriterion[];
  /** The lines the company registers in the portal, in LINES_OF_BUSINESS order, no repeats. */
  portalLines: LineOfBusiness[];
}

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

export function assessEligibility(a: EligibilityAnswers): EligibilityAssessment {
  const chosen = LINES_OF_BUSINESS.filter((line) => a.linesOfBusiness.includes(line));
  const portalLines = chosen.filter((line) => !isOneOf(NON_PORTAL_LINES, line));

  if (chosen.length > 0 && portalLines.length === 0) {
    return { outcome: "contact-program", failures: [], portalLines: [] };
  }

  const failing = new Set<EligibilityCriterion>();
  if (a.country !== "CA" && a.country !== "US") failing.add("based-in-canada-or-us");
  if (!a.ownsOrOperatesFacilities) failing.add("facilities");
  if (!a.tradeHistory12Months) failing.add("trade-history");
  if (!a.movementLast90Days) failing.add("recent-movement");
  if (!a.solvent) failing.add("solvency");
  if (!a.noRelevantConvictions) failing.add("convictions");
  if (!a.carmRegistered) failing.add("carm");
  if (portalLines.length === 0) failing.add("line-of-business");

  if (a.country === "US" && portalLines.length > 0) {
    const carrier = portalLines.some((line) => isOneOf(CARRIER_LINES, line));
    const importer = portalLines.includes("importer");
    const otherLines = portalLines.some((line) => line !== "importer" && !isOneOf(CARRIER_LINES, line));
    const qualifyingCarrier = carrier && a.canadianCarrierCode;
    const qualifyingImporter = importer && a.canadianBusinessNumber;
    if (carrier && !a.canadianCarrierCode) failing.add("us-carrier-code");
    if (importer && !a.canadianBusinessNumber) failing.add("us-importer-bn");
    if (otherLines && !qualifyingCarrier && !qualifyingImporter) failing.add("us-line-of-business");
  }

  const failures = ELIGIBILITY_CRITERIA.filter((criterion) => failing.has(criterion));
  return { outcome: failures.length > 0 ? "ineligible" : "eligible", failures, portalLines };
}
