// English messages. fr.ts is typed against this object: a message missing in French does
// not compile. Functions take the values they interpolate.
export const en = {
  site: {
    name: "Trusted Trader Portal",
    agency: "Canada Border Services Agency",
    skipToContent: "Skip to main content",
    contextualHeading: "Partners in Protection",
    programPage: "About Partners in Protection",
    programPageUrl: "https://www.cbsa-asfc.gc.ca/security-securite/pip-pep/menu-eng.html",
    dateModified: "Date modified:",
  },
  home: {
    title: "Trusted Trader Portal",
    lead:
      "Companies that move goods across the Canadian border use this portal to create their portal account and apply to the Partners in Protection (PIP) program of the Canada Border Services Agency.",
    browsersTitle: "Technical requirements",
    browsers: "To use the portal, you must use Microsoft Edge or Google Chrome.",
    credentialsTitle: "How to get in: choose a credential",
    credentialsIntro:
      "Every person from your company who will use the portal needs a credential of their own. Credentials are never shared. There are 2 types:",
    gckeyTitle: "GCKey",
    gckey:
      "A username and password that you choose. If you use other Government of Canada online services, GCKey lets you use the same username and password for all of them.",
    partnerTitle: "Sign-In Partner",
    partner:
      "Sign in with the username and password you already use with a participating financial institution. The portal never sees your banking username or password.",
    urn:
      "After you register your credential, you receive a confirmation email with your user reference number (URN). Keep it in a safe place: an account owner needs it to add you to a company.",
    stepsTitle: "Steps to register your company",
    steps: [
      "Choose a credential (GCKey or Sign-In Partner) and create your portal user profile.",
      "Choose your company's account owner: the employee with signing authority who will submit the application.",
      "The account owner signs in, confirms a one-time code sent by email, and registers the company: eligibility and mailing address.",
      "Wait for the client number and activation code, sent by registered mail within 15 business days.",
      "Sign in and activate your company with the client number and activation code, then accept the terms and conditions of use.",
      "Complete the company, application and security profiles, and submit the application.",
    ],
    activationNote: "An activation code expires 45 days after it is issued. You can request a new one in the portal.",
  },
  errors: {
    notFoundTitle: "We couldn't find that page",
    notFound: "The address may be mistyped, or the page may have moved. Check the address or go to the portal's home page.",
    serverErrorTitle: "Something went wrong",
    serverError: "The portal could not complete your request. Nothing was changed. Please try again in a few minutes.",
    badRequestTitle: "We couldn't understand the request",
    badRequest: "The request was malformed and was not processed. Nothing was changed.",
    tooLargeTitle: "The request is too large",
    tooLarge: "What you sent is larger than the portal accepts. Nothing was changed.",
    forbiddenTitle: "You can't do that here",
    forbidden: "You don't have permission for this page or action. Nothing was changed.",
    csrfTitle: "Your form has expired",
    csrf: "For your security, the portal could not confirm that this form came from this page. Nothing was changed. Go back, reload the page and try again.",
    reference: (id: string) => `Reference for the help desk: ${id}`,
    goHome: "Go to the portal's home page",
  },
  mailbox: {
    title: "Development mailbox",
    intro: "Messages the portal sent while no SMTP server is configured. This page does not exist in production.",
    empty: "No messages yet.",
    to: "To",
    subject: "Subject",
    received: "Received",
    back: "Back to the mailbox",
    messageTitle: (subject: string) => `Message: ${subject}`,
  },
};

export type Messages = typeof en;
