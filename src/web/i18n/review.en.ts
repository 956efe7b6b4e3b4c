// English messages of review (filled in by its feature). review.fr.ts is typed against this object.
export const reviewEn = {
  placeholder: "",
};

export type ReviewMessages = typeof reviewEn;
