import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  FORBIDDEN_PASSWORD_CHARACTERS,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  checkPassword,
  checkUsername,
  commonPasswordCount,
  isCommonPassword,
  normalizePassword,
  normalizeUsername,
} from "./password-policy.ts";

// The list exactly as SPEC.md (ID-2) prints it.
const SPEC_LIST = `" < > ¢ £ ¤ ¥ ¦ § ¨ © ª « ¬ ® ¯ ° ± ² ³ ´ µ ¶ • · ¸ ¹ º » ¼ ½ ¾ Ð × Ø Þ ß ð ø þ`;

const USER = "jsmith2024";
/** A password that passes every rule, to which one thing at a time is done. */
const GOOD = "plum kettle orbit";

function failuresOf(password: string, username = USER): string[] {
  const result = checkPassword(password, username);
  return result.ok ? [] : result.failures;
}

function assertOk(password: string, username = USER): string {
  const result = checkPassword(password, username);
  assert.ok(result.ok, `${JSON.stringify(password)} refused: ${result.ok ? "" : result.failures.join(", ")}`);
  return result.normalized;
}

/** n code points, none of them making the password common or containing the username. */
function ofLength(n: number, unit = "q"): string {
  return unit.repeat(n);
}

describe("password length", () => {
  it("has the bounds of ID-2", () => {
    assert.equal(PASSWORD_MIN_LENGTH, 12);
    assert.equal(PASSWORD_MAX_LENGTH, 128);
  });

  it("refuses 11 characters, accepts 12 and 128, refuses 129", () => {
    assert.deepEqual(failuresOf(ofLength(11)), ["tooShort"]);
    assertOk(ofLength(12));
    assertOk(ofLength(128));
    assert.deepEqual(failuresOf(ofLength(129)), ["tooLong"]);
    assert.deepEqual(failuresOf(""), ["tooShort"]);
  });

  it("counts code points, not UTF-16 code units (emoji are 2 code units)", () => {
    const emoji = "\u{1F600}";
    assert.equal(emoji.length, 2);
    assert.deepEqual(failuresOf(ofLength(11, emoji)), ["tooShort"]);
    assertOk(ofLength(12, emoji));
    assertOk(ofLength(128, emoji)); // 256 code units
    assert.deepEqual(failuresOf(ofLength(129, emoji)), ["tooLong"]);
  });

  it("counts after NFC: an accented letter typed as letter + combining accent counts once", () => {
    const eAcuteNfd = "e\u0301";
    assert.deepEqual(failuresOf(ofLength(11, eAcuteNfd)), ["tooShort"]); // 22 code points typed
    assertOk(ofLength(12, eAcuteNfd));
    assertOk("qqqqqqqqqqq" + eAcuteNfd); // 13 typed, 12 after NFC
    assertOk(ofLength(128, eAcuteNfd)); // 256 typed, 128 after NFC
    assert.deepEqual(failuresOf(ofLength(129, eAcuteNfd)), ["tooLong"]);
    // A Hangul syllable typed as three jamo is one character.
    const hanNfd = "\u1112\u1161\u11AB";
    assert.equal(hanNfd.normalize("NFC"), "\uD55C");
    assert.deepEqual(failuresOf(ofLength(11, hanNfd)), ["tooShort"]);
    assertOk(ofLength(12, hanNfd));
  });
});

