import type { ContactMessages, HelpMessages } from "./help.en.ts";

// Messages en français de la section d’aide et de la page Nous joindre (enjeu 15) : les
// libellés et les bureaux du bloc de coordonnées, et les sujets de la page d’aide.
export const contactFr: ContactMessages = {
  title: "Nous joindre",
  lead: "À qui vous adresser dépend de ce dont vous avez besoin. Ayez sous la main votre numéro de référence d’utilisateur (NRU) et, s’il y a lieu, le numéro de client de votre entreprise. Ne donnez jamais votre mot de passe à qui que ce soit.",
  phone: "Téléphone",
  email: "Courriel",
  hours: "Heures",
  allWays: "Toutes les façons de nous joindre",
  referenceTip: "Si une page d’erreur vous a donné une référence, communiquez-la au service d’assistance\u00a0: elle lui permet de trouver ce qui s’est produit.",
  offices: {
    helpDesk: {
      name: "Service d’assistance du Portail des négociants dignes de confiance",
      purpose: "Pour un problème d’utilisation du portail\u00a0: ouverture de session, page d’erreur, page qui ne fonctionne pas comme elle le devrait.",
    },
    tccu: {
      name: "Unité technique des clients commerciaux (UTCC)",
      purpose:
        "Pour obtenir un nouveau numéro de référence d’utilisateur (NRU) lorsque le vôtre a expiré, ou lorsque vous n’avez plus accès à l’adresse courriel de votre profil d’utilisateur du portail. L’UTCC vérifie votre identité avant d’attribuer un nouveau NRU.",
    },
    program: {
      name: "Programme Partenaires en protection (PEP)",
      purpose:
        "Pour vos questions sur le programme, l’admissibilité et votre demande; lorsque votre lettre d’inscription n’est pas arrivée; pour un nouveau code d’activation lorsque l’ASFC a créé le dossier de votre entreprise.",
    },
  },
  helpLink: "Aide sur le portail",
};

