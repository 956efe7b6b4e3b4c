import type { DocumentsMessages } from "./documents.en.ts";

export const documentsFr: DocumentsMessages = {
  placeholder: "",
};
