import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  CARRIER_LINES,
  ELIGIBILITY_CRITERIA,
  LINES_OF_BUSINESS,
  NON_PORTAL_LINES,
  assessEligibility,
  type EligibilityAnswers,
  type EligibilityCriterion,
  type LineOfBusiness,
} from "./eligibility.ts";

/** A Canadian importer that meets every criterion. */
function answers(overrides: Partial<EligibilityAnswers> = {}): EligibilityAnswers {
  return {
    country: "CA",
    linesOfBusiness: ["importer"],
    ownsOrOperatesFacilities: true,
    tradeHistory12Months: true,
    movementLast90Days: true,
    solvent: true,
    noRelevantConvictions: true,
    carmRegistered: true,
    canadianCarrierCode: false,
    canadianBusinessNumber: false,
    ...overrides,
  };
}

function us(linesOfBusiness: LineOfBusiness[], overrides: Partial<EligibilityAnswers> = {}): EligibilityAnswers {
  return answers({ country: "US", linesOfBusiness, ...overrides });
}

function failuresOf(a: EligibilityAnswers): EligibilityCriterion[] {
  return assessEligibility(a).failures;
}

const BOOLEAN_CRITERIA = [
  ["ownsOrOperatesFacilities", "facilities"],
  ["tradeHistory12Months", "trade-history"],
  ["movementLast90Days", "recent-movement"],
  ["solvent", "solvency"],
  ["noRelevantConvictions", "convictions"],
  ["carmRegistered", "carm"],
] as const;

describe("the lists", () => {
  it("name the ten lines of business, the four carriers and the two lines outside the portal", () => {
    assert.equal(LINES_OF_BUSINESS.length, 10);
    assert.deepEqual([...CARRIER_LINES], ["highway-carrier", "rail-carrier", "marine-carrier", "air-carrier"]);
    assert.deepEqual([...NON_PORTAL_LINES].sort(), ["customs-broker", "shipping-agent"]);
    for (const line of [...CARRIER_LINES, ...NON_PORTAL_LINES]) assert.ok(LINES_OF_BUSINESS.includes(line));
    assert.equal(new Set(ELIGIBILITY_CRITERIA).size, 11);
  });
});

describe("assessEligibility: every company", () => {
  it("finds a Canadian company that meets every criterion eligible", () => {
    assert.deepEqual(assessEligibility(answers()), { outcome: "eligible", failures: [], portalLines: ["importer"] });
    for (const line of LINES_OF_BUSINESS) {
      if (NON_PORTAL_LINES.includes(line as (typeof NON_PORTAL_LINES)[number])) continue;
      assert.equal(assessEligibility(answers({ linesOfBusiness: [line] })).outcome, "eligible", line);
    }
  });

  it("does not ask Canadian companies for a carrier code or business number here", () => {
    const result = assessEligibility(
      answers({ linesOfBusiness: ["highway-carrier", "importer", "exporter"], canadianCarrierCode: false }),
    );
    assert.deepEqual(result.failures, []);
    assert.deepEqual(result.portalLines, ["importer", "exporter", "highway-carrier"]);
  });

  it("refuses a company based elsewhere", () => {
    assert.deepEqual(assessEligibility(answers({ country: "other" })), {
      outcome: "ineligible",
      failures: ["based-in-canada-or-us"],
      portalLines: ["importer"],
    });
  });

  for (const [field, criterion] of BOOLEAN_CRITERIA) {
    it(`fails "${criterion}" when ${field} is false`, () => {
      const result = assessEligibility(answers({ [field]: false }));
      assert.equal(result.outcome, "ineligible");
      assert.deepEqual(result.failures, [criterion]);
    });
  }

  it('fails "line-of-business" when no line is chosen', () => {
    assert.deepEqual(assessEligibility(answers({ linesOfBusiness: [] })), {
      outcome: "ineligible",
      failures: ["line-of-business"],
      portalLines: [],
    });
    assert.deepEqual(failuresOf(us([])), ["line-of-business"]);
  });

  it("lists every failing criterion, in order, not just the first", () => {
    const result = assessEligibility({
      country: "other",
      linesOfBusiness: [],
      ownsOrOperatesFacilities: false,
      tradeHistory12Months: false,
      movementLast90Days: false,
      solvent: false,
      noRelevantConvictions: false,
      carmRegistered: false,
      canadianCarrierCode: false,
      canadianBusinessNumber: false,
    });
    assert.deepEqual(result.failures, [
      "based-in-canada-or-us",
      "facilities",
      "trade-history",
      "recent-movement",
      "solvency",
      "convictions",
      "carm",
      "line-of-business",
    ]);
    assert.deepEqual(failuresOf(answers({ solvent: false, carmRegistered: false, movementLast90Days: false })), [
      "recent-movement",
      "solvency",
      "carm",
    ]);
  });

  it("gives portal lines in list order without repeats", () => {
    const result = assessEligibility(answers({ linesOfBusiness: ["exporter", "importer", "exporter", "air-carrier"] }));
    assert.deepEqual(result.portalLines, ["importer", "exporter", "air-carrier"]);
  });
});

