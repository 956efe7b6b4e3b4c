// English messages of URN expiry and regaining access (SPEC section 4, STAFF-3): the page a
// person with an expired URN sees, the reminders and the new URN's emails, the TCCU console
// and the company timeline. expiry.fr.ts is typed against this object.
export const expiryEn = {
  expiredTitle: "Your user reference number has expired",
  expiredText: [
    "Your user reference number (URN) expired because you had not signed in to the Trusted Trader Portal for 2 years. It no longer opens any company's account.",
    "Contact the Technical Commercial Client Unit (TCCU). After verifying your identity, they will send you a new URN by email. The account owner of each of your companies will then reactivate your access.",
    "If you are a company's account owner, its other users have lost access too. Once you have your new URN, sign in and reactivate them from your PIP dashboard.",
  ],
  ownerExpiredTitle: "The account owner's user reference number has expired",
  ownerExpiredText: (company: string) =>
    `Your access to ${company} was deactivated because the user reference number (URN) of its account owner expired. The account owner must contact the Technical Commercial Client Unit (TCCU) for a new URN, then reactivate you. You will be told by email.`,
  ownExpiredTitle: "Your access to this company was deactivated",
  ownExpiredText: (company: string) =>
    `Your access to ${company} was deactivated because your user reference number (URN) expired. After the TCCU issues you a new URN, the company's account owner must reactivate you.`,

  emails: {
    reminderSubject: {
      "12-months": "Sign in to keep your user reference number — Trusted Trader Portal",
      "21-months": "Your user reference number expires in 3 months — Trusted Trader Portal",
      "23-months": "Your user reference number expires next month — Trusted Trader Portal",
    },
    reminderBody: (name: string, months: number, expiresOn: string) => [
      `Hello ${name},`,
      months === 12
        ? "You have not signed in to the Trusted Trader Portal for a year."
        : `You have not signed in to the Trusted Trader Portal for ${months} months.`,
      `Your user reference number (URN) expires if you do not sign in at least once every 2 years. Sign in before ${expiresOn} to keep it; after that date, only the Technical Commercial Client Unit (TCCU) can give you a new one.`,
    ],
    ownerWarning: (companies: string) =>
      `You are the account owner of ${companies.replace(/\.$/, "")}. If your URN expires, every other user of these companies loses access to them too, until you get a new URN and reactivate them.`,
    newUrnSubject: "Your new user reference number — Trusted Trader Portal",
    newUrnBody: (name: string, urn: string) => [
      `Hello ${name},`,
      `The Technical Commercial Client Unit (TCCU) issued you a new user reference number (URN): ${urn}`,
      "Your previous number no longer works. Sign in to the portal with your usual credential. The account owner of each of your companies will reactivate your access; if you are an account owner, sign in and reactivate your companies' users from the PIP dashboard.",
    ],
  },

  tccu: {
    title: "TCCU: find a portal user",
    intro: "Search by family name, given name, email address or user reference number (URN). Part of a word is enough; case and accents do not matter.",
    query: "Search",
    queryHint: "For example: tremb, a.tremblay@, URN-7Q2M",
    searchButton: "Search",
    tooShort: "Enter at least 2 characters.",
    resultsCaption: (n: number, limit: number) => (n >= limit ? `First ${limit} people found` : n === 1 ? "1 person found" : `${n} people found`),
    noResults: "No portal user matches this search.",
    colName: "Name",
    colEmail: "Email",
    colUrn: "URN",
    colState: "URN status",
    valid: "Valid",
    expired: "Expired",
    personTitle: (name: string) => `Portal user: ${name}`,
    phone: "Telephone",
    language: "Preferred language",
    lastSignIn: "Last sign-in",
    never: "Never",
    urnIssued: "URN issued",
    urnExpiredOn: "URN expired",
    urnExpiresOn: "URN expires",
    companiesCaption: "Companies",
    noCompanies: "This person is not a user of any company.",
    colCompany: "Company",
    colClientNumber: "Client number",
    colRole: "Role",
    colAccess: "Access",
    active: "Active",
    deactivatedReasons: {
      "by-user": "Deactivated by a user of the company",
      "urn-expired": "Deactivated: their URN expired",
      "owner-urn-expired": "Deactivated: the account owner's URN expired",
    } as Record<string, string>,
    timelineLink: (company: string) => `Timeline of ${company}`,
    issueHeading: "Issue a new URN",
    issueText: "Verify the person's identity by the TCCU's own means first. The new URN replaces the current one at once, restarts the two years, and is sent to the person's email address. Their deactivated accesses stay deactivated until the account owner reactivates them.",
    reason: "Reason",
    reasonHint: "Recorded in the audit trail, for example: identity verified by telephone, ticket 12345.",
    issueButton: "Issue a new URN",
    issued: (urn: string) => `A new URN was issued: ${urn}. It was sent to the person by email.`,
    reasonRequired: "Give the reason for issuing a new URN.",
    reasonTooLong: "Use 500 characters or fewer.",
    backToSearch: "Back to the search",
  },

  timeline: {
    title: (company: string) => `Company timeline: ${company}`,
    intro: "Every change to the company's account, newest first.",
    caption: "Audit events",
    colWhen: "When",
    colWho: "Who",
    colWhat: "What",
    none: "No events yet.",
    system: "The portal",
    staff: (name: string) => `CBSA: ${name}`,
    trader: (name: string) => name,
    actions: {
      "company.registered": "Company registered",
      "company.created-by-cbsa": "Company record created by the CBSA",
      "company.activated": "Company activated",
      "company.terms-accepted": "Terms and conditions accepted: account authorized",
      "company.new-activation-code": "New activation code requested",
      "company.profile-updated": "Company profile updated",
      "company.ownership-transferred": "Account ownership transferred",
      "company.owner-urn-expired": "The account owner's URN expired: other users deactivated",
      "company-user.added": "User added",
      "company-user.role-changed": "User's role changed",
      "company-user.deactivated": "User deactivated",
      "company-user.reactivated": "User reactivated",
      "company-user.contact-updated": "User's contact details updated",
      "company-user.urn-expired": "A user's URN expired: their access was deactivated",
      "company-user.urn-reissued": "The TCCU issued a new URN to a user",
      "letter.sent": "Activation letter sent by registered mail",
      "letter.printed": "Activation letter printed",
    } as Record<string, string>,
  },
};

export type ExpiryMessages = typeof expiryEn;
