// The demo Sign-In Partner ("Demo Bank", SPEC ID-3): a development-only OpenID Provider in
// the portal's own app, so that partner sign-in can be tried end to end with no outside
// service. The portal mounts it when not in production and PARTNER_ISSUER is unset.
export { DEMO_CLIENT_ID, DEMO_PARTNER_PATH, demoPartnerIssuer } from "./provider.ts";
export { demoPartnerRoutes } from "./routes.ts";
