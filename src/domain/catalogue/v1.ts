// Catalogue version 2026-1: the PIP questionnaire as the portal first ships it. Its parts
// live in v1/ (one file per PIP area, one for the application profile, one for the headings)
// so that each stays reviewable; this file only puts them together, in display order.
//
// A new version is a new file beside this one (v2.ts, reusing what did not change) added to
// the registry in index.ts: ids stay stable across versions, so answers given against an
// earlier version keep their meaning, and retired ids are simply not asked any more.
import type { Catalogue } from "./types.ts";
import { AREAS, CATEGORIES } from "./v1/headings.ts";
import { CORPORATE_CRITERIA } from "./v1/corporate.ts";
import { CARGO_CONVEYANCE_CRITERIA } from "./v1/cargo-conveyance.ts";
import { PHYSICAL_CRITERIA, PARTNER_CRITERIA } from "./v1/physical-partners.ts";
import { PARTS, QUESTIONS } from "./v1/application.ts";

export const CATALOGUE_2026_1: Catalogue = {
  version: "2026-1",
  effective: "2026-12-01",
  areas: AREAS,
  categories: CATEGORIES,
  parts: PARTS,
  criteria: [...CORPORATE_CRITERIA, ...CARGO_CONVEYANCE_CRITERIA, ...PHYSICAL_CRITERIA, ...PARTNER_CRITERIA],
  questions: QUESTIONS,
};
