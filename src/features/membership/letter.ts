// What a decision letter says (APP-13): recorded with the decision (decisions.letter, never
// changed) and laid out as a bilingual PDF by features/review/decision-letter.ts. The words
// of each language are chosen when the PDF is drawn, from `transition` and these facts.
import type { TransitionName } from "../../domain/membership.ts";

export interface DecisionLetter {
  /** The decision's reference, e.g. "D-2026-000042"; shown on every page. */
  reference: string;
  transition: TransitionName;
  /** YYYY-MM-DD, the day of the decision. */
  decidedOn: string;
  /** The company's correspondence language: its block comes first. */
  locale: "en" | "fr";
  company: { legalName: string; clientNumber: string; address: string[] };
  /** The officer's reasons, as written (may be empty for an approval). */
  reasons: string;
  /** Approve: the membership's start and 4-year anniversary (YYYY-MM-DD). */
  memberSince?: string | null;
  anniversaryOn?: string | null;
  /** Propose denial: the last day to ask for an informal review (YYYY-MM-DD). */
  informalReviewBy?: string | null;
  /** Site validation the decision follows, when there was one. */
  siteValidation?: { date: string; facility: string; outcome: string | null } | null;
  /** Suspension: the action plan's due date. */
  actionPlanDueOn?: string | null;
  /** Revalidation due: the anniversary reached and the last day to resubmit before the membership is suspended (YYYY-MM-DD). */
  revalidation?: { anniversaryOn: string; resubmitBy: string } | null;
}