describe("NFC normalization", () => {
  it("normalizePassword composes: é typed as e + U+0301 becomes U+00E9", () => {
    assert.equal(normalizePassword("e\u0301"), "\u00E9");
    assert.equal(normalizePassword("caf\u00E9"), "caf\u00E9");
  });

  it("returns the NFC form to hash, so NFD and NFC typings give the same password", () => {
    const nfc = "Les \u00E9l\u00E8ves mangent des pommes vertes";
    const nfd = "Les e\u0301le\u0300ves mangent des pommes vertes";
    assert.notEqual(nfc, nfd);
    assert.equal(assertOk(nfd), nfc);
    assert.equal(assertOk(nfc), nfc);
  });

  it("property: a password and its NFD, NFC forms always get the same answer", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), fc.string({ unit: "grapheme-ascii", maxLength: 10 }), (p, u) => {
        const expected = checkPassword(p.normalize("NFC"), u);
        assert.deepEqual(checkPassword(p.normalize("NFD"), u), expected);
        assert.deepEqual(checkPassword(p, u), expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe("forbidden characters", () => {
  it("are exactly the ones SPEC.md lists, both U+2022 and U+00B7 included", () => {
    assert.equal(FORBIDDEN_PASSWORD_CHARACTERS, SPEC_LIST.split(" ").join(""));
    assert.equal([...FORBIDDEN_PASSWORD_CHARACTERS].length, 40);
    assert.equal(new Set(FORBIDDEN_PASSWORD_CHARACTERS).size, 40);
    assert.ok(FORBIDDEN_PASSWORD_CHARACTERS.includes("\u2022"));
    assert.ok(FORBIDDEN_PASSWORD_CHARACTERS.includes("\u00B7"));
  });

  it("are their own NFC form (so the check on the NFC password sees them)", () => {
    for (const ch of FORBIDDEN_PASSWORD_CHARACTERS) assert.equal(ch.normalize("NFC"), ch);
  });

  for (const ch of FORBIDDEN_PASSWORD_CHARACTERS) {
    const name = `U+${ch.codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0")}`;
    it(`refuses ${ch} (${name}) anywhere, and names it`, () => {
      for (const password of [ch + GOOD, GOOD + ch, "plum " + ch + " kettle orbit"]) {
        assert.deepEqual(checkPassword(password, USER), {
          ok: false,
          failures: ["forbiddenCharacters"],
          forbidden: [ch],
        });
      }
    });
  }

  it("lists each forbidden character found once, in order of first appearance", () => {
    assert.deepEqual(checkPassword(`${GOOD} <b>"x"</b> \u00B7\u2022\u00B7 \u00A9`, USER), {
      ok: false,
      failures: ["forbiddenCharacters"],
      forbidden: ["<", ">", '"', "\u00B7", "\u2022", "\u00A9"],
    });
  });

  it("refuses U+0387 (Greek ano teleia), which NFC turns into the middle dot", () => {
    assert.deepEqual(checkPassword(GOOD + "\u0387", USER), {
      ok: false,
      failures: ["forbiddenCharacters"],
      forbidden: ["\u00B7"],
    });
  });

  it("accepts every other printable ASCII and Latin-1 character", () => {
    let accepted = 0;
    for (let cp = 0x20; cp <= 0xff; cp++) {
      if (cp >= 0x7f && cp < 0xa0) continue; // control characters
      const ch = String.fromCodePoint(cp);
      if (FORBIDDEN_PASSWORD_CHARACTERS.includes(ch)) continue;
      assertOk(GOOD + ch);
      accepted++;
    }
    assert.equal(accepted, 95 + 96 - 3 - 36);
  });

  it("accepts look-alikes that are not on the list", () => {
    for (const ch of ["'", "&", "\u2018", "\u201C", "\u20AC", "\u1E9E", "\u00E9", "\u00C7", "\u0153", "\u03BC", "\u2039", "\u00BF"]) {
      assertOk(GOOD + ch);
    }
  });
});

describe("the username inside the password", () => {
  it("is refused, whatever the case", () => {
    assert.deepEqual(failuresOf("my jsmith2024 secret"), ["containsUsername"]);
    assert.deepEqual(failuresOf("my JSmith2024 secret"), ["containsUsername"]);
    assert.deepEqual(failuresOf("my secret is JSMITH2024"), ["containsUsername"]);
    assert.deepEqual(failuresOf("my secret is jsmith2024", "JSMITH2024"), ["containsUsername"]);
    assert.deepEqual(failuresOf("jsmith2024 jsmith2024"), ["containsUsername"]);
  });

  it("compares after NFC on both sides", () => {
    assert.deepEqual(failuresOf("le mot de passe de Ren\u00E9e", "Rene\u0301e"), ["containsUsername"]);
    assert.deepEqual(failuresOf("le mot de passe de Rene\u0301e", "Ren\u00E9e"), ["containsUsername"]);
  });

  it("is not refused when only part of the username appears", () => {
    assertOk("my jsmith202 secret");
    assertOk("my smith2024 secret");
    assertOk("my j smith2024 secret");
  });

  it("an empty username never matches", () => {
    assertOk(GOOD, "");
  });
});

describe("common passwords", () => {
  const text = readFileSync(new URL("./lists/common-passwords.txt", import.meta.url), "utf8");
  const lines = text.split("\n").slice(0, -1);

  it("the shipped list holds at least 10,000 lower-case, distinct, non-empty, NFC entries", () => {
    assert.ok(text.endsWith("\n"));
    assert.ok(lines.length >= 10_000, `${lines.length} entries`);
    assert.equal(new Set(lines).size, lines.length);
    for (const line of lines) {
      assert.ok(line.length > 0);
      assert.equal(line, line.toLowerCase());
      assert.equal(line, line.normalize("NFC"));
      assert.ok(!line.includes("\r"));
    }
    assert.equal(commonPasswordCount(), lines.length);
  });

  it("refuses a common password of 12 or more characters, whatever the case", () => {
    for (const password of ["password1234", "PASSWORD1234", "PassWord1234", "qwerty123456", "1qaz2wsx3edc"]) {
      assert.deepEqual(failuresOf(password), ["common"], password);
    }
  });

  it("refuses short common passwords as both too short and common", () => {
    assert.deepEqual(failuresOf("password"), ["tooShort", "common"]);
    assert.deepEqual(failuresOf("iloveyou"), ["tooShort", "common"]);
    assert.deepEqual(failuresOf("123456"), ["tooShort", "common"]);
  });

  it("matches the whole password only", () => {
    assertOk("password1234 and more");
    assertOk(" password1234");
    assert.ok(isCommonPassword("Password1234"));
    assert.ok(!isCommonPassword("password1234 "));
  });

  it("every entry on the list is refused as common", () => {
    for (const line of lines) assert.ok(failuresOf(line, "").includes("common"), line);
  });
});

describe("what is accepted", () => {
  it("a long passphrase with spaces and accents", () => {
    const password = "Les élèves mangent des pommes vertes";
    assert.deepEqual(checkPassword(password, USER), { ok: true, normalized: password });
  });

  it("no composition rules: all lower case, all digits, all spaces, one letter repeated", () => {
    assertOk("justlowercaseletters");
    assertOk("739104628175");
    assertOk(" ".repeat(12));
    assertOk("q".repeat(20));
  });

  it("non-Latin scripts", () => {
    assertOk("Съешь же ещё этих мягких французских булок");
    assertOk("我的密码很长也很安全吧对吧");
    assertOk("ᐊᐃᓐᓇᐅᑎᑦᓯᐊᕋᓱᒃᐸᑕ");
  });
});

describe("several failures", () => {
  it("are all reported at once, in the order of the rules", () => {
    assert.deepEqual(checkPassword('"Jsmith2024<', USER), {
      ok: false,
      failures: ["forbiddenCharacters", "containsUsername"],
      forbidden: ['"', "<"],
    });
    assert.deepEqual(checkPassword("Jsmith2024<", USER), {
      ok: false,
      failures: ["tooShort", "forbiddenCharacters", "containsUsername"],
      forbidden: ["<"],
    });
    assert.deepEqual(checkPassword(`${"jsmith2024".repeat(13)}\u00A7`, USER), {
      ok: false,
      failures: ["tooLong", "forbiddenCharacters", "containsUsername"],
      forbidden: ["\u00A7"],
    });
    assert.deepEqual(checkPassword("password1", "password1"), {
      ok: false,
      failures: ["tooShort", "containsUsername", "common"],
      forbidden: [],
    });
  });

  it("property: ok exactly when no rule fails; forbidden characters listed exactly when that rule fails", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "b", "É", "e\u0301", " ", "<", "\u2022", "\u00B7", "ß", "\u{1F600}", "ab"), maxLength: 140 }),
        (p) => {
          const result = checkPassword(p, "abab");
          if (result.ok) {
            assert.equal(result.normalized, p.normalize("NFC"));
            return;
          }
          assert.ok(result.failures.length > 0);
          assert.equal(result.failures.includes("forbiddenCharacters"), result.forbidden.length > 0);
          assert.equal(new Set(result.forbidden).size, result.forbidden.length);
          for (const ch of result.forbidden) assert.ok(FORBIDDEN_PASSWORD_CHARACTERS.includes(ch));
          const n = [...p.normalize("NFC")].length;
          assert.equal(result.failures.includes("tooShort"), n < 12);
          assert.equal(result.failures.includes("tooLong"), n > 128);
          assert.equal(result.failures.includes("containsUsername"), p.toLowerCase().includes("abab"));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("usernames", () => {
  it("accept 8 to 16 ASCII letters and digits", () => {
    for (const username of ["abcdefgh", "ABCDEFGH", "jsmith2024", "12345678", "JSmith2024abcdef", "a1b2c3d4e5f6g7h8"]) {
      assert.equal(checkUsername(username), "ok", username);
    }
  });

  it("refuse other lengths", () => {
    for (const username of ["", "abcdefg", "abcdefghijklmnopq", "a".repeat(100)]) {
      assert.equal(checkUsername(username), "invalid", username);
    }
  });

  it("refuse anything but ASCII letters and digits", () => {
    for (const username of [
      "j smith2024",
      " jsmith2024",
      "jsmith2024 ",
      "jsmith2024\n",
      "j.smith2024",
      "j_smith2024",
      "j-smith2024",
      "jsmith@2024",
      "ren\u00E9e2024",
      "rene\u0301e2024",
      "\uFF4A\uFF53\uFF4D\uFF49\uFF54\uFF48\uFF12\uFF10", // full-width letters and digits
      "jsmith\u0662\u0660\u0662\u0664", // Arabic-Indic digits
      "\u0430bcdefgh", // Cyrillic a
    ]) {
      assert.equal(checkUsername(username), "invalid", JSON.stringify(username));
    }
  });

  it("normalize to lower case, so uniqueness ignores case", () => {
    assert.equal(normalizeUsername("JSmith2024"), "jsmith2024");
    assert.equal(normalizeUsername("JSMITH2024"), normalizeUsername("jsmith2024"));
    assert.equal(normalizeUsername("abc123XYZ"), "abc123xyz");
  });

  // Letters whose lower (or upper) case is an ASCII letter: String.toLowerCase, or a
  // case-insensitive Unicode regex, would take each for the ASCII username beside it.
  const LOOK_ALIKES: [string, string][] = [
    ["\u212Aelvin2024", "kelvin2024"], // KELVIN SIGN, lower case "k"
    ["\u0130stanbul24", "istanbul24"], // LATIN CAPITAL LETTER I WITH DOT ABOVE, lower case "i̇"
    ["\u017Fmith2024", "smith2024"], // LATIN SMALL LETTER LONG S, upper case "S"
    ["\u0131nuit2024", "inuit2024"], // LATIN SMALL LETTER DOTLESS I, upper case "I"
    ["\u212Bngstrom24", "angstrom24"], // ANGSTROM SIGN
  ];

  it("refuse look-alike letters outside ASCII, such as the Kelvin sign", () => {
    for (const [typed] of LOOK_ALIKES) assert.equal(checkUsername(typed), "invalid", JSON.stringify(typed));
    assert.equal(checkUsername("\u212AELVIN2024".normalize("NFC")), "ok", "NFC makes it an ASCII K: ask before normalizing");
  });

  it("never fold a non-ASCII letter into an ASCII one", () => {
    for (const [typed, ascii] of LOOK_ALIKES) {
      const normalized = normalizeUsername(typed);
      assert.notEqual(normalized, ascii, JSON.stringify(typed));
      assert.notEqual(normalized, normalizeUsername(ascii.toUpperCase()), JSON.stringify(typed));
      assert.doesNotMatch(normalized, /^[a-z0-9]+$/, `${JSON.stringify(typed)} stays outside what a stored username can be`);
    }
    assert.equal(normalizeUsername("\u212AELVIN2024"), "\u212Aelvin2024", "only A to Z are lowered");
  });
});
