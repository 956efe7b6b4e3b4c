import type { ExpiryMessages } from "./expiry.en.ts";

// Messages en français de l’expiration du NRU et du rétablissement de l’accès (section 4 de la
// SPEC, STAFF-3) : la page d’un NRU expiré, les rappels, le courriel du nouveau NRU, la console
// de l’UTCC et l’historique de l’entreprise.
export const expiryFr: ExpiryMessages = {
  expiredTitle: "Votre numéro de référence d’utilisateur a expiré",
  expiredText: [
    "Votre numéro de référence d’utilisateur (NRU) a expiré parce que vous n’avez pas ouvert de session dans le Portail des négociants dignes de confiance depuis 2 ans. Il ne donne plus accès au compte d’aucune entreprise.",
    "Communiquez avec l’Unité technique des clients commerciaux (UTCC). Après avoir vérifié votre identité, elle vous enverra un nouveau NRU par courriel. Le propriétaire du compte de chacune de vos entreprises réactivera ensuite votre accès.",
    "Si vous êtes le propriétaire du compte d’une entreprise, ses autres utilisateurs ont aussi perdu leur accès. Une fois votre nouveau NRU reçu, ouvrez une session et réactivez-les à partir de votre tableau de bord PEP.",
  ],
  ownerExpiredTitle: "Le numéro de référence d’utilisateur du propriétaire du compte a expiré",
  ownerExpiredText: (company: string) =>
    `Votre accès à ${company} a été désactivé parce que le numéro de référence d’utilisateur (NRU) du propriétaire de son compte a expiré. Le propriétaire du compte doit obtenir un nouveau NRU auprès de l’Unité technique des clients commerciaux (UTCC), puis vous réactiver. Vous en serez avisé par courriel.`,
  ownExpiredTitle: "Votre accès à cette entreprise a été désactivé",
  ownExpiredText: (company: string) =>
    `Votre accès à ${company} a été désactivé parce que votre numéro de référence d’utilisateur (NRU) a expiré. Une fois que l’UTCC vous aura attribué un nouveau NRU, le propriétaire du compte de l’entreprise devra vous réactiver.`,

  emails: {
    reminderSubject: {
      "12-months": "Ouvrez une session pour conserver votre numéro de référence d’utilisateur — Portail des négociants dignes de confiance",
      "21-months": "Votre numéro de référence d’utilisateur expire dans 3 mois — Portail des négociants dignes de confiance",
      "23-months": "Votre numéro de référence d’utilisateur expire le mois prochain — Portail des négociants dignes de confiance",
    },
    reminderBody: (name: string, months: number, expiresOn: string) => [
      `Bonjour ${name},`,
      months === 12
        ? "Vous n’avez pas ouvert de session dans le Portail des négociants dignes de confiance depuis un an."
        : `Vous n’avez pas ouvert de session dans le Portail des négociants dignes de confiance depuis ${months} mois.`,
      `Votre numéro de référence d’utilisateur (NRU) expire si vous n’ouvrez pas de session au moins une fois tous les 2 ans. Ouvrez une session avant le ${expiresOn} pour le conserver; après cette date, seule l’Unité technique des clients commerciaux (UTCC) pourra vous en attribuer un nouveau.`,
    ],
    ownerWarning: (companies: string) =>
      `Vous êtes le propriétaire du compte de ${companies.replace(/\.$/, "")}. Si votre NRU expire, tous les autres utilisateurs de ces entreprises perdront aussi leur accès, jusqu’à ce que vous obteniez un nouveau NRU et les réactiviez.`,
    newUrnSubject: "Votre nouveau numéro de référence d’utilisateur — Portail des négociants dignes de confiance",
    newUrnBody: (name: string, urn: string) => [
      `Bonjour ${name},`,
      `L’Unité technique des clients commerciaux (UTCC) vous a attribué un nouveau numéro de référence d’utilisateur (NRU) : ${urn}`,
      "Votre numéro précédent ne fonctionne plus. Ouvrez une session dans le portail avec votre justificatif habituel. Le propriétaire du compte de chacune de vos entreprises réactivera votre accès; si vous êtes propriétaire d’un compte, ouvrez une session et réactivez les utilisateurs de vos entreprises à partir du tableau de bord PEP.",
    ],
  },

  tccu: {
    title: "UTCC : trouver un utilisateur du portail",
    intro: "Cherchez par nom de famille, prénom, adresse courriel ou numéro de référence d’utilisateur (NRU). Une partie de mot suffit; les majuscules et les accents n’ont pas d’importance.",
    query: "Recherche",
    queryHint: "Par exemple : tremb, a.tremblay@, URN-7Q2M",
    searchButton: "Chercher",
    tooShort: "Entrez au moins 2 caractères.",
    resultsCaption: (n: number, limit: number) => (n >= limit ? `Les ${limit} premières personnes trouvées` : n <= 1 ? `${n} personne trouvée` : `${n} personnes trouvées`),
    noResults: "Aucun utilisateur du portail ne correspond à cette recherche.",
    colName: "Nom",
    colEmail: "Courriel",
    colUrn: "NRU",
    colState: "État du NRU",
    valid: "Valide",
    expired: "Expiré",
    personTitle: (name: string) => `Utilisateur du portail : ${name}`,
    phone: "Téléphone",
    language: "Langue de préférence",
    lastSignIn: "Dernière ouverture de session",
    never: "Jamais",
    urnIssued: "NRU attribué le",
    urnExpiredOn: "NRU expiré le",
    urnExpiresOn: "NRU expire le",
    companiesCaption: "Entreprises",
    noCompanies: "Cette personne n’est utilisatrice d’aucune entreprise.",
    colCompany: "Entreprise",
    colClientNumber: "Numéro de client",
    colRole: "Rôle",
    colAccess: "Accès",
    active: "Actif",
    deactivatedReasons: {
      "by-user": "Désactivé par un utilisateur de l’entreprise",
      "urn-expired": "Désactivé : son NRU a expiré",
      "owner-urn-expired": "Désactivé : le NRU du propriétaire du compte a expiré",
    },
    timelineLink: (company: string) => `Historique de ${company}`,
    issueHeading: "Attribuer un nouveau NRU",
    issueText:
      "Vérifiez d’abord l’identité de la personne par les moyens propres à l’UTCC. Le nouveau NRU remplace immédiatement le NRU actuel, fait recommencer la période de 2 ans et est envoyé à l’adresse courriel de la personne. Ses accès désactivés le restent jusqu’à ce que le propriétaire du compte les réactive.",
    reason: "Motif",
    reasonHint: "Consigné dans la piste d’audit, par exemple : identité vérifiée par téléphone, billet 12345.",
    issueButton: "Attribuer un nouveau NRU",
    issued: (urn: string) => `Un nouveau NRU a été attribué : ${urn}. Il a été envoyé à la personne par courriel.`,
    reasonRequired: "Indiquez le motif de l’attribution d’un nouveau NRU.",
    reasonTooLong: "Utilisez au plus 500 caractères.",
    backToSearch: "Retour à la recherche",
  },

  timeline: {
    title: (company: string) => `Historique de l’entreprise : ${company}`,
    intro: "Chaque changement apporté au compte de l’entreprise, du plus récent au plus ancien.",
    caption: "Événements d’audit",
    colWhen: "Quand",
    colWho: "Qui",
    colWhat: "Quoi",
    none: "Aucun événement pour le moment.",
    system: "Le portail",
    staff: (name: string) => `ASFC : ${name}`,
    trader: (name: string) => name,
    actions: {
      "company.registered": "Entreprise inscrite",
      "company.created-by-cbsa": "Dossier de l’entreprise créé par l’ASFC",
      "company.activated": "Entreprise activée",
      "company.terms-accepted": "Conditions d’utilisation acceptées : compte autorisé",
      "company.new-activation-code": "Nouveau code d’activation demandé",
      "company.profile-updated": "Profil de l’entreprise mis à jour",
      "company.ownership-transferred": "Propriété du compte transférée",
      "company.owner-urn-expired": "Le NRU du propriétaire du compte a expiré : autres utilisateurs désactivés",
      "company-user.added": "Utilisateur ajouté",
      "company-user.role-changed": "Rôle d’un utilisateur modifié",
      "company-user.deactivated": "Utilisateur désactivé",
      "company-user.reactivated": "Utilisateur réactivé",
      "company-user.contact-updated": "Coordonnées d’un utilisateur mises à jour",
      "company-user.urn-expired": "Le NRU d’un utilisateur a expiré : son accès a été désactivé",
      "company-user.urn-reissued": "L’UTCC a attribué un nouveau NRU à un utilisateur",
      "letter.sent": "Lettre d’activation envoyée par courrier recommandé",
      "letter.printed": "Lettre d’activation imprimée",
    },
  },
};
