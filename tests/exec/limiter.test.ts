import { expect, test } from "vitest";
import { limiter } from "../../src/exec/limiter.js";

test.each([1, 2, 3])(
  "limiter(%i): never more at once, started in call order, results and errors kept",
  async (n) => {
    const slot = limiter(n);
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    const gates: Array<() => void> = [];
    const runs = Array.from({ length: 7 }, (_, i) =>
      slot(async () => {
        started.push(i);
        peak = Math.max(peak, ++active);
        await new Promise<void>((go) => gates.push(go));
        active--;
        if (i === 3) throw new Error("boom");
        return i * 10;
      }),
    );
    const settled = Promise.allSettled(runs);
    // Release whatever is running, one at a time, until all have run.
    while (started.length < 7 || active > 0) {
      await new Promise((r) => setTimeout(r, 0));
      gates.shift()?.();
    }
    const results = await settled;
    expect(peak).toBe(n);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message))).toEqual([
      0,
      10,
      20,
      "boom",
      40,
      50,
      60,
    ]);
  },
);
