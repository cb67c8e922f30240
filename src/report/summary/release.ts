// What `floe-helm release` did per chart: the pushed reference with its digest, or why it was skipped.
import type { PhaseResults } from "../results.js";
import { escapeCell } from "./markdown.js";

export function releaseMarkdown(r: PhaseResults): string[] {
  const published = (r.outputs?.published ?? "").split("\n").filter(Boolean);
  const rows = r.checks
    .filter((c) => c.rule === "release")
    .map((c) => {
      const chart = c.id.replace(/^release /, "");
      const name = chart.split(" ")[0];
      const ref = published.find((p) => p.includes(`/${name}:`));
      const result =
        c.state === "pass"
          ? `✅ published \`${ref ?? "?"}\``
          : c.state === "skip"
            ? `⏭️ skipped: ${c.reason ?? ""}`
            : "❌ failed (see the findings)";
      return `| ${escapeCell(chart)} | ${escapeCell(result)} |`;
    });
  return rows.length ? ["### Release", "", "| Chart | Result |", "|---|---|", ...rows] : [];
}
