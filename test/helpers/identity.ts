// Helpers that walk the sign-in steps over HTTP as a person would, for integration tests.
import assert from "node:assert/strict";
import type { TestPortal } from "./app.ts";
import { expectRedirect, TestClient } from "./client.ts";

export const PASSWORD = "correct horse battery staple";

export interface Person {
  username: string;
  password: string;
  email: string;
  givenName: string;
  familyName: string;
  lang: "en" | "fr";
}

export function person(n: number | string, lang: "en" | "fr" = "en"): Person {
  return {
    username: `trader${String(n).padStart(4, "0")}`,
    password: PASSWORD,
    email: `trader${n}@example.ca`,
    givenName: "Alex",
    familyName: `Tremblay${n}`.replace(/\d/g, (d) => "abcdefghij"[Number(d)]!),
    lang,
  };
}

/** The newest message to `address` in the development mailbox, after running queued jobs. */
export async function latestMail(portal: TestPortal, address: string): Promise<{ subject: string; text: string }> {
  await portal.jobs.drain();
  const row = await portal.database.db
    .selectFrom("dev_mailbox")
    .select(["subject", "text_body"])
    .where("to_address", "=", address)
    .orderBy("outbox_id", "desc")
    .executeTakeFirstOrThrow();
  return { subject: row.subject, text: row.text_body };
}

export async function latestCode(portal: TestPortal, address: string): Promise<string> {
  const mail = await latestMail(portal, address);
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
  assert.ok(code, `a code in: ${mail.text}`);
  return code;
}

/** A new GCKey user, all the way to the account page. Returns the signed-in client. */
export async function signUpAndSignIn(portal: TestPortal, p: Person): Promise<TestClient> {
  const client = new TestClient(portal.app);
  const l = p.lang;
  expectRedirect(
    await client.postForm(`/${l}/gckey/create`, {
      username: p.username,
      password: p.password,
      confirmPassword: p.password,
      "answer-school": "Lisgar Collegiate",
      "answer-street": "Elgin Street",
      "answer-book": "Les Misérables",
      recoveryEmail: `recovery.${p.email}`,
    }),
    `/${l}/sign-in/profile`,
    "sign-up",
  );
  expectRedirect(
    await client.postForm(`/${l}/sign-in/profile`, { givenName: p.givenName, familyName: p.familyName, email: p.email, phone: "613-555-0123", preferredLocale: l }),
    `/${l}/sign-in/mfa-terms`,
    "profile",
  );
  expectRedirect(await client.postForm(`/${l}/sign-in/mfa-terms`, { agree: "yes" }), `/${l}/sign-in/code`, "MFA terms");
  expectRedirect(await client.postForm(`/${l}/sign-in/code`, { action: "verify", code: await latestCode(portal, p.email) }), `/${l}/sign-in/terms`, "code");
  expectRedirect(await client.postForm(`/${l}/sign-in/terms`, { agree: "yes" }), new RegExp(`^/${l}/(registration|account|companies(/\\d+)?)$`), "terms");
  return client;
}

/** An existing GCKey user signs in again: password, a new code, the terms. */
export async function signIn(portal: TestPortal, p: Person, client = new TestClient(portal.app)): Promise<TestClient> {
  const l = p.lang;
  expectRedirect(await client.postForm(`/${l}/sign-in/gckey`, { username: p.username, password: p.password }), `/${l}/sign-in/code`, "password");
  expectRedirect(await client.postForm(`/${l}/sign-in/code`, { action: "verify", code: await latestCode(portal, p.email) }), `/${l}/sign-in/terms`, "code");
  expectRedirect(await client.postForm(`/${l}/sign-in/terms`, { agree: "yes" }), new RegExp(`^/${l}/(registration|account|companies(/\\d+)?)$`), "terms");
  return client;
}

/** The text of every field error on a page (gcds error-message attributes). */
export function fieldErrors(html: string): string[] {
  return [...html.matchAll(/error-message="([^"]+)"/g)].map((m) => m[1]!.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
}