describe("assessEligibility: customs brokers and shipping agents", () => {
  it("sends a company with only those lines to the program", () => {
    for (const lines of [["customs-broker"], ["shipping-agent"], ["shipping-agent", "customs-broker"]] as LineOfBusiness[][]) {
      assert.deepEqual(assessEligibility(answers({ linesOfBusiness: lines })), {
        outcome: "contact-program",
        failures: [],
        portalLines: [],
      });
      assert.equal(assessEligibility(us(lines)).outcome, "contact-program");
    }
  });

  it("sends them to the program whatever the other answers", () => {
    const result = assessEligibility(
      answers({ country: "other", linesOfBusiness: ["customs-broker"], solvent: false, carmRegistered: false }),
    );
    assert.equal(result.outcome, "contact-program");
  });

  it("drops them when mixed with other lines and assesses the rest", () => {
    assert.deepEqual(assessEligibility(answers({ linesOfBusiness: ["customs-broker", "freight-forwarder"] })), {
      outcome: "eligible",
      failures: [],
      portalLines: ["freight-forwarder"],
    });
    assert.deepEqual(
      assessEligibility(answers({ linesOfBusiness: ["shipping-agent", "exporter", "customs-broker"], solvent: false })),
      { outcome: "ineligible", failures: ["solvency"], portalLines: ["exporter"] },
    );
    // A U.S. customs broker that is also an exporter: the exporter line alone does not qualify.
    assert.deepEqual(assessEligibility(us(["customs-broker", "exporter"])), {
      outcome: "ineligible",
      failures: ["us-line-of-business"],
      portalLines: ["exporter"],
    });
  });
});

describe("assessEligibility: United States–based companies", () => {
  it("accepts a U.S. carrier with a Canadian carrier code", () => {
    for (const line of CARRIER_LINES) {
      assert.deepEqual(assessEligibility(us([line], { canadianCarrierCode: true })), {
        outcome: "eligible",
        failures: [],
        portalLines: [line],
      });
    }
  });

  it('fails "us-carrier-code" for a U.S. carrier without one', () => {
    for (const line of CARRIER_LINES) {
      assert.deepEqual(failuresOf(us([line])), ["us-carrier-code"], line);
    }
    assert.deepEqual(failuresOf(us(["highway-carrier", "air-carrier"], { canadianBusinessNumber: true })), [
      "us-carrier-code",
    ]);
  });

  it("accepts a U.S. importer with a Canadian business number", () => {
    assert.deepEqual(assessEligibility(us(["importer"], { canadianBusinessNumber: true })), {
      outcome: "eligible",
      failures: [],
      portalLines: ["importer"],
    });
  });

  it('fails "us-importer-bn" for a U.S. importer without one', () => {
    assert.deepEqual(failuresOf(us(["importer"])), ["us-importer-bn"]);
    assert.deepEqual(failuresOf(us(["importer"], { canadianCarrierCode: true })), ["us-importer-bn"]);
  });

  it('fails "us-line-of-business" for U.S. companies with only other lines', () => {
    for (const line of ["exporter", "warehouse-operator", "freight-forwarder"] as LineOfBusiness[]) {
      assert.deepEqual(failuresOf(us([line])), ["us-line-of-business"], line);
      assert.deepEqual(
        failuresOf(us([line], { canadianCarrierCode: true, canadianBusinessNumber: true })),
        ["us-line-of-business"],
        `${line} with code and BN but no carrier or importer line`,
      );
    }
    assert.deepEqual(failuresOf(us(["exporter", "warehouse-operator", "freight-forwarder"])), ["us-line-of-business"]);
  });

  it("accepts other lines beside a qualifying carrier or importer line", () => {
    assert.deepEqual(
      assessEligibility(us(["marine-carrier", "warehouse-operator"], { canadianCarrierCode: true })),
      { outcome: "eligible", failures: [], portalLines: ["marine-carrier", "warehouse-operator"] },
    );
    assert.deepEqual(
      assessEligibility(us(["importer", "exporter", "freight-forwarder"], { canadianBusinessNumber: true })),
      { outcome: "eligible", failures: [], portalLines: ["importer", "exporter", "freight-forwarder"] },
    );
  });

  it("lists every U.S. failure together", () => {
    // Carrier without code, importer without BN, and an exporter line with nothing qualifying.
    assert.deepEqual(failuresOf(us(["importer", "exporter", "rail-carrier"])), [
      "us-carrier-code",
      "us-importer-bn",
      "us-line-of-business",
    ]);
    // The importer qualifies, so the exporter line is fine; the carrier still lacks its code.
    assert.deepEqual(
      failuresOf(us(["importer", "exporter", "rail-carrier"], { canadianBusinessNumber: true })),
      ["us-carrier-code"],
    );
    // The carrier qualifies; the importer still lacks its BN.
    assert.deepEqual(failuresOf(us(["importer", "exporter", "rail-carrier"], { canadianCarrierCode: true })), [
      "us-importer-bn",
    ]);
    assert.deepEqual(
      failuresOf(us(["importer", "exporter", "rail-carrier"], { canadianCarrierCode: true, canadianBusinessNumber: true })),
      [],
    );
    // General criteria come first.
    assert.deepEqual(failuresOf(us(["exporter"], { carmRegistered: false, ownsOrOperatesFacilities: false })), [
      "facilities",
      "carm",
      "us-line-of-business",
    ]);
  });
});

