// Passkeys in a real browser: a portal served at http://localhost:<port> (BASE_URL too), so the
// page is a secure context and the relying party ID (BASE_URL's host, platform/webauthn.ts) is
// the host the browser is on — WebAuthn refuses IP addresses such as 127.0.0.1; and Chromium's
// virtual authenticator, through the DevTools protocol, standing in for a device's passkey
// (user verification and presence answered at once, as a fingerprint would).
import type { BrowserContext, CDPSession, Page } from "playwright-core";
import { createTestPortal, type TestPortal } from "./app.ts";
import { closeBrowserPortal, launchBrowser, startServer, type BrowserPortal } from "./browser.ts";

export interface LocalhostPortal extends BrowserPortal {
  /** http://localhost:<port>: what the browser goes to, and the portal's BASE_URL. */
  baseUrl: string;
}

/** A portal served on a port, reached and configured as http://localhost:<port>, and Chromium. */
export async function openLocalhostPortal(): Promise<LocalhostPortal> {
  let portal: TestPortal | undefined;
  let baseUrl = "";
  const server = await startServer(async (ipUrl) => {
    baseUrl = ipUrl.replace("//127.0.0.1:", "//localhost:");
    portal = await createTestPortal({ env: { BASE_URL: baseUrl } });
    return portal.app;
  });
  try {
    return { portal: portal!, server, browser: await launchBrowser(), baseUrl };
  } catch (err) {
    await closeBrowserPortal({ portal, server });
    throw err;
  }
}

export interface VirtualAuthenticator {
  cdp: CDPSession;
  authenticatorId: string;
  /** The credentials the authenticator holds, with their signature counters. */
  credentials(): Promise<{ credentialId: string; rpId?: string; signCount: number; isResidentCredential: boolean }[]>;
}

/**
 * Adds a CTAP2 platform authenticator (internal transport, resident keys, user verification)
 * to the page: navigator.credentials.create and .get are answered by it without a prompt.
 */
export async function addVirtualAuthenticator(context: BrowserContext, page: Page): Promise<VirtualAuthenticator> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return {
    cdp,
    authenticatorId,
    credentials: async () => (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials,
  };
}
