import type { StaffMessages } from "./staff.en.ts";

// Messages en français des pages du personnel de l’ASFC (STAFF-1). Typé d’après staff.en.ts :
// un message manquant ne compile pas.
export const staffFr: StaffMessages = {
  area: "Personnel de l’ASFC",
  nav: "Compte du personnel",
  signedInAs: (name: string, username: string) => `Session ouverte\u00a0: ${name} (${username})`,
  homeLink: "Accueil du personnel",
  accountLink: "Mon compte",
  signOut: "Fermer la session",

  // ---- ouverture de session -------------------------------------------------------------
  signInTitle: "Ouverture de session du personnel de l’ASFC",
  signInIntro:
    "Pour les employés de l’Agence des services frontaliers du Canada qui travaillent dans le Portail des négociants dignes de confiance. Il vous faut votre nom d’utilisateur du personnel, votre mot de passe et l’application d’authentification de votre appareil.",
  traderSignIn: "Vous ne faites pas partie du personnel de l’ASFC? Ouvrez une session dans le portail comme négociant.",
  username: "Nom d’utilisateur",
  password: "Mot de passe",
  enterUsername: "Entrez votre nom d’utilisateur.",
  enterPassword: "Entrez votre mot de passe.",
  invalidCredentials: "Le nom d’utilisateur ou le mot de passe est incorrect.",
  throttled: (when: string) => `Trop de tentatives infructueuses. Pour votre sécurité, attendez jusqu’à ${when} et réessayez.`,
  signInButton: "Ouvrir une session",
  signedOutNotice: "Votre session est fermée.",
  sessionEndedNotice: "Votre session a pris fin. Ouvrez une nouvelle session pour continuer.",

  totpTitle: "Entrez le code de votre application d’authentification",
  totpIntro: "Ouvrez l’application d’authentification de votre appareil et entrez le code à 6 chiffres qu’elle affiche pour le Portail des négociants dignes de confiance.",
  totpFirstTime:
    "Première ouverture de session\u00a0: ajoutez à votre application d’authentification la clé que votre administrateur vous a remise (clé basée sur le temps, 6 chiffres, toutes les 30 secondes), puis entrez le code qu’elle affiche.",
  totpLabel: "Code à 6 chiffres",
  totpHint: "Le code change toutes les 30 secondes.",
  totpFormat: "Entrez les 6 chiffres affichés dans votre application d’authentification.",
  totpWrong: "Ce code est incorrect. Vérifiez l’heure de votre appareil et entrez le code que votre application affiche maintenant.",
  totpReused: "Ce code a déjà été utilisé. Attendez que votre application affiche un nouveau code, puis entrez-le.",
  continueButton: "Continuer",
  cancelSignIn: "Annuler et fermer la session",

  changePasswordTitle: "Choisissez votre propre mot de passe",
  changePasswordIntro: "Le mot de passe qui vous a été remis ne fonctionne qu’une fois. Choisissez un nouveau mot de passe que vous seul connaissez.",
  newPassword: "Nouveau mot de passe",
  confirmPassword: "Confirmez votre nouveau mot de passe",
  passwordSameAsOld: "Choisissez un mot de passe différent de celui qui vous a été remis.",
  savePasswordButton: "Enregistrer et continuer",

  // ---- accueil ---------------------------------------------------------------------------
  homeTitle: "Outils du personnel de l’ASFC",
  rolesHeading: "Vos rôles",
  toolsHeading: "Vos outils",
  noTools: "Vous n’avez encore aucun rôle. Demandez-en un à un administrateur du personnel.",
  tools: {
    mailRoom: { title: "Salle du courrier", text: "Imprimer les lettres recommandées et inscrire leurs numéros de suivi." },
    tccu: { title: "Aider les négociants à retrouver l’accès (UTCC)", text: "Trouver un utilisateur du portail, lui attribuer un nouveau numéro de référence d’utilisateur, rétablir un propriétaire du compte." },
    companies: { title: "Entreprises", text: "Créer le dossier d’une entreprise pour un membre existant et consulter l’historique d’une entreprise." },
    users: { title: "Comptes du personnel", text: "Créer des comptes du personnel, réinitialiser leurs renseignements de connexion et les désactiver." },
    pip: { title: "File d’examen du PEP", text: "Examiner les demandes, modifications et réponses en attente, consigner les constatations, demander des renseignements, planifier les validations sur place et décider." },
  },
  roles: {
    "mail-room": "Salle du courrier",
    tccu: "Unité technique des clients commerciaux (UTCC)",
    "pip-officer": "Agent du PEP",
    admin: "Administrateur du personnel",
  },

  // ---- comptes du personnel (administrateurs) --------------------------------------------
  usersTitle: "Comptes du personnel",
  createUserLink: "Créer un compte du personnel",
  colUsername: "Nom d’utilisateur",
  colName: "Nom",
  colEmail: "Courriel",
  colRoles: "Rôles",
  colStatus: "État",
  colActions: "Actions",
  statusActive: "Actif",
  statusFirstSignIn: "En attente de la première ouverture de session",
  statusLocked: "Verrouillé après trop de mots de passe erronés\u00a0: réinitialisez les renseignements de connexion",
  statusDisabled: (when: string) => `Désactivé le ${when}`,
  resetLink: (username: string) => `Réinitialiser les renseignements de connexion de ${username}`,
  disableLink: (username: string) => `Désactiver ${username}`,
  userDisabledNotice: (username: string) => `Le compte du personnel ${username} a été désactivé et ses sessions ont été fermées.`,

  createUserTitle: "Créer un compte du personnel",
  createUserIntro:
    "Le portail crée un mot de passe à usage unique et une clé d’authentification pour le nouveau compte. Vous les verrez une seule fois, à la page suivante\u00a0: remettez-les à la personne de façon sécuritaire.",
  usernameHint: "De 3 à 32 caractères\u00a0: lettres, chiffres, points, traits d’union et traits de soulignement. La casse n’a pas d’importance.",
  displayName: "Nom complet",
  email: "Courriel professionnel",
  rolesLegend: "Rôles",
  rolesHint: "Choisissez chaque rôle dont la personne a besoin.",
  usernameInvalid: "Utilisez de 3 à 32 caractères\u00a0: lettres, chiffres, points, traits d’union et traits de soulignement, en commençant par une lettre ou un chiffre.",
  usernameTaken: "Ce nom d’utilisateur est déjà celui d’un autre compte du personnel.",
  chooseRole: "Choisissez au moins un rôle.",
  createUserButton: "Créer le compte",

  createdTitle: "Compte du personnel créé",
  resetDoneTitle: "Nouveaux renseignements de connexion",
  detailsIntro: (username: string) =>
    `Remettez ces renseignements de connexion à ${username} de façon sécuritaire (en personne, ou par deux moyens distincts). Ils ne sont affichés que cette fois\u00a0: le portail n’en garde aucune copie lisible.`,
  oneTimePassword: "Mot de passe à usage unique",
  oneTimePasswordHelp: "À la première ouverture de session, la personne doit le remplacer par un mot de passe de son choix.",
  totpKey: "Clé d’authentification",
  totpKeyHelp: "Dans l’application d’authentification, ajoutez un compte avec cette clé\u00a0: basée sur le temps, 6 chiffres, toutes les 30 secondes.",
  totpUri: "Adresse de la clé (otpauth)",
  totpUriHelp: "Certaines applications et certains gestionnaires de mots de passe acceptent cette adresse au lieu de la clé.",
  detailsGoneTitle: "Ces renseignements de connexion ont déjà été affichés",
  detailsGone:
    "Pour des raisons de sécurité, les renseignements de connexion à usage unique ne sont affichés qu’une fois, et seulement à l’administrateur qui les a émis. S’ils ont été perdus, réinitialisez les renseignements de connexion de la personne.",
  backToUsers: "Retour aux comptes du personnel",

  disableTitle: (username: string) => `Désactiver le compte du personnel ${username}?`,
  disableText: "La session de la personne est fermée immédiatement et elle ne peut plus en ouvrir. Le compte et son historique sont conservés.",
  disableButton: "Désactiver le compte",
  cannotDisableSelf: "Vous ne pouvez pas désactiver votre propre compte. Demandez-le à un autre administrateur du personnel.",
  cannotResetSelf: "Vous ne pouvez pas réinitialiser vos propres renseignements de connexion. Demandez-le à un autre administrateur du personnel.",
  resetTitle: (username: string) => `Réinitialiser les renseignements de connexion de ${username}?`,
  resetText:
    "La personne reçoit un nouveau mot de passe à usage unique et une nouvelle clé d’authentification. L’ancien mot de passe et l’ancienne clé cessent de fonctionner immédiatement et la session de la personne est fermée.",
  resetButton: "Réinitialiser les renseignements de connexion",
  cancel: "Annuler",
};
