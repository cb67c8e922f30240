// The job summary as blocks of Markdown, so it can be cut to GitHub's size limit without breaking it: a
// table loses rows from its end, anything else is kept or left out whole, and what was left out is said.

/** GitHub refuses a step summary over 1 MiB (the job's summary upload fails and shows nothing). */
export const SUMMARY_LIMIT = 1024 * 1024;

export type Block =
  /** Lines kept or left out together (a heading, a paragraph, a Mermaid graph). */
  | { kind: "lines"; lines: string[]; what?: string }
  /** A table: `head` (header and separator), its rows, and what closes it (e.g. `</details>`), always kept
   * with what was shown of it. */
  | { kind: "table"; head: string[]; rows: string[]; tail?: string[]; what: string };

export const lines = (...l: string[]): Block => ({ kind: "lines", lines: l });

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

/** The blocks joined (a blank line between blocks), cut to `limit` bytes: each block that fits in what is
 * left, each table row that does (a huge one is left out, not the rows after it), then a note saying what
 * was left out and where the rest is. Never throws. */
export function fitBlocks(blocks: readonly Block[], limit = SUMMARY_LIMIT, rest = ""): string {
  const out: string[] = [];
  let size = 0;
  const left: string[] = [];
  // Room for the note itself (a generous line).
  const budget = limit - 2048;
  const fits = (n: number) => size + n + 2 <= budget;
  for (const b of blocks) {
    if (b.kind === "lines") {
      const text = b.lines.join("\n");
      if (fits(bytes(text))) {
        out.push(text);
        size += bytes(text) + 2;
      } else left.push(b.what ?? "a section");
      continue;
    }
    const tail = b.tail?.length ? `\n${b.tail.join("\n")}` : "";
    let body = b.head.join("\n");
    let shown = 0;
    for (const r of b.rows) {
      if (!fits(bytes(body) + bytes(r) + 1 + bytes(tail))) continue;
      body += `\n${r}`;
      shown++;
    }
    if (shown === 0 && (b.rows.length || !fits(bytes(body) + bytes(tail)))) {
      left.push(`${b.rows.length} row(s) of ${b.what}`);
      continue;
    }
    out.push(body + tail);
    size += bytes(body + tail) + 2;
    if (shown < b.rows.length) left.push(`${b.rows.length - shown} of ${b.rows.length} row(s) of ${b.what}`);
  }
  if (left.length) {
    const list = `${left.slice(0, 5).join(", ")}${left.length > 5 ? ` and ${left.length - 5} more` : ""}`;
    out.push(
      `> ✂️ **Truncated** to stay under GitHub's 1 MiB job summary limit: left out ${list}.${rest ? ` ${rest}` : ""}`,
    );
  }
  return `${out.join("\n\n")}\n`;
}
