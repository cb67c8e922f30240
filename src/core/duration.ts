// Go durations as helm's --timeout takes them (300s, 5m, 1m30s, 500ms): one parser for the flag's check
// (src/install/command.ts) and the wait ticker's time left (src/install/diagnose/cell.ts).

const GO_DURATION = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** Whole units in Go's order (h, m, s, ms), each at most once, at least one: milliseconds, or undefined
 * for anything else (a bare number, fractions, signs, spaces, other units). */
export function parseDuration(s: string): number | undefined {
  const m = GO_DURATION.exec(s.trim());
  if (!s.trim() || !m || m.slice(1).every((x) => x === undefined)) return undefined;
  const [h, min, sec, ms] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number];
  return ((h * 60 + min) * 60 + sec) * 1000 + ms;
}

/** parseDuration, or an error naming the text. */
export function durationMs(s: string): number {
  const ms = parseDuration(s);
  if (ms === undefined) throw new Error(`not a duration: '${s}' (expected e.g. 300s, 5m, 1m30s)`);
  return ms;
}
