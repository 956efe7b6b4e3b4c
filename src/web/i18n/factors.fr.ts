import type { FactorsMessages, StrongFactors } from "./factors.en.ts";

/** « votre clé d’accès », « vos clés d’accès », « votre application d’authentification », ou les deux, joints par « ou » ou, après une négation, par « ni ». */
const vos = (h: StrongFactors, conj: "ou" | "ni"): string => {
  const passkey = h.passkeys === 0 ? null : h.passkeys === 1 ? "votre clé d’accès" : "vos clés d’accès";
  const app = h.app ? "votre application d’authentification" : null;
  return [passkey, app].filter(Boolean).join(` ${conj} `) || `votre clé d’accès ${conj} votre application d’authentification`;
};

// Messages en français des seconds facteurs plus forts (ID-9 et STAFF-1 de la SPEC) : clés
// d’accès, application d’authentification, codes par courriel activés ou non, codes de
// récupération; l’étape de connexion qui les propose; les clés d’accès du personnel; leurs courriels.
export const factorsFr: FactorsMessages = {
  passkeyWhat:
    "Une clé d’accès vous permet de confirmer votre identité avec votre téléphone, votre ordinateur ou une clé de sécurité — par votre empreinte digitale, votre visage, un NIP ou un simple toucher — au lieu de taper un code. Elle est faite pour l’adresse de ce portail seulement\u00a0: un faux site qui ressemble au portail ne peut pas s’en servir.",
  appWhat:
    "Une application d’authentification sur votre téléphone ou votre ordinateur (par exemple Microsoft Authenticator, Google Authenticator ou un gestionnaire de mots de passe) affiche un nouveau code de 6 chiffres toutes les 30 secondes. Elle fonctionne sans connexion réseau.",
  noPasskeyDevice:
    "Ce navigateur ou cet appareil ne peut pas utiliser de clé d’accès ici (ou JavaScript est désactivé). Utilisez plutôt une application d’authentification, ou continuez de recevoir des codes par courriel.",
  noPasskeyDeviceSignIn: "Ce navigateur ou cet appareil ne peut pas utiliser de clé d’accès ici (ou JavaScript est désactivé). Utilisez un autre moyen ci-dessous.",
  passkeyCancelled: "La clé d’accès n’a pas été utilisée\u00a0: la demande a été annulée ou a expiré. Réessayez, ou utilisez un autre moyen.",
  passkeyFailed: "Votre navigateur n’a pas pu traiter la demande de clé d’accès. Réessayez, ou utilisez un autre moyen.",
  passkeyWorking: "Suivez les instructions de votre navigateur pour utiliser votre clé d’accès…",
  never: "Jamais",
  neverInSentence: "jamais",
  backToSecurity: "Retour à la sécurité de la connexion",
  cancel: "Annuler",

  accountHeading: "Sécurité de la connexion",
  accountSummary: (passkeys: number, app: boolean, emailOn: boolean) => {
    const ways = [
      passkeys === 0 ? null : passkeys === 1 ? "1 clé d’accès" : `${passkeys} clés d’accès`,
      app ? "une application d’authentification" : null,
      emailOn ? "un code par courriel" : null,
    ].filter(Boolean);
    return `À la connexion, vous confirmez votre identité avec ${ways.join(", ").replace(/, ([^,]*)$/, " ou $1")}.`;
  },
  accountEmailOnly: "Les codes par courriel ne sont pas la protection la plus forte. Ajoutez une clé d’accès ou une application d’authentification.",
  accountLink: "Gérer vos clés d’accès, votre application d’authentification et les codes par courriel",

  securityTitle: "Sécurité de la connexion",
  securityIntro:
    "Après votre mot de passe ou votre partenaire de connexion, vous confirmez votre identité avec un second facteur. Un code envoyé par courriel est le plus faible\u00a0: quiconque accède à votre courriel peut s’en servir. Une clé d’accès est la plus forte, et une application d’authentification est plus sûre que le courriel.",
  passkeysHeading: "Clés d’accès",
  noPasskeys: "Vous n’avez aucune clé d’accès.",
  passkeysCaption: "Vos clés d’accès",
  colName: "Nom",
  colAdded: "Ajoutée le",
  colLastUsed: "Dernière utilisation",
  colActions: "Actions",
  removePasskeyLink: (name: string) => `Retirer ${name}`,
  addPasskeyLink: "Ajouter une clé d’accès",
  passkeyLimit: (max: number) => `Vous avez ${max} clés d’accès, le maximum. Retirez-en une pour en ajouter une autre.`,
  appHeading: "Application d’authentification",
  appAdded: (added: string, lastUsed: string) => `Une application d’authentification a été configurée le ${added}. Dernière utilisation\u00a0: ${lastUsed}.`,
  noApp: "Vous n’avez pas configuré d’application d’authentification.",
  setUpAppLink: "Configurer une application d’authentification",
  removeAppLink: "Retirer l’application d’authentification",
  emailHeading: "Codes par courriel",
  emailOn: "À la connexion, vous pouvez demander un code de 6 chiffres par courriel.",
  emailOnOnly: "À la connexion, nous vous envoyons un code de 6 chiffres par courriel.",
  emailOffNeedsFactor: "Pour désactiver les codes par courriel, ajoutez d’abord une clé d’accès ou une application d’authentification.",
  turnEmailOffLink: "Désactiver les codes par courriel",
  emailOff: (since: string, have: StrongFactors) =>
    `Les codes par courriel sont désactivés depuis le ${since}. Si vous ne pouvez pas utiliser ${vos(have, "ni")}, connectez-vous avec un code de récupération.`,
  recoveryLeft: (n: number) => (n === 1 ? "Il vous reste 1 code de récupération inutilisé." : `Il vous reste ${n} codes de récupération inutilisés.`),
  newRecoveryCodesLink: "Obtenir de nouveaux codes de récupération",
  turnEmailOnButton: "Réactiver les codes par courriel",
  notices: {
    passkeyAdded: (name: string) => `La clé d’accès «\u00a0${name}\u00a0» a été ajoutée.`,
    passkeyAddedBody: "Vous pourrez l’utiliser à votre prochaine connexion.",
    passkeyRemoved: "La clé d’accès a été retirée.",
    appAdded: "L’application d’authentification a été configurée.",
    appAddedBody: "Vous pourrez utiliser ses codes à votre prochaine connexion.",
    appRemoved: "L’application d’authentification a été retirée.",
    emailOn: "Les codes par courriel sont réactivés.",
    emailOnBody: "Vos codes de récupération ne fonctionnent plus.",
    emailBackOn: "Il ne vous reste aucune clé d’accès ni application d’authentification\u00a0: les codes par courriel sont réactivés. Vos codes de récupération ne fonctionnent plus.",
  },

  addPasskeyTitle: "Ajouter une clé d’accès",
  addPasskeySteps: [
    "Donnez à la clé d’accès un nom que vous reconnaîtrez, par exemple celui de l’appareil où elle se trouve.",
    "Sélectionnez Créer la clé d’accès. Votre navigateur vous demande où la garder\u00a0: sur cet appareil, sur votre téléphone (en balayant un code QR) ou sur une clé de sécurité. Confirmez ensuite avec votre empreinte digitale, votre visage, votre NIP ou un toucher.",
  ],
  passkeyName: "Nom de la clé d’accès",
  passkeyNameHint: "Par exemple\u00a0: Portable du bureau, Mon téléphone. 100 caractères ou moins.",
  createPasskeyButton: "Créer la clé d’accès",
  passkeyNameRequired: "Entrez un nom pour la clé d’accès.",
  passkeyNameTooLong: "Utilisez 100 caractères ou moins.",
  passkeyNotCreated: "Votre navigateur n’a transmis aucune clé d’accès. Sélectionnez Créer la clé d’accès et suivez les instructions de votre navigateur.",
  passkeyExpired: "La demande de clé d’accès a expiré. Sélectionnez de nouveau Créer la clé d’accès.",
  passkeyInvalid: "La clé d’accès n’a pas pu être vérifiée. Réessayez, ou utilisez un autre appareil.",
  passkeyDuplicate: "Cette clé d’accès est déjà enregistrée.",

  removePasskeyTitle: (name: string) => `Retirer la clé d’accès «\u00a0${name}\u00a0»?`,
  removePasskeyText: "Vous ne pourrez plus vous connecter avec cette clé d’accès. Retirez-la aussi de l’appareil ou du gestionnaire de mots de passe où elle est gardée.",
  removeLastWarningTitle: "Les codes par courriel seront réactivés",
  removeLastWarning:
    "Après ce retrait, il ne vous restera aucune clé d’accès ni application d’authentification\u00a0: les codes par courriel seront réactivés, et vos codes de récupération ne fonctionneront plus.",
  removeButton: "Retirer",

  appTitle: "Configurer une application d’authentification",
  appSteps: [
    "Ouvrez votre application d’authentification et choisissez d’ajouter un compte.",
    "Balayez le code QR ci-dessous avec l’application. Si vous ne pouvez pas le balayer, tapez plutôt la clé (basée sur le temps, 6 chiffres).",
    "Entrez le code de 6 chiffres que l’application affiche maintenant pour le Portail des négociants dignes de confiance.",
  ],
  qrAlt: "Code QR à balayer avec votre application d’authentification. La même clé est écrite en dessous.",
  appKey: "Clé",
  appCodeLabel: "Code de votre application d’authentification",
  appCodeHint: "6 chiffres",
  confirmAppButton: "Confirmer",
  appNoPhone: "Pas de téléphone intelligent? Bien des gestionnaires de mots de passe et des logiciels pour ordinateur peuvent aussi afficher ces codes.",
  appAlreadySetUp: "Vous avez déjà une application d’authentification. Retirez-la d’abord pour en configurer une autre.",
  appCodeFormat: "Entrez les 6 chiffres qu’affiche l’application.",
  appCodeWrong: "Le code n’est pas valide. Vérifiez que l’horloge de l’appareil est juste, et entrez le code affiché maintenant.",
  appCodeUsed: "Ce code a déjà été utilisé. Attendez que l’application en affiche un nouveau.",
  // "d’authentification?" at the end, at the size of a title, is wider than a 320 px screen.
  removeAppTitle: "Retirer l’application d’authentification de votre compte?",
  removeAppText: "Vous ne pourrez plus vous connecter avec ses codes. Vous pouvez aussi retirer le compte de l’application.",

  emailOffTitle: "Désactiver les codes par courriel",
  emailOffText: (have: StrongFactors) => [
    `Ensuite, aucun code n’est envoyé à votre adresse courriel à la connexion\u00a0: vous vous connectez avec ${vos(have, "ou")}.`,
    `Vous recevrez 10 codes de récupération. Chacun fonctionne une fois, si vous ne pouvez pas utiliser ${vos(have, "ni")}. Gardez-les en lieu sûr, loin de vos appareils\u00a0: imprimés, ou dans un gestionnaire de mots de passe.`,
    "Si vous retirez votre dernière clé d’accès et votre application d’authentification, les codes par courriel sont réactivés.",
  ],
  emailOffButton: "Désactiver les codes par courriel",
  emailOffNeedsFactorTitle: "Ajoutez d’abord une clé d’accès ou une application d’authentification",
  recoveryTitle: "Vos codes de récupération",
  recoveryWarning: "Conservez ces codes maintenant",
  recoveryIntro: (have: StrongFactors) => `Vous ne les verrez qu’une seule fois. Chacun fonctionne une fois, quand vous ne pouvez pas utiliser ${vos(have, "ni")}.`,
  recoveryListLabel: "Codes de récupération",
  recoveryDone: "J’ai conservé mes codes",
  regenerateTitle: "Obtenir de nouveaux codes de récupération",
  regenerateText: "Vous recevrez 10 nouveaux codes de récupération. Vos codes actuels cesseront de fonctionner.",
  regenerateButton: "Obtenir de nouveaux codes",
  regenerateNeedsEmailOff: "Les codes de récupération ne servent que lorsque les codes par courriel sont désactivés.",

  factorTitle: "Confirmez votre identité",
  factorIntro: "Utilisez l’un des moyens que vous avez configurés pour confirmer votre identité.",
  usePasskeyHeading: "Utiliser une clé d’accès",
  usePasskeyText: "Votre navigateur vous demande votre clé d’accès\u00a0: sur cet appareil, sur votre téléphone ou sur votre clé de sécurité.",
  usePasskeyButton: "Utiliser votre clé d’accès",
  useAppHeading: "Utiliser votre application d’authentification",
  useAppButton: "Vérifier",
  useEmailHeading: "Ou recevoir un code par courriel",
  useEmailText: "Nous envoyons un code de 6 chiffres à l’adresse courriel de votre profil.",
  useEmailButton: "M’envoyer un code par courriel",
  useRecoveryHeading: "Utiliser un code de récupération",
  useRecoveryText: (have: StrongFactors) =>
    `Si vous ne pouvez pas utiliser ${vos(have, "ni")}, entrez l’un des codes de récupération que vous avez conservés. Chacun fonctionne une fois.`,
  recoveryCodeLabel: "Code de récupération",
  recoveryCodeHint: "10 lettres et chiffres, par exemple 7K4Q9-XMTR2.",
  useRecoveryButton: "Utiliser le code de récupération",
  noRecoveryLeft: "S’il ne vous reste aucun code de récupération, communiquez avec l’Unité technique des clients commerciaux (UTCC).",
  recoveryFormat: "Entrez un code de récupération de 10 lettres et chiffres.",
  recoveryWrong: "Ce code de récupération n’est pas valide, ou il a déjà été utilisé.",
  emailCodesAreOff: "Vous avez désactivé les codes par courriel. Utilisez un autre moyen que vous avez configuré, ou un code de récupération.",
  useStrongInstead: "Confirmer votre identité autrement",
  passkeyErrorTitle: "La clé d’accès n’a pas été acceptée",
  passkeyRefused: "La clé d’accès n’a pas pu être vérifiée. Réessayez, ou utilisez un autre moyen.",
  passkeyRequestExpired: "La demande de clé d’accès a expiré. Sélectionnez de nouveau Utiliser votre clé d’accès.",
  passkeyMissing: "Votre navigateur n’a transmis aucune clé d’accès. Sélectionnez Utiliser votre clé d’accès et suivez les instructions de votre navigateur.",

  staffAccountTitle: "Votre compte du personnel",
  staffDetailsHeading: "Vos renseignements",
  staffName: "Nom",
  staffUsername: "Nom d’utilisateur",
  staffEmail: "Courriel professionnel",
  staffRoles: "Rôles",
  staffTitle: "La sécurité de votre connexion",
  staffIntro:
    "Après votre mot de passe, vous confirmez votre identité avec un code de votre application d’authentification, ou avec une clé d’accès. Ajoutez une clé d’accès pour vous connecter sans taper de code.",
  staffAppText: "Votre application d’authentification a été configurée avec votre compte.",
  staffAppSince: (since: string) => `Votre application d’authentification a été configurée avec votre compte et utilisée pour la première fois le ${since}.`,
  staffAppLastUsed: (when: string) => `Dernier code accepté\u00a0: ${when}.`,
  staffAppLost: "Un administrateur peut émettre une nouvelle clé si vous la perdez.",
  staffNoPasskeys: "Vous n’avez aucune clé d’accès. Vous vous connectez avec les codes de votre application d’authentification.",
  staffNoPasskeyDevice:
    "Ce navigateur ou cet appareil ne peut pas utiliser de clé d’accès ici (ou JavaScript est désactivé). Continuez de vous connecter avec les codes de votre application d’authentification, ou ajoutez une clé d’accès à partir d’un ordinateur ou d’un téléphone qui le permet.",
  staffRemovePasskeyText:
    "Vous ne pourrez plus vous connecter avec cette clé d’accès; les codes de votre application d’authentification fonctionnent toujours. Retirez-la aussi de l’appareil ou du gestionnaire de mots de passe où elle est conservée.",
  staffBackToAccount: "Retour à votre compte",
  staffResetRemovesPasskeys: "Ses clés d’accès sont aussi retirées\u00a0: la personne se connecte avec la nouvelle clé, puis peut ajouter de nouveau des clés d’accès.",

  staffSignInTitle: "Confirmez votre identité",
  staffUsePasskeyText: "Votre navigateur vous demande la clé d’accès ajoutée à votre compte du personnel\u00a0: sur cet appareil, sur votre téléphone ou sur votre clé de sécurité.",
  staffNoPasskeyDeviceSignIn: "Ce navigateur ou cet appareil ne peut pas utiliser de clé d’accès ici (ou JavaScript est désactivé). Entrez ci-dessous un code de votre application d’authentification.",
  staffPasskeyOrCode: "Utilisez votre clé d’accès, ou entrez un code de votre application d’authentification.",
  staffUseCodeHeading: "Ou utiliser votre application d’authentification",
  staffPasskeyInvalid:
    "La clé d’accès n’a pas pu être vérifiée\u00a0: cette réponse n’a pas été faite pour cette connexion sur ce site, ou elle a déjà servi. Sélectionnez de nouveau Utiliser votre clé d’accès, ou entrez un code de votre application d’authentification.",
  staffPasskeyUnknown:
    "Cette clé d’accès n’est pas enregistrée dans votre compte du personnel. Utilisez une clé d’accès ajoutée à votre compte, ou entrez un code de votre application d’authentification.",
  staffPasskeyCounter:
    "Cette clé d’accès a été refusée\u00a0: son compteur de signatures a reculé, ce qui peut vouloir dire qu’elle a été copiée. Entrez un code de votre application d’authentification et avisez un administrateur du personnel.",

  emails: {
    ifNotYou: "Si vous n’êtes pas à l’origine de ce changement, connectez-vous et vérifiez dès maintenant la sécurité de votre connexion, puis communiquez avec l’UTCC.",
    staffIfNotYou: "Si vous n’êtes pas à l’origine de ce changement, avisez immédiatement un administrateur du portail.",
    passkeyAddedSubject: "Une clé d’accès a été ajoutée à votre compte — Portail des négociants dignes de confiance",
    passkeyAdded: (name: string) =>
      `Une clé d’accès nommée «\u00a0${name}\u00a0» a été ajoutée à votre compte du Portail des négociants dignes de confiance. Elle peut maintenant servir à confirmer votre identité à la connexion.`,
    passkeyRemovedSubject: "Une clé d’accès a été retirée de votre compte — Portail des négociants dignes de confiance",
    passkeyRemoved: (name: string) => `La clé d’accès nommée «\u00a0${name}\u00a0» a été retirée de votre compte du Portail des négociants dignes de confiance.`,
    appAddedSubject: "Une application d’authentification a été configurée — Portail des négociants dignes de confiance",
    appAdded:
      "Une application d’authentification a été configurée pour votre compte du Portail des négociants dignes de confiance. Ses codes peuvent maintenant servir à confirmer votre identité à la connexion.",
    appRemovedSubject: "Votre application d’authentification a été retirée — Portail des négociants dignes de confiance",
    appRemoved: "L’application d’authentification de votre compte du Portail des négociants dignes de confiance a été retirée.",
    emailOffSubject: "Les codes par courriel ont été désactivés — Portail des négociants dignes de confiance",
    emailOff: (have: StrongFactors) =>
      `Les codes de connexion ne seront plus envoyés à cette adresse. Vous vous connectez maintenant avec ${vos(have, "ou")}, ou avec l’un de vos 10 codes de récupération.`,
    emailOnSubject: "Les codes par courriel ont été réactivés — Portail des négociants dignes de confiance",
    emailOn: "Les codes de connexion peuvent de nouveau être envoyés à cette adresse. Vos codes de récupération ne fonctionnent plus.",
    emailBackOn:
      "Votre dernière clé d’accès ou application d’authentification a été retirée\u00a0: les codes de connexion peuvent de nouveau être envoyés à cette adresse. Vos codes de récupération ne fonctionnent plus.",
    recoveryNewSubject: "Nouveaux codes de récupération — Portail des négociants dignes de confiance",
    recoveryNew: "De nouveaux codes de récupération ont été créés pour votre compte du Portail des négociants dignes de confiance. Vos anciens codes ne fonctionnent plus.",
    recoveryUsedSubject: "Un code de récupération a servi à une connexion — Portail des négociants dignes de confiance",
    recoveryUsed: (left: number) =>
      `Un code de récupération vient de servir à une connexion à votre compte du Portail des négociants dignes de confiance. ${left === 1 ? "Il reste 1 code de récupération" : `Il reste ${left} codes de récupération`}. Vous pouvez en obtenir de nouveaux à la page de sécurité de la connexion de votre compte.`,
    staffPasskeyAddedSubject: "Une clé d’accès a été ajoutée à votre compte du personnel — Portail des négociants dignes de confiance",
    staffPasskeyAdded: (name: string) =>
      `Une clé d’accès nommée «\u00a0${name}\u00a0» a été ajoutée à votre compte du personnel de l’ASFC du Portail des négociants dignes de confiance.`,
    staffPasskeyRemovedSubject: "Une clé d’accès a été retirée de votre compte du personnel — Portail des négociants dignes de confiance",
    staffPasskeyRemoved: (name: string) =>
      `La clé d’accès nommée «\u00a0${name}\u00a0» a été retirée de votre compte du personnel de l’ASFC du Portail des négociants dignes de confiance.`,
    staffPasskeysResetSubject: "Vos clés d’accès ont été retirées de votre compte du personnel — Portail des négociants dignes de confiance",
    staffPasskeysReset: (names: string[]) =>
      `Un administrateur du personnel a réinitialisé vos données de connexion au Portail des négociants dignes de confiance. Vos clés d’accès ont donc été retirées\u00a0: ${names.map((n) => `«\u00a0${n}\u00a0»`).join(", ")}. Connectez-vous avec les nouvelles données qui vous ont été remises; vous pourrez ensuite ajouter de nouveau des clés d’accès.`,
  },
};
