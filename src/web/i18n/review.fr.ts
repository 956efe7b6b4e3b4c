import type { ReviewMessages } from "./review.en.ts";

export const reviewFr: ReviewMessages = {
  placeholder: "",
};
