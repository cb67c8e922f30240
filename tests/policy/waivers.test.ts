import { describe, expect, it } from "vitest";
import { applyWaivers, unusedWaivers } from "../../src/policy/waivers.js";
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

describe("unusedWaivers: a waiver that matched no finding of the run", () => {
  it.each([
    { name: "matched by rule and object glob", waiver: w("2027-01-01"), findings: [f], unused: false },
    {
      name: "matched by an expired waiver (already said in the finding)",
      waiver: w("2020-01-01"),
      findings: [f],
      unused: false,
    },
    { name: "no finding at all", waiver: w("2027-01-01"), findings: [], unused: true },
    { name: "another object", waiver: w("2027-01-01", "Deployment/*"), findings: [f], unused: true },
    { name: "another rule", waiver: w("2027-01-01", "*", "policy/pdb"), findings: [f], unused: true },
    {
      name: "a finding without an object",
      waiver: w("2027-01-01", "*"),
      findings: [{ ...f, object: undefined }],
      unused: true,
    },
    {
      name: "an upgrade-check waiver (that phase's rule, never the gate's)",
      waiver: w("2027-01-01", "Deployment/*", "upgrade/immutable-field"),
      findings: [f],
      unused: false,
    },
  ])("$name: unused=$unused", ({ waiver, findings, unused }) => {
    expect(unusedWaivers([waiver], findings)).toEqual(unused ? [waiver] : []);
  });
});
