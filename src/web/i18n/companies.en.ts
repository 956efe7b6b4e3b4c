// English messages of the company pages: choosing the company to work in (USR-1), the PIP
// dashboard's sections and system notifications (APP-1) and the company profile (APP-2).
// companies.fr.ts is typed against this object.
/** What a notification's text needs besides its parameters, in the reader's language. */
export interface NotificationText {
  /** A role's name in lower case ("full-access user"). */
  role: (role: string) => string;
  day: (isoDate: string) => string;
  /** What a membership transition tells the company, with the status it led to. */
  membership: (transition: string, status: string) => string;
  /** What an event of the membership's file (not a transition) tells the company. */
  membershipEvent: (event: string, status: string) => string;
}

export const companiesEn = {
  chooseTitle: "Choose a company",
  chooseIntro: "You are a user of more than one company. Choose the company you want to work in; you can change at any time.",
  chooseIntroOne: "You are a user of one company. To work for another, its account owner adds you, or you register or activate it.",
  chooseTableCaption: "Your companies",
  yourRole: "Your role",
  openCompany: (name: string) => `Work in ${name}`,
  registerOrActivate: "Register or activate another company",
  workingIn: "You are working in",
  changeCompany: "Change company",
  companyNav: "Company",

  sectionsHeading: "Your company's account",
  sectionStates: { "not-started": "Not started", "in-progress": "In progress", complete: "Complete" },
  sections: {
    companyProfile: "Company profile",
    users: "Add and manage users",
    applicationProfile: "Application profile",
    securityProfile: "Security profile",
  },
  sectionTexts: {
    companyProfile: "Names, business number, start date, employees, website, addresses and primary contact.",
    users: "Who works on the company's account, and their roles.",
    applicationProfile: "One profile for each line of business, with the questions for that line.",
    securityProfile: "One profile for each division of the business, in four areas of security.",
  },
  sectionUnavailable: "Not available with your role.",
  usersCount: (active: number) => (active === 1 ? "1 active user" : `${active} active users`),
  moreMenu: "More",
  notificationsHeading: "System notifications",
  noNotifications: "No notifications yet.",
  notifications: {
    "user-added": (p: { name: string; role: string }, x: NotificationText) => `${p.name} was added as ${x.role(p.role)}.`,
    "role-changed": (p: { name: string; from: string; to: string }, x: NotificationText) => `${p.name}'s role changed from ${x.role(p.from)} to ${x.role(p.to)}.`,
    "user-deactivated": (p: { name: string }) => `${p.name} was deactivated.`,
    "user-reactivated": (p: { name: string }) => `${p.name} was reactivated.`,
    "user-left": (p: { name: string }) => `${p.name} left the company.`,
    "ownership-transferred": (p: { from: string; to: string }) => `${p.from} transferred the account ownership to ${p.to}.`,
    "letter-sent": (p: { sentOn: string }, x: NotificationText) => `The activation letter was sent by registered mail on ${x.day(p.sentOn)}.`,
    "company-authorized": () => "The account owner accepted the terms and conditions of use: the company's account is authorized.",
    "profile-updated": (p: { name: string }) => `${p.name} updated the company profile.`,
    "user-urn-expired": (p: { name: string }) => `${p.name}'s user reference number expired: their access was deactivated.`,
    "owner-urn-expired": (p: { name: string }) =>
      `The account owner ${p.name}'s user reference number expired: every other user's access was deactivated until the owner, with a new number, reactivates them.`,
    "membership-changed": (p: { transition: string; status: string }, x: NotificationText) => x.membership(p.transition, p.status),
    "membership-event": (p: { event: string; status: string }, x: NotificationText) => x.membershipEvent(p.event, p.status),
  },

  /** The dashboard's notice while the owner has not accepted the terms: a short title, the rule in its body. */
  awaitingTermsTitle: "The account cannot be used yet",
  reactivateHeading: "Users to reactivate",
  reactivateText: "These users lost access when a user reference number expired, theirs or the account owner's. Every one of them has a valid number now: reactivate them to give them back access to the company.",
  reactivateAll: "Reactivate all these users",
  reactivatedAll: (n: number) => (n === 1 ? "1 user was reactivated." : `${n} users were reactivated.`),

  profileTitle: "Company profile",
  profileIntro: "Keep your company's information up to date. The business number and client number are changed only by the CBSA.",
  editProfile: "Update the company profile",
  profileSaved: "The company profile was saved.",
  notProvided: "Not provided",
  legalName: "Legal name",
  operatingName: "Operating name",
  operatingNameHint: "If the company does business under another name.",
  businessNumber: "Business number",
  carrierCode: "Carrier code",
  businessStart: "Business start date",
  businessStartHint: "For example 2009-04-15 (year-month-day).",
  employees: "Number of employees",
  website: "Website",
  websiteHint: "For example https://www.example.ca",
  headOffice: "Head office address",
  headOfficeHint: "Changing the head office address does not change where the CBSA mailed the activation letter.",
  mailingAddress: "Mailing address",
  mailingSame: "Same as the head office address",
  facilities: "Facilities",
  facilitiesHint: "Warehouses, terminals and other sites where the company handles goods, one per group of fields. Leave a group empty to remove it.",
  facilityName: (n: number) => `Facility ${n}: name`,
  facilityLegend: (n: number) => `Facility ${n}`,
  addFacilityHint: "To add more facilities, save and update the profile again.",
  primaryContact: "Primary contact",
  contactName: "Name",
  contactTitle: "Job title",
  contactPhone: "Telephone",
  contactEmail: "Email address",
  saveProfile: "Save the company profile",
  cancel: "Cancel",
  invalidDate: "Enter a real date, in the form YYYY-MM-DD, not in the future.",
  invalidEmployees: "Enter a whole number from 0 to 10,000,000.",
  invalidWebsite: "Enter a web address that starts with https:// or http://",
  invalidPhone: "Enter a telephone number with 10 to 15 digits.",
  tooLong: (max: number) => `Use at most ${max} characters.`,
};

export type CompaniesMessages = typeof companiesEn;
