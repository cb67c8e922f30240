// What `floe-helm release` did per chart: where it was published (the registry reference with its digest,
// the Helm repository index), or why it was skipped; the package's sha256, the cosign signature and the
// provenance attestation, when the run packaged or signed it.
import type { PhaseResults } from "../results.js";
import { escapeCell } from "./markdown.js";

const lines = (v: string | undefined) => (v ?? "").split("\n").filter(Boolean);

export function releaseMarkdown(r: PhaseResults): string[] {
  const published = lines(r.outputs?.published);
  const packages = lines(r.outputs?.packages);
  const signatures = lines(r.outputs?.signatures);
  const attestations = lines(r.outputs?.attestations);
  const indexed = lines(r.outputs?.indexed);
  const signing = r.outputs?.signatures !== undefined;
  const rows = r.checks
    .filter((c) => c.rule === "release")
    .map((c) => {
      const chart = c.id.replace(/^release /, "");
      const [name, version] = chart.split(" ");
      const ref = published.find((p) => p.includes(`/${name}:`));
      const ix = indexed.find((l) => l.startsWith(`${name} ${version} `));
      const where = [
        ...(ref ? [`published \`${ref}\``] : []),
        ...(ix ? [`added to the index (\`${ix.split(" ")[2]}\`)`] : []),
      ];
      const result =
        c.state === "pass"
          ? `✅ ${where.join("; ") || "published"}`
          : c.state === "skip"
            ? `⏭️ skipped: ${c.reason ?? ""}`
            : "❌ failed (see the findings)";
      const pkg = packages.find((p) => p.startsWith(`${name}-${version}.tgz `))?.split(" ")[1];
      const sig = signatures.find((s) => s.includes(`/${name}@`))?.split(" ")[1];
      const att = attestations.find((s) => s.includes(`/${name}@`))?.split(" ")[1];
      const cells = [
        chart,
        result,
        pkg ? `\`${pkg}\`` : "",
        ...(signing ? [sig ? `✅ \`${sig}\`` : "", att ? `✅ \`${att}\`` : ""] : []),
      ];
      return `| ${cells.map(escapeCell).join(" | ")} |`;
    });
  const head = signing
    ? [
        "| Chart | Result | Package | Signature (verified) | SLSA provenance (verified) |",
        "|---|---|---|---|---|",
      ]
    : ["| Chart | Result | Package |", "|---|---|---|"];
  return rows.length ? ["### Release", "", ...head, ...rows] : [];
}