export const helpFr: HelpMessages = {
  title: "Aide sur le Portail des négociants dignes de confiance",
  lead: "Le fonctionnement du portail, ce que chaque rôle permet de faire et quoi faire lorsque quelque chose vous bloque.",
  onThisPage: "Sur cette page",
  navLink: "Aide",
  contactLink: "Nous joindre",
  helpNav: "Aide et coordonnées",
  sectionHelp: (section: string) => `Aide\u00a0: ${section}`,
  moreHelpTitle: "Besoin d’aide supplémentaire?",
  moreHelp: "Si cette page ne répond pas à votre question, communiquez avec nous.",
  rolesTable: {
    caption: "Ce que chaque rôle permet de faire",
    action: "Action",
    yes: "Oui",
    no: "Non",
    actions: {
      "users.view": "Consulter les utilisateurs de l’entreprise",
      "users.edit": "Modifier les autres utilisateurs\u00a0: coordonnées, rôle, désactivation",
      "users.add": "Ajouter des utilisateurs",
      "users.reactivate": "Réactiver des utilisateurs",
      "company-profile.view": "Consulter le profil de l’entreprise",
      "company-profile.update": "Mettre à jour le profil de l’entreprise",
      "application-profile.view": "Consulter le profil de la demande",
      "application-profile.update": "Mettre à jour le profil de la demande",
      "security-profile.view": "Consulter le profil de sécurité",
      "security-profile.update": "Mettre à jour le profil de sécurité",
      "status.view": "Consulter l’état de l’adhésion et les avis",
      "account.submit": "Soumettre la demande et les changements",
      "ownership.transfer": "Transférer la propriété du compte",
    },
  },
  topics: {
    dashboard: {
      title: "Le tableau de bord PEP",
      paragraphs: [
        "Après avoir ouvert une session, choisissez une entreprise\u00a0: son tableau de bord PEP affiche le numéro de client de l’entreprise, l’état de son adhésion, votre rôle et les avis que le portail a envoyés aux utilisateurs de l’entreprise.",
        "Le tableau de bord compte 4 sections. Chacune indique où elle en est\u00a0: non commencée, en cours (avec le nombre de questions répondues) ou terminée. Les sections que vous pouvez ouvrir dépendent de votre rôle.",
      ],
      list: [
        "Profil de l’entreprise\u00a0: noms, numéro d’entreprise, adresses, installations et personne-ressource principale.",
        "Ajouter et gérer des utilisateurs\u00a0: les personnes qui travaillent au compte de l’entreprise et leur rôle.",
        "Profil de la demande\u00a0: questions générales et questions propres à chaque secteur d’activité.",
        "Profil de sécurité\u00a0: questions de sécurité pour chaque division de l’entreprise.",
      ],
    },
    roles: {
      title: "Les rôles et ce que chacun permet de faire",
      paragraphs: [
        "Chaque utilisateur d’une entreprise a 1 rôle parmi 4. Une personne peut être utilisatrice de plusieurs entreprises, avec un rôle dans chacune.",
        "Le propriétaire du compte devrait être un employé ayant le pouvoir de signature, et non un consultant ou un employé temporaire. Chaque entreprise a exactement 1 propriétaire du compte. Chaque utilisateur peut mettre à jour ses propres coordonnées.",
        "Si une page indique que vous ne pouvez pas faire une action, elle nomme les rôles qui le peuvent. Adressez-vous à un utilisateur qui a l’un de ces rôles ou au propriétaire du compte.",
      ],
    },
    users: {
      title: "Ajouter des utilisateurs",
      paragraphs: [
        "La personne doit d’abord créer son propre profil d’utilisateur du portail avec un justificatif d’identité (CléGC ou Partenaire de connexion). Elle reçoit alors un numéro de référence d’utilisateur (NRU) par courriel.",
        "Dans Ajouter et gérer des utilisateurs, choisissez Ajouter un utilisateur et entrez le nom de famille, le NRU et l’adresse courriel de la personne exactement comme dans son profil d’utilisateur du portail, puis choisissez son rôle. Si ces 3 renseignements ne correspondent pas à un même utilisateur du portail, le portail indique qu’aucun utilisateur correspondant n’a été trouvé.",
        "Le nouvel utilisateur en est avisé par courriel et voit l’entreprise à sa prochaine ouverture de session. Le propriétaire du compte et les propriétaires mandataires peuvent attribuer le rôle de propriétaire mandataire, d’utilisateur à accès complet ou d’utilisateur administratif seulement; les autres utilisateurs peuvent attribuer le rôle d’utilisateur à accès complet ou d’utilisateur administratif seulement.",
      ],
    },
    transfer: {
      title: "Transférer la propriété du compte",
      paragraphs: [
        "Seul le propriétaire du compte peut faire d’un autre utilisateur le propriétaire du compte, par exemple avant de quitter l’entreprise. Le nouveau propriétaire doit déjà être un utilisateur actif de l’entreprise.",
      ],
      list: [
        "Dans Ajouter et gérer des utilisateurs, choisissez Réassigner le propriétaire du compte.",
        "Entrez le nom de famille, le NRU et l’adresse courriel du nouveau propriétaire.",
        "Choisissez votre propre rôle après le transfert, ou de quitter l’entreprise.",
        "Confirmez. Vous en êtes tous deux avisés par courriel.",
      ],
      ordered: true,
    },
    activation: {
      title: "Activer votre entreprise et obtenir un nouveau code d’activation",
      paragraphs: [
        "Lorsque vous inscrivez votre entreprise, l’ASFC envoie par courrier recommandé une lettre qui contient le numéro de client de l’entreprise et un code d’activation. Elle devrait arriver dans un délai de 15 jours ouvrables; le portail en affiche la date. Si elle n’est pas arrivée à cette date, communiquez avec le programme Partenaires en protection.",
        "Seule la personne qui a inscrit l’entreprise dans le portail peut l’activer; pour une entreprise dont l’ASFC a créé le dossier, la personne qui l’active en devient le propriétaire du compte. Choisissez Activer votre entreprise et entrez le numéro de client et le code d’activation. Après 5 essais erronés, le code est verrouillé.",
        "Un code d’activation expire 45 jours après sa délivrance. S’il a expiré, s’il est perdu ou verrouillé, choisissez Demander un nouveau code d’activation\u00a0: une nouvelle lettre est envoyée à l’adresse confirmée et le code précédent cesse aussitôt de fonctionner.",
        "Après l’activation, le propriétaire du compte accepte les conditions d’utilisation. Ce n’est qu’ensuite que les renseignements de l’entreprise peuvent être modifiés.",
      ],
    },
    urn: {
      title: "Lorsque votre numéro de référence d’utilisateur (NRU) expire",
      paragraphs: [
        "Votre NRU expire si vous n’ouvrez pas de session pendant 2 ans. Le portail vous envoie un rappel par courriel après 1 an sans ouverture de session, puis à 21 et à 23 mois.",
        "Une fois expiré, votre NRU ne donne accès au compte d’aucune entreprise. Communiquez avec l’Unité technique des clients commerciaux (UTCC)\u00a0: après avoir vérifié votre identité, elle vous envoie un nouveau NRU par courriel.",
        "Votre accès à chaque entreprise reste ensuite désactivé jusqu’à ce que son propriétaire du compte vous réactive. Si le NRU du propriétaire du compte a expiré, tous les utilisateurs de l’entreprise perdent leur accès\u00a0: une fois son nouveau NRU reçu, le propriétaire ouvre une session et réactive les utilisateurs à partir du tableau de bord PEP.",
      ],
    },
    "company-profile": {
      title: "Le profil de l’entreprise",
      paragraphs: [
        "La dénomination sociale et le nom commercial de l’entreprise, son numéro d’entreprise, la date de début de ses activités, son nombre d’employés, son site Web, ses adresses (siège social, adresse postale et installations) et sa personne-ressource principale. Tous les utilisateurs de l’entreprise peuvent le consulter et le mettre à jour.",
      ],
    },
    "application-profile": {
      title: "Le profil de la demande",
      paragraphs: [
        "Une partie générale à laquelle chaque entreprise répond, et une partie pour chaque secteur d’activité de l’entreprise, avec les questions propres à ce secteur. Vous pouvez ajouter ou retirer des secteurs d’activité avant la soumission.",
        "Chaque partie offre Enregistrer et continuer et Enregistrer et revenir plus tard\u00a0: vos réponses sont conservées comme ébauche jusqu’à ce que le propriétaire du compte les soumette. Si un autre utilisateur a modifié une réponse après que vous avez ouvert la page, la page affiche les deux réponses au lieu de remplacer la sienne.",
      ],
    },
    "security-profile": {
      title: "Le profil de sécurité",
      paragraphs: [
        "Un profil de sécurité pour chaque division de l’entreprise. Une division a un nom, les secteurs d’activité qu’elle exerce et les installations qu’elle utilise. Chaque division répond aux questions de sécurité qui s’appliquent à ses secteurs, dans 4 domaines\u00a0: la sécurité de l’entreprise, la sécurité du fret et des moyens de transport, la sécurité physique et la sécurité des partenaires de la chaîne d’approvisionnement.",
        "Certaines questions demandent un document ou une photo comme pièce justificative\u00a0: fichiers PDF, JPEG, PNG, Word (DOCX) ou Excel (XLSX), jusqu’à la taille indiquée sur la page.",
      ],
    },
    submitting: {
      title: "Soumettre la demande",
      paragraphs: [
        "Soumettre la demande apparaît dans le tableau de bord lorsque le profil de l’entreprise, chaque partie du profil de la demande et le profil de sécurité de chaque division sont remplis. Seul le propriétaire du compte peut soumettre.",
        "Le propriétaire du compte confirme une déclaration en tapant son nom complet. L’entreprise reçoit une référence de soumission et une copie PDF, et chaque utilisateur en est avisé. Après une décision, les modifications ultérieures sont soumises de la même façon, sous forme de changements.",
      ],
    },
  },
};
