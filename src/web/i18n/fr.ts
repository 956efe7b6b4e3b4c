import type { Messages } from "./en.ts";

// Messages en français. Typé d'après en.ts : un message manquant ne compile pas.
export const fr: Messages = {
  site: {
    name: "Portail des négociants dignes de confiance",
    agency: "Agence des services frontaliers du Canada",
    skipToContent: "Passer au contenu principal",
    contextualHeading: "Partenaires en protection",
    programPage: "À propos de Partenaires en protection",
    programPageUrl: "https://www.cbsa-asfc.gc.ca/security-securite/pip-pep/menu-fra.html",
    dateModified: "Date de modification :",
  },
  home: {
    title: "Portail des négociants dignes de confiance",
    lead:
      "Les entreprises qui font passer des marchandises à la frontière canadienne utilisent ce portail pour créer leur compte et présenter une demande au programme Partenaires en protection (PEP) de l’Agence des services frontaliers du Canada.",
    browsersTitle: "Exigences techniques",
    browsers: "Pour utiliser le portail, vous devez utiliser Microsoft Edge ou Google Chrome.",
    credentialsTitle: "Comment y accéder : choisir un justificatif d’identité",
    credentialsIntro:
      "Chaque personne de votre entreprise qui utilisera le portail a besoin de son propre justificatif d’identité. Les justificatifs ne sont jamais partagés. Il en existe 2 types :",
    gckeyTitle: "CléGC",
    gckey:
      "Un nom d’utilisateur et un mot de passe que vous choisissez. Si vous utilisez d’autres services en ligne du gouvernement du Canada, la CléGC vous permet d’utiliser les mêmes pour tous ces services.",
    partnerTitle: "Partenaire de connexion",
    partner:
      "Ouvrez une session avec le nom d’utilisateur et le mot de passe que vous utilisez déjà auprès d’une institution financière participante. Le portail ne voit jamais vos identifiants bancaires.",
    urn:
      "Après l’enregistrement de votre justificatif, vous recevez un courriel de confirmation avec votre numéro de référence de l’utilisateur (NRU). Conservez-le en lieu sûr : un titulaire de compte en a besoin pour vous ajouter à une entreprise.",
    stepsTitle: "Étapes pour inscrire votre entreprise",
    steps: [
      "Choisir un justificatif d’identité (CléGC ou Partenaire de connexion) et créer votre profil d’utilisateur du portail.",
      "Choisir le titulaire du compte de votre entreprise : l’employé ayant le pouvoir de signature qui soumettra la demande.",
      "Le titulaire du compte ouvre une session, confirme un code à usage unique envoyé par courriel et inscrit l’entreprise : admissibilité et adresse postale.",
      "Attendre le numéro de client et le code d’activation, envoyés par courrier recommandé dans un délai de 15 jours ouvrables.",
      "Ouvrir une session et activer votre entreprise avec le numéro de client et le code d’activation, puis accepter les conditions d’utilisation.",
      "Remplir les profils d’entreprise, de demande et de sécurité, puis soumettre la demande.",
    ],
    activationNote: "Un code d’activation expire 45 jours après sa délivrance. Vous pouvez en demander un nouveau dans le portail.",
  },
  errors: {
    notFoundTitle: "Nous ne pouvons trouver cette page",
    notFound: "L’adresse est peut-être mal saisie, ou la page a été déplacée. Vérifiez l’adresse ou allez à la page d’accueil du portail.",
    serverErrorTitle: "Un problème est survenu",
    serverError: "Le portail n’a pas pu traiter votre demande. Rien n’a été modifié. Veuillez réessayer dans quelques minutes.",
    badRequestTitle: "Nous n’avons pas pu comprendre la demande",
    badRequest: "La demande était mal formée et n’a pas été traitée. Rien n’a été modifié.",
    tooLargeTitle: "La demande est trop volumineuse",
    tooLarge: "Ce que vous avez envoyé dépasse la taille acceptée par le portail. Rien n’a été modifié.",
    forbiddenTitle: "Vous ne pouvez pas faire cela ici",
    forbidden: "Vous n’avez pas l’autorisation d’accéder à cette page ou d’effectuer cette action. Rien n’a été modifié.",
    csrfTitle: "Votre formulaire a expiré",
    csrf: "Pour votre sécurité, le portail n’a pas pu confirmer que ce formulaire provenait de cette page. Rien n’a été modifié. Revenez en arrière, rechargez la page et réessayez.",
    reference: (id: string) => `Référence pour le service d’aide : ${id}`,
    goHome: "Aller à la page d’accueil du portail",
  },
  mailbox: {
    title: "Boîte de courriel de développement",
    intro: "Messages envoyés par le portail lorsqu’aucun serveur SMTP n’est configuré. Cette page n’existe pas en production.",
    empty: "Aucun message pour l’instant.",
    to: "Destinataire",
    subject: "Objet",
    received: "Reçu le",
    back: "Retour à la boîte de courriel",
    messageTitle: (subject: string) => `Message : ${subject}`,
  },
};
