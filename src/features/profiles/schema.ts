// Reading a profile page's form: one set of fields per item — `a-<id>` the answer (repeated for
// a multiple choice), `x-<id>` its explanation, `b-<id>` the answer's version when the page was
// opened — into the answers to save, and the problems back into messages on each field.
import type { FieldErrors, FormBody } from "../../web/forms.tsx";
import type { AnswerProblem, CatalogueItem } from "../../domain/catalogue/index.ts";
import type { ProfilesMessages } from "../../web/i18n/profiles.en.ts";
import type { PostedItem } from "./changes.ts";

export type FormValues = Record<string, string | string[]>;

/** A stored answer's value as text for a field or a sentence ("" for anything but text or a number). */
export function scalarText(x: unknown): string {
  return typeof x === "string" || typeof x === "number" ? String(x) : "";
}

export function fieldName(kind: "a" | "x" | "b" | "f", itemId: string): string {
  return `${kind}-${itemId}`;
}

/** The fields of a page that may hold line breaks (explanations and multi-line answers). */
export function multilineFields(items: readonly CatalogueItem[]): string[] {
  return items.flatMap((i) => [
    ...(i.answer.kind === "yes-no-explain" ? [fieldName("x", i.id)] : []),
    ...(i.answer.kind === "text" && i.answer.multiline ? [fieldName("a", i.id)] : []),
  ]);
}

function strings(v: FormBody[string] | undefined): string[] {
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");
}

/**
 * The answers posted for `items`, and the values to show again if the page comes back. An item
 * on the form with no value (no radio chosen, an emptied field) is posted as blank: its answer
 * is cleared. An item that was not on the form is left alone.
 */
export function readItems(items: readonly CatalogueItem[], body: FormBody): { posted: PostedItem[]; values: FormValues } {
  const posted: PostedItem[] = [];
  const values: FormValues = {};
  for (const item of items) {
    // Only the items that were on the form that was posted (each carries its version field).
    if (body[fieldName("b", item.id)] === undefined) continue;
    const a = strings(body[fieldName("a", item.id)]);
    const x = strings(body[fieldName("x", item.id)])[0] ?? "";
    const b = Number(strings(body[fieldName("b", item.id)])[0] ?? "0");
    const multiple = item.answer.kind === "choice" && item.answer.multiple === true;
    const value: string | string[] | undefined = multiple ? a.filter((s) => s !== "") : a[0];
    values[fieldName("a", item.id)] = value ?? "";
    if (item.answer.kind === "yes-no-explain") values[fieldName("x", item.id)] = x;
    posted.push({ itemId: item.id, raw: { value, ...(item.answer.kind === "yes-no-explain" ? { explanation: x } : {}) }, base: Number.isInteger(b) && b >= 0 ? b : 0 });
  }
  return { posted, values };
}

/** The values of stored answers, for a page opened afresh. */
export function storedValues(items: readonly CatalogueItem[], stored: ReadonlyMap<string, { answer: { value?: unknown; explanation?: unknown } }>): FormValues {
  const values: FormValues = {};
  for (const item of items) {
    const answer = stored.get(item.id)?.answer;
    const v = answer?.value;
    values[fieldName("a", item.id)] = Array.isArray(v) ? v.map(scalarText) : scalarText(v);
    if (typeof answer?.explanation === "string") values[fieldName("x", item.id)] = answer.explanation;
  }
  return values;
}

export function problemErrors(t: ProfilesMessages, problems: Record<string, { problem: AnswerProblem; field: "value" | "explanation" }>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [itemId, p] of Object.entries(problems)) errors[fieldName(p.field === "explanation" ? "x" : "a", itemId)] = t.itemProblem(itemId, t.problems[p.problem]);
  return errors;
}
