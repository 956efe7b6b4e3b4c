import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  URN_ALPHABET,
  formatUrn,
  generateUrn,
  parseUrn,
  urnCheckCharacter,
} from "./urn.ts";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A small seeded PRNG (mulberry32), so the sampled contexts are the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function charOf(value: number): string {
  const ch = ALPHABET[value];
  assert.ok(ch !== undefined, `value ${value}`);
  return ch;
}

function randomBody(next: () => number): string {
  let body = "";
  for (let i = 0; i < 8; i++) body += charOf(Math.floor(next() * 32));
  return body;
}

function withCheck(body: string): string {
  return body + urnCheckCharacter(body);
}

function replaceAt(s: string, i: number, ch: string): string {
  return s.slice(0, i) + ch + s.slice(i + 1);
}

function swapAt(s: string, i: number): string {
  return s.slice(0, i) + s.charAt(i + 1) + s.charAt(i) + s.slice(i + 2);
}

/** A valid URN whose check character is `check`: vary one body character until it fits. */
function urnWithCheck(body: string, check: string): string {
  for (const ch of ALPHABET) {
    const candidate = withCheck(replaceAt(body, 7, ch));
    if (candidate.endsWith(check)) return candidate;
  }
  assert.fail(`no body character gives check ${check}`);
}

// An independent model of the check: GF(32) by carry-less multiplication reduced modulo
// x⁵ + x² + 1, the Damm table x ∘ y = 2·x ⊕ y, and the Damm run (valid when it ends at 0).
function gfMul(a: number, b: number): number {
  let product = 0;
  for (let i = 0; i < 5; i++) if ((b >> i) & 1) product ^= a << i;
  for (let bit = 8; bit >= 5; bit--) if ((product >> bit) & 1) product ^= 0b100101 << (bit - 5);
  return product;
}
const TABLE: number[][] = Array.from({ length: 32 }, (_, x) =>
  Array.from({ length: 32 }, (_, y) => gfMul(2, x) ^ y),
);
function op(x: number, y: number): number {
  const v = TABLE[x]?.[y];
  assert.ok(v !== undefined);
  return v;
}
function modelRun(s: string): number {
  let r = 0;
  for (const ch of s) r = op(r, ALPHABET.indexOf(ch));
  return r;
}

describe("URN alphabet", () => {
  it("is Crockford base-32, without I, L, O and U", () => {
    assert.equal(URN_ALPHABET, ALPHABET);
    assert.equal(new Set(URN_ALPHABET).size, 32);
    for (const ch of "ILOU") assert.ok(!URN_ALPHABET.includes(ch));
  });
});

describe("the Damm table over GF(32)", () => {
  it("comes from a field: x⁵ + x² + 1 is primitive (2 has order 31)", () => {
    let power = 1;
    const seen = new Set<number>();
    for (let i = 0; i < 31; i++) {
      seen.add(power);
      power = gfMul(power, 2);
    }
    assert.equal(power, 1);
    assert.equal(seen.size, 31);
  });

  it("is a quasigroup (a Latin square)", () => {
    for (let x = 0; x < 32; x++) {
      assert.equal(new Set(Array.from({ length: 32 }, (_, y) => op(x, y))).size, 32, `row ${x}`);
      assert.equal(new Set(Array.from({ length: 32 }, (_, y) => op(y, x))).size, 32, `column ${x}`);
    }
  });

  it("is totally anti-symmetric: (c∘x)∘y = (c∘y)∘x only when x = y", () => {
    for (let c = 0; c < 32; c++) {
      for (let x = 0; x < 32; x++) {
        for (let y = 0; y < 32; y++) {
          if (x !== y) assert.notEqual(op(op(c, x), y), op(op(c, y), x), `c=${c} x=${x} y=${y}`);
        }
      }
    }
  });

  it("is what urnCheckCharacter computes: body + check runs to 0", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { minLength: 8, maxLength: 8 }), (chars) => {
        const body = chars.join("");
        const check = urnCheckCharacter(body);
        assert.equal(modelRun(body + check), 0);
        // …and it is the only character that does.
        for (const other of ALPHABET) if (other !== check) assert.notEqual(modelRun(body + other), 0);
      }),
      { numRuns: 500 },
    );
  });
});

describe("urnCheckCharacter", () => {
  it("gives the pinned check characters (issued URNs depend on them)", () => {
    assert.equal(urnCheckCharacter("7K4Q9XMT"), "8");
    assert.equal(urnCheckCharacter("00000000"), "0");
    assert.equal(urnCheckCharacter("ZZZZZZZZ"), "3");
    assert.equal(urnCheckCharacter("01234567"), "Y");
    assert.equal(urnCheckCharacter("89ABCDEF"), "M");
    assert.equal(urnCheckCharacter("GHJKMNPQ"), "A");
    assert.equal(urnCheckCharacter("RSTVWXYZ"), "0");
    assert.equal(urnCheckCharacter("0000000Z"), "V");
  });

  it("refuses a body that is not 8 canonical characters", () => {
    for (const bad of ["", "7K4Q9XM", "7K4Q9XMTR", "7k4q9xmt", "7K4Q-9XMT", "7K4Q9XMU", "7K4Q9XMO", "7K4Q9XMI", "7K4Q9XML"]) {
      assert.throws(() => urnCheckCharacter(bad), RangeError, JSON.stringify(bad));
    }
  });
});

