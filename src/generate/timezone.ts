// IANA time zone names as a CronJob's spec.timeZone takes them. Node's Intl (ICU's time zone data) knows the
// names; Kubernetes loads them with Go's time.LoadLocation, which is case-sensitive and takes no UTC offsets
// ("+01:00") and not "Local", so those are refused here although ICU would take some of them.

const shape = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

let canonical: Map<string, string> | undefined;
/** Lower-cased canonical name -> the name as IANA spells it. */
function canonicalNames(): Map<string, string> {
  canonical ??= new Map(
    [...Intl.supportedValuesOf("timeZone"), "UTC"].map((n) => [n.toLowerCase(), n] as const),
  );
  return canonical;
}

/** Why `name` is not a time zone a CronJob takes (with the likely intended name), or undefined when it is. */
export function timeZoneProblem(name: string): string | undefined {
  const example = "e.g. UTC, Europe/Amsterdam, America/New_York";
  if (!shape.test(name)) return `not an IANA time zone name (${example}; no UTC offsets)`;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return `not an IANA time zone (${example})`;
  }
  const spelt = canonicalNames().get(name.toLowerCase());
  if (spelt === name || resolved === name) return undefined;
  if (spelt !== undefined)
    return `not an IANA time zone as spelt (names are case-sensitive): did you mean ${spelt}?`;
  // An alias (a backward link such as US/Eastern): ICU gives its canonical zone, not its spelling. Every
  // part of every IANA name starts with a capital letter.
  if (name.split("/").every((part) => /^[A-Z]/.test(part))) return undefined;
  return `not an IANA time zone as spelt (names are case-sensitive): did you mean ${resolved}?`;
}
