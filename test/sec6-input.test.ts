// Bad text input through HTTP (SEC-6, ID-2): control characters in a form are refused with a
// page in the page's language and nothing saved — never quietly dropped — and a GCKey username
// typed with a non-ASCII look-alike (the Kelvin sign) is refused at sign-up and matches nobody
// at sign-in, rather than being folded into the ASCII username beside it.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { TestClient } from "./helpers/client.ts";
import { fieldErrors, PASSWORD, person, signUpAndSignIn } from "./helpers/identity.ts";

let portal: TestPortal;

before(async () => {
  portal = await createTestPortal();
});
after(() => portal.close());

const KELVIN = "\u212A";

/** The person's contact details as their own contact page shows them. */
async function contactPage(client: TestClient, lang: "en" | "fr"): Promise<string> {
  const res = await client.get(`/${lang}/account/contact`);
  assert.equal(res.status, 200);
  return res.text();
}

async function auditCount(): Promise<number> {
  return (await portal.database.db.selectFrom("audit_events").select("id").execute()).length;
}

describe("control characters in a form (SEC-6)", () => {
  for (const lang of ["en", "fr"] as const) {
    it(`refuses Ann\\0e in a name with 422 and the message in ${lang}, and saves nothing`, async () => {
      const client = await signUpAndSignIn(portal, person(`nul${lang}`, lang));
      const before = await contactPage(client, lang);
      assert.match(before, /value="Alex"/, "the given name before");
      const audits = await auditCount();

      const res = await client.postForm(`/${lang}/account/contact`, { givenName: "Ann\0e", familyName: "Tremblay", phone: "613-555-0123", preferredLocale: lang });
      assert.equal(res.status, 422);
      const html = await res.text();
      assert.match(html, new RegExp(`<html lang="${lang}">`));
      assert.match(html, lang === "en" ? /contains characters that are not allowed/ : /contient des caractères qui ne sont pas permis/);
      assert.match(html, lang === "en" ? /Nothing was saved/ : /Rien n’a été enregistré/);

      const after = await contactPage(client, lang);
      assert.match(after, /value="Alex"/, "the given name is unchanged");
      assert.doesNotMatch(after, /value="Anne"/, "not saved with the NUL dropped");
      assert.equal(await auditCount(), audits, "no change audited");
    });
  }

  it("refuses every other C0 control and DEL in a one-line field, tab and line breaks included", async () => {
    const client = await signUpAndSignIn(portal, person("ctl"));
    for (const code of [0x01, 0x08, 0x09, 0x0a, 0x0b, 0x0d, 0x1b, 0x1f, 0x7f]) {
      const res = await client.postForm("/en/account/contact", { givenName: "Alex", familyName: `Trem${String.fromCharCode(code)}blay`, phone: "613-555-0123", preferredLocale: "en" });
      assert.equal(res.status, 422, `U+${code.toString(16).padStart(4, "0")}`);
      assert.match(await res.text(), /contains characters that are not allowed/);
    }
    const page = await contactPage(client, "en");
    assert.match(page, /value="Tremblayctl"/, "the family name is unchanged");
    assert.doesNotMatch(page, /value="Trem ?blay"/, "not saved with the character dropped or made a space");
  });

  it("refuses a control character in any field, even one the page does not read, and in a multipart form", async () => {
    const client = await signUpAndSignIn(portal, person("ctm"));
    const extra = await client.postForm("/en/account/contact", { givenName: "Alexis", familyName: "Tremblay", phone: "613-555-0123", preferredLocale: "en", unexpected: "x\0y" });
    assert.equal(extra.status, 422);
    const form = new FormData();
    form.set("_csrf", client.csrfToken()!);
    for (const [k, v] of Object.entries({ givenName: "Ann\0e", familyName: "Tremblay", phone: "613-555-0123", preferredLocale: "en" })) form.set(k, v);
    const multipart = await client.request("/en/account/contact", { method: "POST", headers: { origin: "http://localhost", "sec-fetch-site": "same-origin" }, body: form });
    assert.equal(multipart.status, 422);
    assert.doesNotMatch(await contactPage(client, "en"), /value="(Alexis|Anne)"/);
  });

  it("still accepts clean text and logs the refusal without the text", async () => {
    const client = await signUpAndSignIn(portal, person("ok"));
    const res = await client.postForm("/en/account/contact", { givenName: "Anne-Marie", familyName: "L’Écuyer", phone: "613-555-0123", preferredLocale: "en" });
    assert.equal(res.status, 303);
    assert.match(await contactPage(client, "en"), /value="Anne-Marie"/);
    await client.postForm("/en/account/contact", { givenName: "Secretname\0x", familyName: "Tremblay", phone: "613-555-0123", preferredLocale: "en" });
    assert.doesNotMatch(portal.logText(), /Secretname/);
    assert.ok(!portal.logLines.some((l) => l.msg === "unhandled error"), "a refusal is not an error of ours");
  });
});

describe("GCKey usernames outside ASCII (ID-2)", () => {
  async function createGckey(client: TestClient, username: string): Promise<Response> {
    return client.postForm("/en/gckey/create", {
      username,
      password: PASSWORD,
      confirmPassword: PASSWORD,
      "answer-school": "Lisgar Collegiate",
      "answer-street": "Elgin Street",
      "answer-book": "Les Misérables",
      recoveryEmail: "",
    });
  }

  it("refuses a username typed with the Kelvin sign at sign-up, with the invalid-username message", async () => {
    for (const username of [`${KELVIN}elvin2024`, `${KELVIN}ELVIN2025`, "ſmith20245", "ｋelvin2026"]) {
      const res = await createGckey(new TestClient(portal.app), username);
      assert.equal(res.status, 422, JSON.stringify(username));
      assert.ok(fieldErrors(await res.text()).includes("Use 8 to 16 letters (a to z) and digits only."), JSON.stringify(username));
    }
    const rows = await portal.database.db.selectFrom("credentials").select("username_normalized").where("username_normalized", "like", "%elvin202%").execute();
    assert.deepEqual(rows, [], "no credential created");
  });

  it("does not sign anyone in with the Kelvin sign in place of k: the same answer as an unknown username", async () => {
    const owner = person("kelvin");
    owner.username = "kelvin2030";
    await signUpAndSignIn(portal, owner);
    const signInWith = (username: string) => new TestClient(portal.app).postForm("/en/sign-in/gckey", { username, password: owner.password });

    const unknown = await signInWith("nobody20300");
    const kelvin = await signInWith(`${KELVIN}elvin2030`);
    for (const [label, res] of [["unknown", unknown], ["Kelvin sign", kelvin]] as const) {
      assert.equal(res.status, 422, label);
      assert.ok(fieldErrors(await res.text()).includes("The username or password is not correct."), label);
      assert.ok(!res.headers.getSetCookie().some((c) => c.startsWith("ttp-session=")), `${label}: no session`);
    }
    const upper = await signInWith("KELVIN2030");
    assert.equal(upper.status, 303, "ASCII case still does not matter");
    assert.equal(upper.headers.get("location"), "/en/sign-in/code");
  });
});