describe("the check character catches every single substitution and adjacent transposition", () => {
  it("every substitution, at every position, of every character by every other (exhaustive)", () => {
    const next = prng(1);
    let tried = 0;
    for (let position = 0; position < 9; position++) {
      for (const original of ALPHABET) {
        const context = randomBody(next);
        const urn =
          position < 8 ? withCheck(replaceAt(context, position, original)) : urnWithCheck(context, original);
        assert.equal(urn.charAt(position), original);
        assert.equal(parseUrn(urn), urn);
        for (const typo of ALPHABET) {
          if (typo === original) continue;
          const variant = replaceAt(urn, position, typo);
          assert.equal(parseUrn(variant), null, `${urn} → ${variant}`);
          tried++;
        }
      }
    }
    assert.equal(tried, 9 * 32 * 31);
  });

  it("every swap of two different neighbours, at every position, for every pair (exhaustive)", () => {
    const next = prng(2);
    let tried = 0;
    for (let position = 0; position < 8; position++) {
      for (const a of ALPHABET) {
        for (const b of ALPHABET) {
          if (a === b) continue;
          const context = replaceAt(randomBody(next), position, a);
          const urn =
            position < 7 ? withCheck(replaceAt(context, position + 1, b)) : urnWithCheckAt7(context, a, b);
          assert.equal(urn.slice(position, position + 2), a + b);
          assert.equal(parseUrn(urn), urn);
          const variant = swapAt(urn, position);
          assert.equal(parseUrn(variant), null, `${urn} → ${variant}`);
          tried++;
        }
      }
    }
    assert.equal(tried, 8 * 32 * 31);

    // The last body character is `a` and the check is `b`: vary position 6 until it fits.
    function urnWithCheckAt7(body: string, a: string, b: string): string {
      for (const ch of ALPHABET) {
        const candidate = withCheck(replaceAt(replaceAt(body, 7, a), 6, ch));
        if (candidate.endsWith(b)) return candidate;
      }
      assert.fail(`no URN ends ${a}${b}`);
    }
  });

  it("every substitution and every transposition of each URN in a sample (exhaustive per URN)", () => {
    const next = prng(3);
    const samples = ["7K4Q9XMT", "00000000", "ZZZZZZZZ", "01234567", "RSTVWXYZ"];
    for (let i = 0; i < 200; i++) samples.push(randomBody(next));
    for (const body of samples) {
      const urn = withCheck(body);
      for (let position = 0; position < 9; position++) {
        for (const typo of ALPHABET) {
          if (typo !== urn.charAt(position)) assert.equal(parseUrn(replaceAt(urn, position, typo)), null);
        }
        if (position < 8 && urn.charAt(position) !== urn.charAt(position + 1)) {
          assert.equal(parseUrn(swapAt(urn, position)), null, `${urn} swap at ${position}`);
        }
      }
    }
  });

  it("property: a random substitution in a random URN is refused", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 8, maxLength: 8 }),
        fc.integer({ min: 0, max: 8 }),
        fc.constantFrom(...ALPHABET),
        (body, position, typo) => {
          const urn = withCheck(body);
          fc.pre(urn.charAt(position) !== typo);
          assert.equal(parseUrn(replaceAt(urn, position, typo)), null);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("property: a random swap of different neighbours in a random URN is refused", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 8, maxLength: 8 }),
        fc.integer({ min: 0, max: 7 }),
        (body, position) => {
          const urn = withCheck(body);
          fc.pre(urn.charAt(position) !== urn.charAt(position + 1));
          assert.equal(parseUrn(swapAt(urn, position)), null);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("generateUrn", () => {
  it("takes 8 bytes and makes a valid canonical URN from their low 5 bits", () => {
    const asked: number[] = [];
    const urn = generateUrn((n) => {
      asked.push(n);
      return Uint8Array.from([7, 19, 4, 23, 9, 29, 20, 26]);
    });
    assert.deepEqual(asked, [8]);
    assert.equal(urn, "7K4Q9XMT8");
    // The high bits are ignored.
    assert.equal(generateUrn(() => Uint8Array.from([7 + 32, 19 + 64, 4 + 128, 23 + 224, 9, 29, 20, 26])), urn);
  });

  it("refuses a random source that returns too few bytes", () => {
    assert.throws(() => generateUrn(() => new Uint8Array(7)), RangeError);
  });

  it("property: any bytes give a valid URN that survives formatting and parsing", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (bytes) => {
        const urn = generateUrn(() => bytes);
        assert.match(urn, /^[0-9A-HJKMNP-TV-Z]{9}$/);
        assert.equal(parseUrn(urn), urn);
        assert.equal(parseUrn(formatUrn(urn)), urn);
        assert.equal(parseUrn(formatUrn(urn).toLowerCase()), urn);
      }),
      { numRuns: 1000 },
    );
  });

  it("can produce every character in every body position", () => {
    for (let value = 0; value < 32; value++) {
      const urn = generateUrn(() => new Uint8Array(8).fill(value));
      assert.equal(urn.slice(0, 8), charOf(value).repeat(8));
    }
  });
});

