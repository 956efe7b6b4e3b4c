// English messages of documents (filled in by its feature). documents.fr.ts is typed against this object.
export const documentsEn = {
  placeholder: "",
};

export type DocumentsMessages = typeof documentsEn;
