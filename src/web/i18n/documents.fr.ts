// Les mots des documents PDF en français (la soumission bilingue, APP-5, et les lettres de
// décision, APP-13). Une espace insécable, écrite \u00a0, précède le deux-points et se place
// à l’intérieur des guillemets; aucune espace ne précède le point d’interrogation, le point-virgule ni le point d’exclamation.
import type { DocumentsMessages } from "./documents.en.ts";

export const documentsFr: DocumentsMessages = {
  submission: {
    titles: {
      application: (reference: string) => `Demande au programme Partenaires en protection — soumission ${reference}`,
      response: (reference: string) => `Demande au programme Partenaires en protection\u00a0: réponse à une demande de renseignements — soumission ${reference}`,
      changes: (reference: string) => `Demande au programme Partenaires en protection\u00a0: modifications — soumission ${reference}`,
      appeal: (reference: string) => `Adhésion au programme Partenaires en protection\u00a0: appel de l’annulation — soumission ${reference}`,
      resubmission: (reference: string) => `Adhésion au programme Partenaires en protection\u00a0: revalidation — soumission ${reference}`,
      "action-plan": (reference: string) => `Adhésion au programme Partenaires en protection\u00a0: plan d’action — soumission ${reference}`,
    },
    intro:
      "Ce document est la copie, pour les dossiers de l’entreprise, de ce qu’elle a soumis à l’Agence des services frontaliers du Canada (ASFC) dans le Portail des négociants dignes de confiance. La soumission elle-même est l’instantané identifié par l’empreinte SHA-256 ci-dessous\u00a0: elle est conservée telle qu’elle a été soumise et ne peut pas être modifiée.",
    summaryHeading: "Soumission",
    kind: "Type de soumission",
    kinds: {
      application: "Demande",
      response: "Réponse à une demande de renseignements",
      changes: "Modifications des profils",
      appeal: "Appel d’une annulation",
      resubmission: "Revalidation",
      "action-plan": "Plan d’action",
    },
    reference: "Numéro de référence de la soumission",
    submittedAt: "Date de soumission",
    submittedBy: "Soumise par",
    declaredName: "Nom inscrit pour signer la déclaration",
    declaration:
      "En inscrivant son nom complet, le titulaire du compte a déclaré avoir le pouvoir de signature pour l’entreprise et que les renseignements soumis sont véridiques et complets.",
    catalogueVersion: "Version du questionnaire",
    sha256: "Empreinte SHA-256 de l’instantané",
    requestHeading: "La demande de renseignements à laquelle la soumission répond",
    statementHeading: (kind) => (kind === "appeal" ? "Exposé de l’appel" : kind === "action-plan" ? "Plan d’action" : "Exposé"),
    actionPlanHeading: "Ce que demandait la suspension",
    actionPlanDueOn: "Plan d’action à soumettre au plus tard le",
    statementFilesHeading: "Fichiers joints",
    statementFile: (n: number) => `Fichier joint ${n}`,

    companyHeading: "Profil de l’entreprise",
    legalName: "Dénomination sociale",
    operatingName: "Nom commercial",
    clientNumber: "Numéro de client",
    businessNumber: "Numéro d’entreprise",
    carrierCode: "Code de transporteur",
    linesOfBusiness: "Secteurs d’activité",
    businessStart: "Date de début des activités",
    employees: "Nombre d’employés",
    website: "Site Web",
    headOffice: "Adresse du siège social",
    mailingAddress: "Adresse postale",
    mailingSame: "Identique à l’adresse du siège social",
    primaryContact: "Personne-ressource principale",
    facilitiesHeading: "Installations",
    noFacilities: "Aucune installation.",
    notProvided: "Non fourni",
    countries: { CA: "Canada", US: "États-Unis" },

    applicationHeading: "Profil de la demande",
    securityHeading: (division: string) => `Profil de sécurité — ${division}`,
    securityProfile: "Profil de sécurité",
    noDivisions: "Aucune division de l’entreprise.",
    divisionLines: "Secteurs d’activité de la division",
    divisionFacilities: "Installations de la division",
    otherAnswersHeading: "Autres réponses conservées avec la soumission",
    otherAnswersIntro:
      "Ces réponses figurent dans l’instantané, mais leurs questions ne font plus partie de ce profil (un secteur d’activité a été retiré, ou la question a été retirée du questionnaire).",
    unknownItem: "(question absente de cette version du questionnaire)",

    answer: "Réponse",
    explanation: "Explication",
    notAnswered: "Aucune réponse",
    yes: "Oui",
    no: "Non",
    confirmed: "Oui (confirmé)",
    number: (value: string, unit: string | undefined) => (unit ? `${value}\u00a0${unit}` : value),
    companyUser: (id: string) => `Utilisateur du portail no\u00a0${id}`,
    companyUserNamed: (name: string, id: string) => `${name} (utilisateur du portail no\u00a0${id})`,

    evidenceFile: (n: number) => `Pièce justificative ${n}`,
    evidenceSize: "Taille",
    evidenceType: "Type de fichier",
    evidenceSha256: "Empreinte SHA-256 du fichier",
    evidenceScan: "Analyse antivirus",
    sizeBytes: (bytes: number, formatted: string) => (bytes === 1 ? "1\u00a0octet" : `${formatted}\u00a0octets`),
    sizeKb: (formatted: string) => `${formatted}\u00a0Ko`,
    sizeMb: (formatted: string) => `${formatted}\u00a0Mo`,
    sizeExact: (short: string, bytes: string) => `${short} (${bytes}\u00a0octets)`,
    scanStatuses: {
      pending: "Analyse en cours",
      clean: "Sain",
      infected: "Infecté",
      error: "Analyse impossible",
      "not-scanned": "Non analysé",
    },
  },

  letter: {
    title: (reference: string) => `Lettre de décision ${reference} — Partenaires en protection`,
    clientNumber: "Numéro de client",
    reference: "Numéro de référence",
    greeting: (company: string) => `Au titulaire du compte de ${company}\u00a0:`,
    decisions: {
      approve: {
        heading: "Votre entreprise est membre du programme Partenaires en protection",
        body: (p: { company: string; memberSince: string | null }) => [
          `L’Agence des services frontaliers du Canada (ASFC) a approuvé la demande de ${p.company}. Votre entreprise est membre du programme Partenaires en protection (PEP)${p.memberSince ? ` depuis le ${p.memberSince}` : ""}.`,
          "L’adhésion est revalidée tous les 4\u00a0ans\u00a0: après son anniversaire, le portail vous demandera de revoir et de soumettre de nouveau votre profil de sécurité, et une nouvelle validation sur place suivra. D’ici là, tenez à jour les profils de l’entreprise, de la demande et de sécurité dans le Portail des négociants dignes de confiance, et soumettez tout changement important de vos pratiques de sécurité.",
        ],
      },
      "propose-denial": {
        heading: "Nous proposons de refuser votre demande",
        body: (p: { company: string; informalReviewBy: string | null }) => [
          `Après avoir examiné la demande de ${p.company} au programme Partenaires en protection (PEP), l’Agence des services frontaliers du Canada (ASFC) propose de la refuser, pour les motifs ci-dessous.`,
          p.informalReviewBy
            ? `Le titulaire du compte peut demander un examen informel de cette proposition dans le Portail des négociants dignes de confiance jusqu’au ${p.informalReviewBy}. Si aucun examen informel n’est demandé d’ici là, la demande sera refusée.`
            : "Le titulaire du compte peut demander un examen informel de cette proposition dans le Portail des négociants dignes de confiance dans les 30\u00a0jours. Si aucun examen informel n’est demandé d’ici là, la demande sera refusée.",
        ],
      },
      deny: {
        heading: "Votre demande est refusée",
        body: (p: { company: string }) => [
          `L’Agence des services frontaliers du Canada (ASFC) a refusé la demande de ${p.company} au programme Partenaires en protection (PEP), pour les motifs ci-dessous.`,
        ],
      },
      suspend: {
        heading: "L’adhésion de votre entreprise est suspendue",
        body: (p: { company: string; actionPlanDueOn: string | null }) => [
          `L’Agence des services frontaliers du Canada (ASFC) a suspendu l’adhésion de ${p.company} au programme Partenaires en protection (PEP), pour les motifs ci-dessous. Pendant la suspension, votre entreprise ne bénéficie pas des avantages du programme.`,
          p.actionPlanDueOn
            ? `Votre entreprise doit réaliser, au plus tard le ${p.actionPlanDueOn}, un plan d’action qui répond à ces motifs. L’ASFC rétablira ensuite l’adhésion ou l’annulera.`
            : "Votre entreprise doit réaliser un plan d’action qui répond à ces motifs. L’ASFC rétablira ensuite l’adhésion ou l’annulera.",
        ],
      },
      "suspend-unrevalidated": {
        heading: "L’adhésion de votre entreprise est suspendue",
        body: (p: { company: string }) => [
          `L’adhésion de ${p.company} au programme Partenaires en protection (PEP) est suspendue\u00a0: son profil de sécurité n’a pas été soumis de nouveau pour la revalidation dans les 90\u00a0jours suivant l’anniversaire de l’adhésion. Pendant la suspension, votre entreprise ne bénéficie pas des avantages du programme.`,
          "Revoyez votre profil de sécurité et soumettez-le de nouveau dans le Portail des négociants dignes de confiance.",
        ],
      },
      reinstate: {
        heading: "L’adhésion de votre entreprise est rétablie",
        body: (p: { company: string }) => [
          `L’Agence des services frontaliers du Canada (ASFC) a rétabli l’adhésion de ${p.company} au programme Partenaires en protection (PEP). Votre entreprise bénéficie de nouveau des avantages du programme.`,
        ],
      },
      cancel: {
        heading: "L’adhésion de votre entreprise est annulée",
        body: (p: { company: string }) => [
          `L’Agence des services frontaliers du Canada (ASFC) a annulé l’adhésion de ${p.company} au programme Partenaires en protection (PEP), pour les motifs ci-dessous.`,
          "Le titulaire du compte peut interjeter appel de cette décision dans le Portail des négociants dignes de confiance dans les 30\u00a0jours suivant l’annulation. L’appel est tranché par un agent autre que celui qui a annulé l’adhésion.",
        ],
      },
      "grant-appeal": {
        heading: "Votre appel est accueilli\u00a0: l’adhésion de votre entreprise est rétablie",
        body: (p: { company: string }) => [
          `L’Agence des services frontaliers du Canada (ASFC) a accueilli l’appel de ${p.company} contre l’annulation de son adhésion au programme Partenaires en protection (PEP). L’adhésion est rétablie et votre entreprise bénéficie de nouveau des avantages du programme.`,
        ],
      },
      "dismiss-appeal": {
        heading: "Votre appel est rejeté",
        body: (p: { company: string }) => [
          `L’Agence des services frontaliers du Canada (ASFC) a rejeté l’appel de ${p.company} contre l’annulation de son adhésion au programme Partenaires en protection (PEP), pour les motifs ci-dessous. L’annulation est maintenue et cette décision est définitive.`,
        ],
      },
      "revalidation-due": {
        heading: "L’adhésion de votre entreprise doit être revalidée",
        body: (p: { company: string; anniversaryOn: string | null; resubmitBy: string | null }) => [
          p.anniversaryOn
            ? `L’adhésion de ${p.company} au programme Partenaires en protection (PEP) est revalidée tous les 4\u00a0ans\u00a0: elle a atteint son anniversaire le ${p.anniversaryOn} et doit maintenant être revalidée.`
            : `L’adhésion de ${p.company} au programme Partenaires en protection (PEP) est revalidée tous les 4\u00a0ans\u00a0: elle a atteint son anniversaire et doit maintenant être revalidée.`,
          p.resubmitBy
            ? `Revoyez votre profil de sécurité et soumettez-le de nouveau dans le Portail des négociants dignes de confiance au plus tard le ${p.resubmitBy}. Sinon, l’adhésion sera suspendue.`
            : "Revoyez votre profil de sécurité et soumettez-le de nouveau dans le Portail des négociants dignes de confiance dans les 90\u00a0jours suivant l’anniversaire. Sinon, l’adhésion sera suspendue.",
          "Une nouvelle validation sur place suivra la nouvelle soumission.",
        ],
      },
    },
    reasonsHeading: "Motifs",
    memberSince: "Membre depuis le",
    anniversary: "Anniversaire (revalidation)",
    resubmitBy: "Profil de sécurité à soumettre de nouveau au plus tard le",
    siteValidationHeading: "Validation sur place",
    siteValidationDate: "Date",
    siteValidationFacility: "Installation",
    siteValidationOutcome: "Résultat",
    siteValidationOutcomes: { satisfactory: "Satisfaisant", unsatisfactory: "Insatisfaisant" },
    siteValidationNoOutcome: "Non consigné",
    questions: (email: string, reference: string) =>
      `Si vous avez des questions au sujet de cette lettre, écrivez au programme Partenaires en protection en indiquant le numéro de référence ${reference}\u00a0:\n${email}`,
    closing: ["Programme Partenaires en protection", "Agence des services frontaliers du Canada"],
  },
};
