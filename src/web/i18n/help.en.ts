// English messages of the help section and the Contact us page (issue 15): the contact block's
// labels and offices, and the help page's topics. help.fr.ts is typed against these objects.
import type { CompanyAction } from "../../domain/permissions.ts";

export const contactEn = {
  title: "Contact us",
  lead: "Who to contact depends on what you need. Have your user reference number (URN) ready, and your company's client number if it has one. Never give anyone your password.",
  phone: "Telephone",
  email: "Email",
  hours: "Hours",
  allWays: "All the ways to contact us",
  referenceTip: "If an error page gave you a reference, give it to the help desk: it lets them find what went wrong.",
  offices: {
    helpDesk: {
      name: "Trusted Trader Portal help desk",
      purpose: "For problems using the portal: signing in, an error page, a page that does not work as it should.",
    },
    tccu: {
      name: "Technical Commercial Client Unit (TCCU)",
      purpose:
        "To get a new user reference number (URN) when yours has expired, or when you can no longer use the email address of your portal user profile. The TCCU verifies your identity before it issues a new URN.",
    },
    program: {
      name: "Partners in Protection (PIP) program",
      purpose:
        "For questions about the program, eligibility and your application; when your registration letter has not arrived; for a new activation code when the CBSA created your company's record.",
    },
  },
  helpLink: "Help with the portal",
};

export type ContactMessages = typeof contactEn;

/** The help page's topics, in the order of the page; each is an anchor (#id) that other pages link to. */
export const HELP_TOPICS = ["dashboard", "roles", "users", "transfer", "activation", "urn", "company-profile", "application-profile", "security-profile", "submitting"] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

export interface HelpTopicText {
  title: string;
  paragraphs: string[];
  /** Steps or points shown as a list after the paragraphs. */
  list?: string[];
  /** The list is a sequence of steps (ordered). */
  ordered?: boolean;
}

