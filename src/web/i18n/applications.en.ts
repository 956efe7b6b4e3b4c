// English messages of applications (filled in by its feature). applications.fr.ts is typed against this object.
export const applicationsEn = {
  placeholder: "",
};

export type ApplicationsMessages = typeof applicationsEn;
