// Kubernetes resource quantities (k8s.io/apimachinery resource.Quantity): a decimal number and a suffix,
// binary (Ki..Ei), decimal (n, u, m, k..E) or an exponent (1e3). One parser for every layer: generate's
// preset checks, upgrade's storage-size comparisons.

const QUANTITY = /^\+?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+|[numkMGTPE]|[KMGTPE]i)?$/;
const FACTOR: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** Whether Kubernetes accepts `q` as a quantity. */
export const isQuantity = (q: string): boolean => QUANTITY.test(q);

/** The quantity's value (`500m` 0.5, `4Gi` 4294967296); undefined when it is not a quantity. */
export function quantityValue(q: unknown): number | undefined {
  const m = QUANTITY.exec(String(q ?? "").trim());
  if (!m) return undefined;
  const suffix = m[3] ?? "";
  return /^[eE]/.test(suffix) ? Number(`${m[1]}${suffix}`) : Number(m[1]) * (FACTOR[suffix] ?? 1);
}
