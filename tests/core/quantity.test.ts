// Kubernetes quantities as k8s.io/apimachinery's resource.Quantity reads them (src/core/quantity.ts).
import { describe, expect, it } from "vitest";
import { isQuantity, quantityValue } from "../../src/core/quantity.js";

describe("quantityValue", () => {
  it.each([
    ["500m", 0.5],
    ["2", 2],
    ["0.5", 0.5],
    [".5", 0.5],
    ["+1", 1],
    ["512Mi", 512 * 2 ** 20],
    ["4Gi", 4 * 2 ** 30],
    ["1.5Ti", 1.5 * 2 ** 40],
    ["500M", 5e8],
    ["1k", 1000],
    ["1e3", 1000],
    ["100u", 1e-4],
    [" 10Gi ", 10 * 2 ** 30],
  ])("%s is %d", (q, v) => {
    expect(quantityValue(q)).toBeCloseTo(v);
    expect(isQuantity(q.trim())).toBe(true);
  });

  it.each(["", "ten", "1GB", "1gi", "-1", "1.2.3", "Mi", undefined, null])("%s is not a quantity", (q) => {
    expect(quantityValue(q)).toBeUndefined();
  });
});
