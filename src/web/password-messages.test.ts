import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { FORBIDDEN_PASSWORD_CHARACTERS, checkPassword } from "../domain/password-policy.ts";
import { REFUSED_CAPITAL_LETTERS, REFUSED_LOWER_LETTERS, REFUSED_SYMBOLS, passwordHint } from "./password-messages.ts";

describe("the password field's hint", () => {
  it("names every refused character once, the letters apart from the symbols", () => {
    const named = [...REFUSED_LOWER_LETTERS, ...REFUSED_CAPITAL_LETTERS, ...REFUSED_SYMBOLS];
    assert.deepEqual([...named].sort(), [...FORBIDDEN_PASSWORD_CHARACTERS].sort());
    for (const letter of [...REFUSED_LOWER_LETTERS, ...REFUSED_CAPITAL_LETTERS]) assert.match(letter, /\p{L}/u);
    for (const lang of ["en", "fr"] as const) {
      const hint = passwordHint(lang);
      for (const ch of FORBIDDEN_PASSWORD_CHARACTERS) assert.ok(hint.includes(ch), `${lang} hint names ${ch}`);
    }
  });

  it("says accented letters are accepted, and the rule agrees", () => {
    assert.match(passwordHint("en"), /letters with accents \(such as é, à, ç and ö\) are all accepted/);
    assert.match(passwordHint("fr"), /lettres accentuées \(comme é, à, ç et ö\) sont tous acceptés/);
    assert.equal(checkPassword("éàçö éàçö éàçö", "someone1").ok, true);
    assert.equal(checkPassword("straße straße straße", "someone1").ok, false);
  });

  it("speaks French typography: a no-break space before each colon", () => {
    assert.doesNotMatch(passwordHint("fr"), / :/);
    assert.match(passwordHint("fr"), /\u00a0:/);
  });
});
