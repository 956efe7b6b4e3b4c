// English messages of the stronger second factors (SPEC ID-9, STAFF-1): passkeys, the
// authenticator app, email codes on and off, recovery codes; the sign-in step that offers
// them; the staff member's passkeys; their emails. factors.fr.ts is typed against this object.
import { endSentence } from "./sentence.ts";

/** The stronger factors a person has: a message names only those ("your authenticator app", not "your passkeys or your authenticator app"). */
export interface StrongFactors {
  passkeys: number;
  app: boolean;
}

/** "your passkey", "your passkeys", "your authenticator app", or "your passkey or your authenticator app". */
const yours = (h: StrongFactors): string => {
  const passkey = h.passkeys === 0 ? null : h.passkeys === 1 ? "your passkey" : "your passkeys";
  const app = h.app ? "your authenticator app" : null;
  return [passkey, app].filter(Boolean).join(" or ") || "your passkey or your authenticator app";
};
export const factorsEn = {
  // ---- words used on several pages -------------------------------------------------------
  passkeyWhat:
    "A passkey lets you confirm it's you with your phone, your computer or a security key — by your fingerprint, your face, a PIN or a touch — instead of typing a code. It is made for this portal's address only, so a fake site that looks like the portal cannot use it.",
  appWhat:
    "An authenticator app on your phone or computer (for example Microsoft Authenticator, Google Authenticator or a password manager) shows a new 6-digit code every 30 seconds. It works without a network connection.",
  noPasskeyDevice:
    "This browser or device cannot use passkeys here (or JavaScript is turned off). Use an authenticator app instead, or keep receiving codes by email.",
  noPasskeyDeviceSignIn: "This browser or device cannot use passkeys here (or JavaScript is turned off). Use another way below.",
  passkeyCancelled: "The passkey was not used: the request was cancelled or timed out. Try again, or use another way.",
  passkeyFailed: "Your browser could not complete the passkey request. Try again, or use another way.",
  passkeyWorking: "Follow your browser's instructions to use your passkey…",
  never: "Never",
  /** "Last used: never." — the word inside a sentence. */
  neverInSentence: "never",
  backToSecurity: "Back to sign-in security",
  cancel: "Cancel",

  // ---- the account page's summary --------------------------------------------------------
  accountHeading: "Sign-in security",
  accountSummary: (passkeys: number, app: boolean, emailOn: boolean) => {
    const ways = [
      passkeys === 0 ? null : passkeys === 1 ? "1 passkey" : `${passkeys} passkeys`,
      app ? "an authenticator app" : null,
      emailOn ? "a code by email" : null,
    ].filter(Boolean);
    return `You confirm it's you at sign-in with ${ways.join(", ").replace(/, ([^,]*)$/, " or $1")}.`;
  },
  accountEmailOnly: "Email codes are not the strongest protection. Add a passkey or an authenticator app.",
  accountLink: "Manage your passkeys, authenticator app and email codes",

  // ---- the security page ----------------------------------------------------------------
  securityTitle: "Sign-in security",
  securityIntro:
    "After your password or your Sign-In Partner, you confirm it's you with a second factor. A code sent by email is the weakest: someone who gets into your email can use it. A passkey is the strongest, and an authenticator app is stronger than email.",
  passkeysHeading: "Passkeys",
  noPasskeys: "You have no passkey.",
  passkeysCaption: "Your passkeys",
  colName: "Name",
  colAdded: "Added",
  colLastUsed: "Last used",
  colActions: "Actions",
  removePasskeyLink: (name: string) => `Remove ${name}`,
  addPasskeyLink: "Add a passkey",
  passkeyLimit: (max: number) => `You have ${max} passkeys, the most you can add. Remove one to add another.`,
  appHeading: "Authenticator app",
  appAdded: (added: string, lastUsed: string) => `An authenticator app was set up on ${added}. Last used: ${endSentence(lastUsed)}`,
  noApp: "You have not set up an authenticator app.",
  setUpAppLink: "Set up an authenticator app",
  removeAppLink: "Remove the authenticator app",
  emailHeading: "Codes by email",
  emailOn: "At sign-in, you can ask for a 6-digit code by email.",
  emailOnOnly: "At sign-in, we email you a 6-digit code.",
  emailOffNeedsFactor: "To turn email codes off, first add a passkey or an authenticator app.",
  turnEmailOffLink: "Turn email codes off",
  emailOff: (since: string, have: StrongFactors) => `Email codes have been off since ${since}. If you cannot use ${yours(have)}, sign in with a recovery code.`,
  recoveryLeft: (n: number) => (n === 1 ? "You have 1 unused recovery code." : `You have ${n} unused recovery codes.`),
  newRecoveryCodesLink: "Get new recovery codes",
  turnEmailOnButton: "Turn email codes back on",
  // A notice's title is one short sentence; what follows from it is its body.
  notices: {
    passkeyAdded: (name: string) => `The passkey “${name}” was added.`,
    passkeyAddedBody: "You can use it the next time you sign in.",
    passkeyRemoved: "The passkey was removed.",
    appAdded: "The authenticator app was set up.",
    appAddedBody: "You can use its codes the next time you sign in.",
    appRemoved: "The authenticator app was removed.",
    emailOn: "Email codes are on again.",
    emailOnBody: "Your recovery codes no longer work.",
    emailBackOn: "You have no passkey or authenticator app left, so email codes are on again. Your recovery codes no longer work.",
  },

  // ---- adding a passkey ----------------------------------------------------------------------
  addPasskeyTitle: "Add a passkey",
  addPasskeySteps: [
    "Give the passkey a name you will recognize, such as the device it is on.",
    "Select Create passkey. Your browser asks where to keep it: on this device, on your phone (by scanning a QR code), or on a security key. Then confirm with your fingerprint, your face, your PIN or a touch.",
  ],
  passkeyName: "Name of the passkey",
  passkeyNameHint: "For example: Work laptop, My phone. 100 characters or fewer.",
  createPasskeyButton: "Create passkey",
  passkeyNameRequired: "Enter a name for the passkey.",
  passkeyNameTooLong: "Use 100 characters or fewer.",
  passkeyNotCreated: "No passkey was received from your browser. Select Create passkey and follow your browser's instructions.",
  passkeyExpired: "The passkey request expired. Select Create passkey again.",
  passkeyInvalid: "The passkey could not be verified. Try again, or use another device.",
  passkeyDuplicate: "This passkey is already registered.",

  // ---- removing a passkey ---------------------------------------------------------------------
  removePasskeyTitle: (name: string) => `Remove the passkey “${name}”?`,
  removePasskeyText: "You will no longer be able to sign in with this passkey. Remove it also from the device or password manager where it is kept.",
  removeLastWarningTitle: "Email codes will be turned back on",
  removeLastWarning: "After this, you will have no passkey or authenticator app left: email codes will be turned back on, and your recovery codes will stop working.",
  removeButton: "Remove",

  // ---- setting up the authenticator app ------------------------------------------------------
  appTitle: "Set up an authenticator app",
  appSteps: [
    "Open your authenticator app and choose to add an account.",
    "Scan the QR code below with the app. If you cannot scan it, type the key instead (time-based, 6 digits).",
    "Enter the 6-digit code the app now shows for the Trusted Trader Portal.",
  ],
  qrAlt: "QR code to scan with your authenticator app. The same key is written below it.",
  appKey: "Key",
  appCodeLabel: "Code from your authenticator app",
  appCodeHint: "6 digits",
  confirmAppButton: "Confirm",
  appNoPhone: "No smartphone? Many password managers and computer programs can show these codes too.",
  appAlreadySetUp: "You already have an authenticator app. Remove it first to set up another.",
  appCodeFormat: "Enter the 6 digits the app shows.",
  appCodeWrong: "The code is not correct. Check that the app's clock is right, and enter the code it shows now.",
  appCodeUsed: "This code was already used. Wait for the app to show a new one.",
  removeAppTitle: "Remove the authenticator app?",
  removeAppText: "You will no longer be able to sign in with its codes. You can remove the account from the app too.",

  // ---- email codes off, recovery codes ---------------------------------------------------
  emailOffTitle: "Turn email codes off",
  emailOffText: (have: StrongFactors) => [
    `After this, no code is sent to your email address at sign-in: you sign in with ${yours(have)}.`,
    `You will receive 10 recovery codes. Each works once, if you cannot use ${yours(have)}. Keep them somewhere safe, apart from your devices: printed, or in a password manager.`,
    "If you remove your last passkey and authenticator app, email codes are turned back on.",
  ],
  emailOffButton: "Turn email codes off",
  emailOffNeedsFactorTitle: "First add a passkey or an authenticator app",
  recoveryTitle: "Your recovery codes",
  recoveryWarning: "Save these codes now",
  recoveryIntro: (have: StrongFactors) => `This is the only time you will see them. Each works once, when you cannot use ${yours(have)}.`,
  recoveryListLabel: "Recovery codes",
  recoveryDone: "I have saved my codes",
  regenerateTitle: "Get new recovery codes",
  regenerateText: "You will receive 10 new recovery codes. The codes you have now will stop working.",
  regenerateButton: "Get new codes",
  regenerateNeedsEmailOff: "Recovery codes are only used while email codes are off.",

  // ---- the sign-in step -----------------------------------------------------------------------
  factorTitle: "Confirm it's you",
  factorIntro: "Use one of the ways you set up to confirm it's you.",
  usePasskeyHeading: "Use a passkey",
  usePasskeyText: "Your browser asks for your passkey: on this device, on your phone, or on your security key.",
  usePasskeyButton: "Use your passkey",
  useAppHeading: "Use your authenticator app",
  useAppButton: "Verify",
  useEmailHeading: "Or get a code by email",
  useEmailText: "We send a 6-digit code to the email address in your profile.",
  useEmailButton: "Email me a code",
  useRecoveryHeading: "Use a recovery code",
  useRecoveryText: (have: StrongFactors) => `If you cannot use ${yours(have)}, enter one of the recovery codes you saved. Each works once.`,
  recoveryCodeLabel: "Recovery code",
  recoveryCodeHint: "10 letters and digits, for example 7K4Q9-XMTR2.",
  useRecoveryButton: "Use recovery code",
  noRecoveryLeft: "If you have no recovery code left, contact the Technical Commercial Client Unit (TCCU).",
  recoveryFormat: "Enter a recovery code of 10 letters and digits.",
  recoveryWrong: "This recovery code is not correct, or it was already used.",
  emailCodesAreOff: "You turned email codes off. Use another way you set up, or a recovery code.",
  useStrongInstead: "Confirm it's you another way",
  passkeyErrorTitle: "The passkey was not accepted",
  passkeyRefused: "The passkey could not be verified. Try again, or use another way.",
  passkeyRequestExpired: "The passkey request expired. Select Use your passkey again.",
  passkeyMissing: "No passkey was received from your browser. Select Use your passkey and follow your browser's instructions.",

  // ---- staff (STAFF-1): their account page, their passkeys, the code step at sign-in ---------------
  staffAccountTitle: "Your staff account",
  staffDetailsHeading: "Your details",
  staffName: "Name",
  staffUsername: "Username",
  staffEmail: "Work email",
  staffRoles: "Roles",
  staffTitle: "Your sign-in security",
  staffIntro:
    "After your password, you confirm it's you with a code from your authenticator app, or with a passkey. Add a passkey to sign in without typing a code.",
  staffAppText: "Your authenticator app was set up with your account.",
  staffAppSince: (since: string) => `Your authenticator app was set up with your account and first used on ${since}.`,
  staffAppLastUsed: (when: string) => `Last code accepted: ${endSentence(when)}`,
  staffAppLost: "An administrator can issue a new key if you lose it.",
  staffNoPasskeys: "You have no passkey. You sign in with your authenticator app's codes.",
  staffNoPasskeyDevice:
    "This browser or device cannot use passkeys here (or JavaScript is turned off). Keep signing in with your authenticator app's codes, or add a passkey from a computer or phone that can use one.",
  staffRemovePasskeyText:
    "You will no longer be able to sign in with this passkey; your authenticator app's codes still work. Remove it also from the device or password manager where it is kept.",
  staffBackToAccount: "Back to your account",
  staffResetRemovesPasskeys: "Their passkeys are removed too: they sign in with the new key, and may then add passkeys again.",

  staffSignInTitle: "Confirm it's you",
  staffUsePasskeyText: "Your browser asks for the passkey you added to your staff account: on this device, on your phone, or on your security key.",
  staffNoPasskeyDeviceSignIn: "This browser or device cannot use passkeys here (or JavaScript is turned off). Enter a code from your authenticator app below.",
  staffPasskeyOrCode: "Use your passkey, or enter a code from your authenticator app.",
  staffUseCodeHeading: "Or use your authenticator app",
  staffPasskeyInvalid:
    "The passkey could not be verified: this answer was not made for this sign-in on this site, or it was already used. Select Use your passkey again, or enter a code from your authenticator app.",
  staffPasskeyUnknown: "This passkey is not registered to your staff account. Use a passkey you added to your account, or enter a code from your authenticator app.",
  staffPasskeyCounter:
    "This passkey was refused: its signature counter went backwards, which can mean it was copied. Enter a code from your authenticator app, and tell a staff administrator.",

  // ---- emails ------------------------------------------------------------------------------------
  emails: {
    ifNotYou: "If you did not do this, sign in and review your sign-in security now, and contact the TCCU.",
    staffIfNotYou: "If you did not do this, tell an administrator of the portal at once.",
    passkeyAddedSubject: "A passkey was added to your account — Trusted Trader Portal",
    passkeyAdded: (name: string) => `A passkey named “${name}” was added to your Trusted Trader Portal account. It can now be used to confirm it's you at sign-in.`,
    passkeyRemovedSubject: "A passkey was removed from your account — Trusted Trader Portal",
    passkeyRemoved: (name: string) => `The passkey named “${name}” was removed from your Trusted Trader Portal account.`,
    appAddedSubject: "An authenticator app was set up — Trusted Trader Portal",
    appAdded: "An authenticator app was set up for your Trusted Trader Portal account. Its codes can now be used to confirm it's you at sign-in.",
    appRemovedSubject: "Your authenticator app was removed — Trusted Trader Portal",
    appRemoved: "The authenticator app of your Trusted Trader Portal account was removed.",
    emailOffSubject: "Email codes were turned off — Trusted Trader Portal",
    emailOff: (have: StrongFactors) => `Sign-in codes will no longer be sent to this address. You now sign in with ${yours(have)}, or with one of your 10 recovery codes.`,
    emailOnSubject: "Email codes were turned back on — Trusted Trader Portal",
    emailOn: "Sign-in codes can be sent to this address again. Your recovery codes no longer work.",
    emailBackOn: "Your last passkey or authenticator app was removed, so sign-in codes can be sent to this address again. Your recovery codes no longer work.",
    recoveryNewSubject: "New recovery codes — Trusted Trader Portal",
    recoveryNew: "New recovery codes were made for your Trusted Trader Portal account. Your earlier recovery codes no longer work.",
    recoveryUsedSubject: "A recovery code was used to sign in — Trusted Trader Portal",
    recoveryUsed: (left: number) =>
      `A recovery code was just used to sign in to your Trusted Trader Portal account. ${left === 1 ? "1 recovery code is" : `${left} recovery codes are`} left. You can get new ones on your account's sign-in security page.`,
    staffPasskeyAddedSubject: "A passkey was added to your staff account — Trusted Trader Portal",
    staffPasskeyAdded: (name: string) => `A passkey named “${name}” was added to your CBSA staff account of the Trusted Trader Portal.`,
    staffPasskeyRemovedSubject: "A passkey was removed from your staff account — Trusted Trader Portal",
    staffPasskeyRemoved: (name: string) => `The passkey named “${name}” was removed from your CBSA staff account of the Trusted Trader Portal.`,
    staffPasskeysResetSubject: "Your passkeys were removed from your staff account — Trusted Trader Portal",
    staffPasskeysReset: (names: string[]) =>
      `A staff administrator reset your sign-in details for the Trusted Trader Portal, so your passkeys were removed: ${names.map((n) => `“${n}”`).join(", ")}. Sign in with the new details you were given; you may then add passkeys again.`,
  },
};

export type FactorsMessages = typeof factorsEn;