describe("formatUrn", () => {
  it("groups the canonical form 4-4-1 after the prefix", () => {
    assert.equal(formatUrn("7K4Q9XMT8"), "URN-7K4Q-9XMT-8");
    assert.equal(formatUrn("000000000"), "URN-0000-0000-0");
  });

  it("refuses what is not in canonical form", () => {
    for (const bad of ["", "7K4Q9XMT", "7K4Q9XMT8A", "7k4q9xmt8", "URN-7K4Q-9XMT-8", "7K4Q9XMTU"]) {
      assert.throws(() => formatUrn(bad), RangeError, JSON.stringify(bad));
    }
  });
});

describe("parseUrn", () => {
  it("accepts the canonical and the displayed forms", () => {
    assert.equal(parseUrn("7K4Q9XMT8"), "7K4Q9XMT8");
    assert.equal(parseUrn("URN-7K4Q-9XMT-8"), "7K4Q9XMT8");
  });

  it("accepts any case, with or without the prefix and separators", () => {
    for (const typed of [
      "urn-7k4q-9xmt-8",
      "Urn-7K4q-9xMt-8",
      "7k4q9xmt8",
      "7K4Q-9XMT-8",
      "URN7K4Q9XMT8",
      "urn 7k4q 9xmt 8",
      "  URN - 7K4Q 9XMT 8  ",
      "7 K 4 Q 9 X M T 8",
      "7-K-4-Q-9-X-M-T-8",
      "URN–7K4Q–9XMT–8", // en dashes, as a word processor writes them
      "URN\u00a07K4Q\u00a09XMT\u00a08", // no-break spaces
      "\t7K4Q9XMT8\n",
    ]) {
      assert.equal(parseUrn(typed), "7K4Q9XMT8", JSON.stringify(typed));
    }
  });

  it("reads O as 0 and I and L as 1, in either case", () => {
    const urn = withCheck("01010101");
    assert.equal(urn, "01010101V");
    for (const typed of ["O1O1O1O1V", "oioioioiV", "0L0l0I0iv", "URN-OIOL-olOi-v", "urn-0101-0101-v"]) {
      assert.equal(parseUrn(typed), urn, typed);
    }
  });

  it("refuses U and every other character outside the alphabet", () => {
    assert.equal(parseUrn("7K4Q9XMU8"), null);
    assert.equal(parseUrn("U7K4Q9XMT8"), null);
    assert.equal(parseUrn("7K4Q9XMT8U"), null);
    for (const bad of ["*", "_", ".", "/", "+", ":", "É", "İ", "ı", "Ｏ", "７", "\u0000"]) {
      assert.equal(parseUrn(`7K4Q${bad}9XMT8`), null, JSON.stringify(bad));
      assert.equal(parseUrn(replaceAt("7K4Q9XMT8", 4, bad)), null, JSON.stringify(bad));
    }
  });

  it("refuses the wrong length", () => {
    for (const bad of ["", "URN", "URN-", "7K4Q9XMT", "7K4Q9XMT80", "URN-7K4Q-9XMT", "URN-7K4Q-9XMT-8-0", "7".repeat(100)]) {
      assert.equal(parseUrn(bad), null, JSON.stringify(bad));
    }
  });

  it("refuses a wrong check character", () => {
    for (const ch of ALPHABET) {
      if (ch !== "8") assert.equal(parseUrn(`URN-7K4Q-9XMT-${ch}`), null, ch);
    }
  });

  it("takes the prefix only once and only at the start", () => {
    assert.equal(parseUrn("URN-URN-7K4Q-9XMT-8"), null);
    assert.equal(parseUrn("7K4Q-9XMT-8-URN"), null);
    assert.equal(parseUrn("UR-7K4Q-9XMT-8"), null);
  });

  it("property: what formatUrn shows, retyped with random case and separators, parses back", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 8, maxLength: 8 }),
        fc.array(fc.tuple(fc.boolean(), fc.constantFrom("", "", "", " ", "-", "  ")), {
          minLength: 16,
          maxLength: 16,
        }),
        (body, noise) => {
          const urn = withCheck(body);
          let typed = "";
          const shown = formatUrn(urn).replaceAll("-", "");
          for (let i = 0; i < shown.length; i++) {
            const [lower, separator] = noise[i] ?? [false, ""];
            const ch = shown.charAt(i);
            typed += (lower ? ch.toLowerCase() : ch) + separator;
          }
          assert.equal(parseUrn(typed), urn, JSON.stringify(typed));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