describe("assessEligibility: properties", () => {
  const answersArb: fc.Arbitrary<EligibilityAnswers> = fc.record({
    country: fc.constantFrom("CA" as const, "US" as const, "other" as const),
    linesOfBusiness: fc.subarray([...LINES_OF_BUSINESS]),
    ownsOrOperatesFacilities: fc.boolean(),
    tradeHistory12Months: fc.boolean(),
    movementLast90Days: fc.boolean(),
    solvent: fc.boolean(),
    noRelevantConvictions: fc.boolean(),
    carmRegistered: fc.boolean(),
    canadianCarrierCode: fc.boolean(),
    canadianBusinessNumber: fc.boolean(),
  });

  it("is consistent for every answer", () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        const result = assessEligibility(a);
        const onlyNonPortal =
          a.linesOfBusiness.length > 0 && a.linesOfBusiness.every((line) => line === "customs-broker" || line === "shipping-agent");
        assert.equal(result.outcome === "contact-program", onlyNonPortal);
        assert.equal(result.outcome === "ineligible", result.failures.length > 0);
        // Failures are in criteria order, without repeats.
        assert.deepEqual(result.failures, ELIGIBILITY_CRITERIA.filter((c) => result.failures.includes(c)));
        // Portal lines: the chosen lines minus brokers and agents, in list order.
        if (!onlyNonPortal) {
          assert.deepEqual(
            result.portalLines,
            LINES_OF_BUSINESS.filter(
              (line) => a.linesOfBusiness.includes(line) && line !== "customs-broker" && line !== "shipping-agent",
            ),
          );
        }
        if (a.country !== "US") assert.ok(!result.failures.some((f) => f.startsWith("us-")));
        if (result.outcome !== "contact-program") {
          assert.equal(result.failures.includes("based-in-canada-or-us"), a.country === "other");
          for (const [field, criterion] of BOOLEAN_CRITERIA) {
            assert.equal(result.failures.includes(criterion), !a[field], criterion);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("answering yes to a question never adds a failure (monotone)", () => {
    const flags = [
      "ownsOrOperatesFacilities",
      "tradeHistory12Months",
      "movementLast90Days",
      "solvent",
      "noRelevantConvictions",
      "carmRegistered",
      "canadianCarrierCode",
      "canadianBusinessNumber",
    ] as const;
    fc.assert(
      fc.property(answersArb, fc.constantFrom(...flags), (a, flag) => {
        const before = assessEligibility({ ...a, [flag]: false }).failures;
        const after = assessEligibility({ ...a, [flag]: true }).failures;
        for (const f of after) assert.ok(before.includes(f), `${flag}: ${f}`);
      }),
      { numRuns: 2000 },
    );
  });
});
