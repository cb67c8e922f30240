// The one Go-duration parser (src/core/duration.ts), as a table: helm's --timeout check and the wait
// ticker's time left both read durations through it.
import { describe, expect, it } from "vitest";
import { durationMs, parseDuration } from "../../src/core/duration.js";
import { parseHelmTimeout } from "../../src/install/command.js";

describe("parseDuration", () => {
  it.each([
    ["300s", 300_000],
    ["5m", 300_000],
    ["1m30s", 90_000],
    ["1h", 3_600_000],
    ["1h2m3s", 3_723_000],
    ["500ms", 500],
    ["1s500ms", 1_500],
    ["0s", 0],
    [" 90s ", 90_000],
  ])("%j is %d ms", (s, ms) => expect(parseDuration(s)).toBe(ms));

  it.each(["", " ", "5", "abc", "5x", "-3s", "1.5m", "5 m", "s", "1s1h", "1m1m", "ms"])(
    "%j is not a duration",
    (s) => expect(parseDuration(s)).toBeUndefined(),
  );
});

describe("durationMs", () => {
  it("the milliseconds, or an error naming the text", () => {
    expect(durationMs("1m30s")).toBe(90_000);
    expect(() => durationMs("5x")).toThrow("not a duration: '5x' (expected e.g. 300s, 5m, 1m30s)");
  });
});

describe("helm's --timeout reads it too", () => {
  it.each([
    ["90s", "90s"],
    ["1m0s", "1m0s"],
    ["0m5s", "0m5s"],
  ])("%s is accepted", (v, want) => expect(parseHelmTimeout(v)).toBe(want));

  it.each(["0s", "0h0m0s", "500ms", "1s500ms", "abc"])("%s is refused: zero, or below a second", (v) =>
    expect(() => parseHelmTimeout(v)).toThrow(
      `--timeout: expected a duration such as 90s, 5m or 1m30s, got '${v}'`,
    ),
  );
});
