// Helm's own messages -> positions. `helm template` fails with one error naming `<chart>/templates/x:L:C`
// (Helm 3 on one line, Helm 4 over several); `helm lint` prints `[ERROR] <file>: <message>` lines.

import path from "node:path";
import type { Severity } from "../core/findings.js";
import { relPosix } from "../core/paths.js";
import { templateFile } from "./manifest.js";

export interface HelmMessage {
  severity: Severity;
  message: string;
  /** Relative to cwd. */
  file?: string;
  line?: number;
  col?: number;
  /** The message is about values failing values.schema.json (the values-schema rule reports those). */
  schema: boolean;
  /** The message is about rendering a template (render errors report those). */
  template: boolean;
}

// `<chart>/templates/x.yaml:6:15`, `(c/templates/x.yaml:7)`: a chart-relative template path with a line.
const templatePos = /([A-Za-z0-9_.-]+\/(?:charts\/[A-Za-z0-9_.-]+\/)*templates\/[^\s:()"]+):(\d+)(?::(\d+))?/;
const yamlOn = /YAML parse error on ([^\s:]+):.*?\bline (\d+)/s;

function oneLine(s: string): string {
  return (
    s
      .split("\n")
      .map((l) => l.trim())
      // client-go's klog lines (`I1202 01:51:40.066606 ... reflector.go:664] ...`) are helm's library talking,
      // not helm's error: a lost watch when the API server went away, say.
      .filter((l) => l && !/^Use --debug flag/.test(l) && !/^[IWEF]\d{4} \d\d:\d\d:\d\d\.\d+\s/.test(l))
      .join(" ")
      .replace(/^Error: /, "")
  );
}

/** The error of a failed `helm template`, at the template and line helm names. */
export function parseRenderError(stderr: string, chartDirAbs: string, cwd: string): HelmMessage {
  const message = oneLine(stderr) || "helm template failed without a message";
  const schema = /don't meet the specifications of the schema|not valid against metaschema/.test(message);
  const y = yamlOn.exec(message);
  if (y) {
    return {
      severity: "error",
      message: message.replace(
        /^YAML parse error on [^\s:]+: /,
        `rendered output is not valid YAML (rendered line ${y[2]}): `,
      ),
      file: templateFile(y[1]!, chartDirAbs, cwd),
      line: 1,
      schema,
      template: true,
    };
  }
  const m = templatePos.exec(message);
  if (m) {
    return {
      severity: "error",
      message,
      file: templateFile(m[1]!, chartDirAbs, cwd),
      line: Number(m[2]),
      ...(m[3] ? { col: Number(m[3]) } : {}),
      schema,
      template: true,
    };
  }
  return { severity: "error", message, schema, template: !schema };
}

/** Where a helm message points, as a finding's position: helm names the file but not always a line, so
 * line 1 then (every finding reads file:line); nothing when it names no file. */
export function positionOf(m: HelmMessage): { file?: string; line?: number; col?: number } {
  return m.file ? { file: m.file, line: m.line ?? 1, ...(m.col ? { col: m.col } : {}) } : {};
}

/** The findings of `helm lint --strict` (INFO lines dropped; with --strict a WARNING fails too). */
export function parseLintOutput(stdout: string, chartDirAbs: string, cwd: string): HelmMessage[] {
  const out: HelmMessage[] = [];
  let cur: { sev: string; file: string; text: string[] } | undefined;
  const flush = () => {
    if (!cur || cur.sev === "INFO") {
      cur = undefined;
      return;
    }
    const message = cur.text
      .map((l) => l.trim())
      .filter(Boolean)
      .join(" ");
    const schema = /don't meet the specifications of the schema|not valid against metaschema|^- at '\//.test(
      message,
    );
    const m = templatePos.exec(message);
    let file: string | undefined;
    let line: number | undefined;
    let col: number | undefined;
    if (m) {
      file = templateFile(m[1]!, chartDirAbs, cwd);
      line = Number(m[2]);
      if (m[3]) col = Number(m[3]);
    } else if (cur.file) {
      const abs = path.isAbsolute(cur.file) ? cur.file : path.join(chartDirAbs, cur.file);
      file = relPosix(cwd, abs);
    }
    out.push({
      severity: cur.sev === "ERROR" ? "error" : "warning",
      message,
      ...(file ? { file } : {}),
      ...(line ? { line } : {}),
      ...(col ? { col } : {}),
      schema,
      template: cur.file.startsWith("templates/") || m !== null,
    });
    cur = undefined;
  };
  for (const raw of stdout.split("\n")) {
    const m = /^\[(ERROR|WARNING|INFO)\] ([^:]*): ?(.*)$/.exec(raw);
    if (m) {
      flush();
      cur = { sev: m[1]!, file: m[2]!, text: [m[3]!] };
    } else if (cur && raw.trim() && !/^==> Linting|^Error: \d+ chart/.test(raw)) {
      cur.text.push(raw);
    } else if (!raw.trim()) {
      flush();
    }
  }
  flush();
  return out;
}
