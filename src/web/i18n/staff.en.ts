// English messages of the CBSA staff pages (STAFF-1). staff.fr.ts is typed against this
// object: a message missing in French does not compile.
export const staffEn = {
  area: "CBSA staff",
  nav: "Staff account",
  signedInAs: (name: string, username: string) => `Signed in as ${name} (${username})`,
  homeLink: "Staff home",
  accountLink: "My account",
  signOut: "Sign out",

  // ---- sign-in ---------------------------------------------------------------------------
  signInTitle: "CBSA staff sign-in",
  signInIntro:
    "For employees of the Canada Border Services Agency who work on the Trusted Trader Portal. You need your staff username, your password and the authenticator app on your device.",
  traderSignIn: "Not CBSA staff? Sign in to the portal as a trader.",
  username: "Username",
  password: "Password",
  enterUsername: "Enter your username.",
  enterPassword: "Enter your password.",
  invalidCredentials: "The username or password is not correct.",
  throttled: (when: string) => `Too many unsuccessful attempts. For your security, wait until ${when} and try again.`,
  signInButton: "Sign in",
  signedOutNotice: "You are signed out.",
  sessionEndedNotice: "Your session ended. Sign in again to continue.",

  totpTitle: "Enter the code from your authenticator app",
  totpIntro: "Open the authenticator app on your device and enter the 6-digit code it shows for the Trusted Trader Portal.",
  totpFirstTime:
    "First sign-in: add the authenticator key your administrator gave you to your authenticator app (a time-based key, 6 digits, every 30 seconds), then enter the code it shows.",
  totpLabel: "6-digit code",
  totpHint: "The code changes every 30 seconds.",
  totpFormat: "Enter the 6 digits shown in your authenticator app.",
  totpWrong: "That code is not correct. Check the time on your device and enter the code your app shows now.",
  totpReused: "That code has already been used. Wait for your app to show a new code, then enter it.",
  continueButton: "Continue",
  cancelSignIn: "Cancel and sign out",

  changePasswordTitle: "Choose your own password",
  changePasswordIntro: "The password you were given works only once. Choose a new password that only you know.",
  newPassword: "New password",
  confirmPassword: "Confirm your new password",
  passwordSameAsOld: "Choose a password different from the one you were given.",
  savePasswordButton: "Save and continue",

  // ---- home ------------------------------------------------------------------------------
  homeTitle: "CBSA staff tools",
  rolesHeading: "Your roles",
  toolsHeading: "Your tools",
  noTools: "You do not have a staff role yet. Ask a staff administrator to give you one.",
  tools: {
    mailRoom: { title: "Mail room", text: "Print the registered-mail letters and record their tracking numbers." },
    tccu: { title: "Help traders regain access (TCCU)", text: "Find a portal user, issue a new user reference number, restore an account owner." },
    companies: { title: "Companies", text: "Create a company record for an existing member and see a company's history." },
    users: { title: "Staff accounts", text: "Create staff accounts, reset their sign-in details and disable them." },
    pip: { title: "PIP review queue", text: "Review the applications, changes and responses waiting, record findings, request information, schedule site validations and decide." },
  },
  roles: {
    "mail-room": "Mail room",
    tccu: "Technical Commercial Client Unit (TCCU)",
    "pip-officer": "PIP officer",
    admin: "Staff administrator",
  },

  // ---- staff accounts (administrators) ---------------------------------------------------
  usersTitle: "Staff accounts",
  createUserLink: "Create a staff account",
  colUsername: "Username",
  colName: "Name",
  colEmail: "Email",
  colRoles: "Roles",
  colStatus: "Status",
  colActions: "Actions",
  statusActive: "Active",
  statusFirstSignIn: "Waiting for first sign-in",
  statusLocked: "Locked after too many wrong passwords: reset the sign-in details",
  statusDisabled: (when: string) => `Disabled on ${when}`,
  resetLink: (username: string) => `Reset sign-in details of ${username}`,
  disableLink: (username: string) => `Disable ${username}`,
  userDisabledNotice: (username: string) => `The staff account ${username} was disabled and its sessions were ended.`,

  createUserTitle: "Create a staff account",
  createUserIntro:
    "The portal creates a one-time password and an authenticator key for the new account. You will see them once, on the next page: give them to the person in a secure way.",
  usernameHint: "3 to 32 characters: letters, digits, dots, hyphens and underscores. Letter case does not matter.",
  displayName: "Full name",
  email: "Work email",
  rolesLegend: "Roles",
  rolesHint: "Choose every role the person needs.",
  usernameInvalid: "Use 3 to 32 characters: letters, digits, dots, hyphens and underscores, starting with a letter or digit.",
  usernameTaken: "This username is already used by another staff account.",
  chooseRole: "Choose at least one role.",
  createUserButton: "Create the account",

  createdTitle: "Staff account created",
  resetDoneTitle: "New sign-in details",
  detailsIntro: (username: string) =>
    `Give these sign-in details to ${username} in a secure way (in person, or by two separate channels). They are shown only this once: the portal keeps no readable copy.`,
  oneTimePassword: "One-time password",
  oneTimePasswordHelp: "At the first sign-in, the person must replace it with a password of their own.",
  totpKey: "Authenticator key",
  totpKeyHelp: "In the authenticator app, add an account with this key: time-based, 6 digits, every 30 seconds.",
  totpUri: "Key address (otpauth)",
  totpUriHelp: "Some apps and password managers accept this address instead of the key.",
  detailsGoneTitle: "These sign-in details were already shown",
  detailsGone: "For security, one-time sign-in details are shown only once, and only to the administrator who issued them. If they were lost, reset the person's sign-in details.",
  backToUsers: "Back to staff accounts",

  disableTitle: (username: string) => `Disable the staff account ${username}?`,
  disableText: "The person is signed out at once and can no longer sign in. The account and its history are kept.",
  disableButton: "Disable the account",
  cannotDisableSelf: "You cannot disable your own account. Ask another staff administrator.",
  cannotResetSelf: "You cannot reset your own sign-in details. Ask another staff administrator.",
  resetTitle: (username: string) => `Reset the sign-in details of ${username}?`,
  resetText:
    "The person gets a new one-time password and a new authenticator key. The old password and key stop working at once and the person is signed out.",
  resetButton: "Reset sign-in details",
  cancel: "Cancel",
};

export type StaffMessages = typeof staffEn;
