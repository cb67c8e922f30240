// Text inside a Markdown table cell: a `|` would end the cell, a newline the row, and `<` would start what
// GitHub takes for HTML (it drops unknown tags, so `<none>` would vanish). `>` alone starts nothing.
export function escapeCell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ").replace(/</g, "&lt;");
}
