import { describe, expect, it } from "vitest";
import { applyWaivers } from "../../src/gate/waivers.js";
import type { Finding } from "../../src/report/results.js";

const f: Finding = {
  rule: "kubesec",
  severity: "error",
  message: "score 3",
  object: "StatefulSet/floe-postgresql",
};
const w = (expiry: string, object = "StatefulSet/*-postgresql", rule = "kubesec") => ({
  rule,
  object,
  reason: "upstream image",
  expiry,
});

describe("applyWaivers", () => {
  it.each([
    {
      name: "active (through its expiry day)",
      waivers: [w("2026-11-26")],
      want: { waived: { reason: "upstream image", expires: "2026-11-26" } },
    },
    {
      name: "expired the day before",
      waivers: [w("2026-11-25")],
      want: { message: "score 3 (waiver expired 2026-11-25, no longer applies: upstream image)" },
    },
    { name: "other object", waivers: [w("2027-01-01", "Deployment/*")], want: { message: "score 3" } },
    {
      name: "rule pattern",
      waivers: [w("2027-01-01", "*", "kube*")],
      want: { waived: { reason: "upstream image", expires: "2027-01-01" } },
    },
  ])("$name", ({ waivers, want }) => {
    expect(applyWaivers([f], waivers, "2026-11-26")[0]).toMatchObject(want);
  });

  it("never waives a finding without an object", () => {
    const g = { ...f, object: undefined };
    expect(applyWaivers([g], [w("2027-01-01", "*")], "2026-11-26")[0]).toEqual(g);
  });
});
