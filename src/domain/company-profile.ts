// The company profile's completion state (APP-1, APP-2), held once: the dashboard shows it and
// a submission requires it (features/applications/snapshot.ts readiness).

export type SectionState = "not-started" | "in-progress" | "complete";

/** Every required part answered is complete; anything saved before that is in progress. */
export function profileState(p: { businessStartedOn: string | null; employeeCount: number | null; primaryContact: unknown; updatedAt: Date | null }): SectionState {
  if (p.businessStartedOn && p.employeeCount !== null && p.primaryContact) return "complete";
  return p.updatedAt ? "in-progress" : "not-started";
}
