// Names the profiles' messages are keyed by, kept here so that the message files need nothing
// but types from elsewhere.
export type { AnswerProblem } from "../../domain/catalogue/types.ts";
export type ScanStatusName = "pending" | "clean" | "infected" | "error" | "not-scanned";
