// The Demo Bank's words, in both official languages. The Demo Bank stands for an outside
// site (a bank behind the Sign-In Partner broker), so its text lives here, not in the
// portal's catalogue (web/i18n). French is typed against English: a missing message does
// not compile.
import type { Locale } from "../../domain/locale.ts";

const en = {
  bankName: "Demo Bank",
  loginTitle: "Sign in to Demo Bank",
  devNotice: "Development only: this pretend bank lets you try the Sign-In Partner without a real bank.",
  intro: "Make up any bank username. The same username always signs you in as the same person. No password is needed.",
  usernameLabel: "Bank username",
  usernameHint: "Up to 64 characters.",
  signIn: "Sign in",
  cancel: "Cancel and return to the portal",
  errorSummary: "There is a problem",
  usernameMissing: "Enter a bank username.",
  usernameTooLong: "Enter a bank username of at most 64 characters.",
  errorPrefix: "Error:",
  errorTitle: "Demo Bank cannot continue",
  errorIntro: "This sign-in request cannot be completed. Return to the Trusted Trader Portal and start signing in again.",
  errorDetails: "Details for developers",
} as const;

type Messages = { [K in keyof typeof en]: string };

const fr: Messages = {
  bankName: "Banque Démo",
  loginTitle: "Ouvrir une session à la Banque Démo",
  devNotice: "Développement seulement : cette banque fictive permet d’essayer le partenaire de connexion sans vraie banque.",
  intro:
    "Inventez n’importe quel nom d’utilisateur bancaire. Le même nom d’utilisateur vous connecte toujours comme la même personne. Aucun mot de passe n’est demandé.",
  usernameLabel: "Nom d’utilisateur bancaire",
  usernameHint: "Au plus 64 caractères.",
  signIn: "Ouvrir une session",
  cancel: "Annuler et revenir au portail",
  errorSummary: "Il y a un problème",
  usernameMissing: "Entrez un nom d’utilisateur bancaire.",
  usernameTooLong: "Entrez un nom d’utilisateur bancaire d’au plus 64 caractères.",
  errorPrefix: "Erreur :",
  errorTitle: "La Banque Démo ne peut pas continuer",
  errorIntro: "Cette demande d’ouverture de session ne peut pas aboutir. Revenez au Portail des négociants dignes de confiance et recommencez.",
  errorDetails: "Détails pour les développeurs",
};

export function demoBankMessages(locale: Locale): Messages {
  return locale === "fr" ? fr : en;
}
