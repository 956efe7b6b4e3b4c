import type { ApplicationsMessages } from "./applications.en.ts";

export const applicationsFr: ApplicationsMessages = {
  placeholder: "",
};