export const helpEn = {
  title: "Help with the Trusted Trader Portal",
  lead: "How the portal works, what each role can do, and what to do when something stops you.",
  onThisPage: "On this page",
  navLink: "Help",
  contactLink: "Contact us",
  helpNav: "Help and contact",
  /** The link a dashboard section gives to its help topic. */
  sectionHelp: (section: string) => `Help with: ${section}`,
  moreHelpTitle: "Still need help?",
  moreHelp: "If this page does not answer your question, contact us.",
  rolesTable: {
    caption: "What each role can do",
    action: "What",
    yes: "Yes",
    no: "No",
    actions: {
      "users.view": "View the company's users",
      "users.edit": "Edit other users: contact details, role, deactivation",
      "users.add": "Add users",
      "users.reactivate": "Reactivate users",
      "company-profile.view": "View the company profile",
      "company-profile.update": "Update the company profile",
      "application-profile.view": "View the application profile",
      "application-profile.update": "Update the application profile",
      "security-profile.view": "View the security profile",
      "security-profile.update": "Update the security profile",
      "status.view": "View the membership status and notifications",
      "account.submit": "Submit the application and changes",
      "ownership.transfer": "Transfer account ownership",
    } satisfies Record<CompanyAction, string>,
  },
  topics: {
    dashboard: {
      title: "The PIP dashboard",
      paragraphs: [
        "After you sign in, choose a company: its PIP dashboard shows the company's client number, its membership status, your role, and the notifications the portal sent to the company's users.",
        "The dashboard has 4 sections. Each shows how far along it is: not started, in progress (with how many questions are answered), or complete. The sections you can open depend on your role.",
      ],
      list: [
        "Company profile: names, business number, addresses, facilities and the primary contact.",
        "Add and manage users: who works on the company's account, and their roles.",
        "Application profile: general questions, and questions for each line of business.",
        "Security profile: security questions for each division of the business.",
      ],
    },
    roles: {
      title: "Roles and what each can do",
      paragraphs: [
        "Every user of a company has 1 of 4 roles. A person can be a user of several companies, with a role in each.",
        "The account owner should be an employee with signing authority, not a consultant or a temporary employee. Every company has exactly 1 account owner. Every user can update their own contact details.",
        "If a page says you cannot do something, it names the roles that can. Ask a user with one of those roles, or the account owner.",
      ],
    },
    users: {
      title: "Adding users",
      paragraphs: [
        "The person must first create their own portal user profile with a credential (GCKey or a Sign-In Partner). They then receive a user reference number (URN) by email.",
        "In Add and manage users, choose Add a user and enter the person's family name, URN and email address exactly as in their portal user profile, then choose their role. If the 3 do not match one portal user, the portal says that no matching user was found.",
        "The new user is told by email and sees the company when they next sign in. The account owner and proxy account owners can give the proxy, full-access or admin-only role; other users can give the full-access or admin-only role.",
      ],
    },
    transfer: {
      title: "Transferring account ownership",
      paragraphs: [
        "Only the account owner can make another user the account owner, for example before leaving the company. The new owner must already be an active user of the company.",
      ],
      list: [
        "In Add and manage users, choose Reassign account owner.",
        "Enter the new owner's family name, URN and email address.",
        "Choose your own role after the transfer, or to leave the company.",
        "Confirm. You are both told by email.",
      ],
      ordered: true,
    },
    activation: {
      title: "Activating your company and new activation codes",
      paragraphs: [
        "When you register your company, the CBSA sends a letter by registered mail with the company's client number and an activation code. It should arrive within 15 business days; the portal shows the date. If it has not arrived by then, contact the Partners in Protection program.",
        "Only the person who registered the company in the portal can activate it; for a company whose record the CBSA created, the person who activates it becomes its account owner. Choose Activate your company and enter the client number and the activation code. After 5 wrong tries the code is locked.",
        "An activation code expires 45 days after it is issued. If it expired, was lost or is locked, choose Request a new activation code: a new letter goes to the confirmed address and the earlier code stops working at once.",
        "After activating, the account owner accepts the terms and conditions of use. Only then can the company's information be changed.",
      ],
    },
    urn: {
      title: "When your user reference number (URN) expires",
      paragraphs: [
        "Your URN expires if you do not sign in for 2 years. The portal emails you a reminder after 1 year without signing in, and again at 21 and 23 months.",
        "Once it has expired, your URN opens no company's account. Contact the Technical Commercial Client Unit (TCCU): after verifying your identity, it sends you a new URN by email.",
        "Your access to each company then stays deactivated until its account owner reactivates you. If the account owner's URN expired, every user of that company loses access: once the owner has a new URN, they sign in and reactivate the users from the PIP dashboard.",
      ],
    },
    "company-profile": {
      title: "The company profile",
      paragraphs: [
        "The company's legal and operating names, business number, business start date, number of employees, website, addresses (head office, mailing address and facilities) and primary contact. Every user of the company can view and update it.",
      ],
    },
    "application-profile": {
      title: "The application profile",
      paragraphs: [
        "A general part that every company answers, and one part for each line of business the company operates, with the questions for that line. You can add or remove lines of business before you submit.",
        "Each part has Save and continue and Save and come back later: your answers are kept as a draft until the account owner submits them. If another user changed an answer after you opened the page, the page shows both answers instead of replacing theirs.",
      ],
    },
    "security-profile": {
      title: "The security profile",
      paragraphs: [
        "One security profile for each division of the business. A division has a name, the lines of business it carries out and the facilities it uses. Each division answers the security questions that apply to its lines, in 4 areas: corporate security, cargo and conveyance security, physical security, and supply chain partner security.",
        "Some questions ask for a document or photo as evidence: PDF, JPEG, PNG, Word (DOCX) or Excel (XLSX) files, up to the size the page shows.",
      ],
    },
    submitting: {
      title: "Submitting the application",
      paragraphs: [
        "Submit application appears on the dashboard when the company profile, every part of the application profile and every division's security profile are complete. Only the account owner can submit.",
        "The account owner confirms a declaration by typing their full name. The company gets a submission reference and a PDF copy, and every user is told. After a decision, later edits are submitted the same way, as changes.",
      ],
    },
  } satisfies Record<HelpTopic, HelpTopicText>,
};

export type HelpMessages = Omit<typeof helpEn, "topics"> & { topics: Record<HelpTopic, HelpTopicText> };

/** The catalogue entry (en.ts): typed as HelpMessages, so that help.fr.ts may word each topic its own way. */
export const helpMessagesEn: HelpMessages = helpEn;
