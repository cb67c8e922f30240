// `floe-helm report --sarif FILE`: the findings of every phase as SARIF 2.1.0, for GitHub code scanning
// (github/codeql-action/upload-sarif) and any SARIF viewer. Pure: results in, a SARIF log out.
// - One result per distinct finding (src/report/findings.ts), its scenarios and helm majors in the message
//   and in its properties, at its file (relative to the repository root), line and column.
// - Levels: error -> error, warning -> warning, info -> note. A waived finding keeps its level and carries
//   a suppression (kind external: floe-gate.yaml, status accepted) whose justification is the waiver's reason.
// - A finding with no file inside the repository (a tool that could not run, a failed install) cannot be a
//   code scanning alert (GitHub refuses a whole upload when one result has no location): it is a tool
//   execution notification of the run's invocation instead, so nothing is lost.
// - partialFingerprints `floeHelm/v1`: a hash of rule, file, object and message (never the line, so an
//   alert survives code moving above it), with the number of its occurrence among equal hashes.
// - Rule metadata from the catalog the caller passes (src/cli/rule-catalog.ts: the rule registry and every
//   phase's rule ids): id, short description, help link to the README's rule table, default level.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Finding, PhaseResults, Severity } from "../core/findings.js";
import { type FindingGroup, groupFindings, messageWithOccurrences } from "./findings.js";

/** What the SARIF file says about a rule. */
export interface RuleDoc {
  id: string;
  /** One sentence: what the rule finds. */
  description: string;
  /** The README heading whose table documents it (GitHub's anchor, without `#`). */
  anchor: string;
  /** Its severity when floe-gate.yaml does not change it. */
  level?: Severity;
}

export const SARIF_SCHEMA_URI =
  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
/** Where the help links point: the README of this action's repository. */
export const README_URL = "https://github.com/floe/helm-action/blob/main/README.md";
export const FINGERPRINT_KEY = "floeHelm/v1";
const SRCROOT = "%SRCROOT%";

const levelOf = { error: "error", warning: "warning", info: "note" } as const;
type Level = (typeof levelOf)[Severity];

/** A rule's documentation: the catalog's entry, else its family's (the part before the last `/`, e.g.
 * yaml-style/braces -> yaml-style), else a generic entry pointing at the README's rule table. */
export function ruleDoc(id: string, catalog: ReadonlyMap<string, RuleDoc>): RuleDoc {
  const exact = catalog.get(id);
  if (exact) return exact;
  for (let cut = id.lastIndexOf("/"); cut > 0; cut = id.lastIndexOf("/", cut - 1)) {
    const family = catalog.get(id.slice(0, cut));
    if (family) return { ...family, id, description: `${family.description} (${id.slice(cut + 1)})` };
  }
  return { id, description: `floe-helm rule ${id}.`, anchor: "rules-of-the-gate" };
}

/** The folder SARIF paths are relative to: $GITHUB_WORKSPACE when the working directory is inside it,
 * else the nearest folder up from it holding `.git`, else the working directory itself. */
export function sourceRoot(cwd: string, env: NodeJS.ProcessEnv = {}): string {
  const abs = path.resolve(cwd);
  const ws = env.GITHUB_WORKSPACE ? path.resolve(env.GITHUB_WORKSPACE) : undefined;
  if (ws && (abs === ws || abs.startsWith(`${ws}${path.sep}`))) return ws;
  for (let d = abs; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, ".git"))) return d;
    if (path.dirname(d) === d) return abs;
  }
}

export interface SarifOptions {
  rules: readonly RuleDoc[];
  version: string;
  /** Where the findings' paths are relative to (the report's working directory). */
  cwd: string;
  /** The repository root SARIF paths are relative to (sourceRoot). */
  root: string;
}

// The subset of SARIF 2.1.0 this writer produces (the whole schema: tests/fixtures/report/sarif-schema-2.1.0.json).
interface Message {
  text: string;
}
interface SarifRule {
  id: string;
  shortDescription: Message;
  helpUri: string;
  help: Message & { markdown: string };
  defaultConfiguration: { level: Level };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Level;
  message: Message;
  locations: Array<{
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId: string };
      region?: { startLine: number; startColumn?: number };
    };
  }>;
  partialFingerprints: Record<string, string>;
  suppressions?: Array<{ kind: "external"; status: "accepted"; justification: string }>;
  properties: Record<string, unknown>;
}
interface Notification {
  /** The rule the finding is of (`tool.driver.rules`). */
  associatedRule: { id: string; index: number };
  level: Level;
  message: Message;
  properties: Record<string, unknown>;
}
export interface SarifLog {
  $schema: string;
  version: "2.1.0";
  runs: Array<{
    tool: {
      driver: {
        name: string;
        version: string;
        semanticVersion: string;
        informationUri: string;
        rules: SarifRule[];
      };
    };
    originalUriBaseIds: Record<string, { uri: string }>;
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Notification[] }>;
    results: SarifResult[];
    columnKind: "utf16CodeUnits";
  }>;
}

/** The finding's path relative to the root, POSIX, or undefined when it has none or lies outside it. */
function uriOf(f: Finding, cwd: string, root: string): string | undefined {
  if (!f.file) return undefined;
  const rel = path.relative(root, path.resolve(cwd, f.file));
  if (!rel || rel.startsWith("..") || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).map(encodeURIComponent).join("/");
}

const hash = (parts: readonly unknown[]): string =>
  createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 32);

const textOf = (g: FindingGroup): string => {
  const text = messageWithOccurrences(g);
  return g.finding.object && !text.startsWith(g.finding.object) ? `${g.finding.object}: ${text}` : text;
};

const propertiesOf = (phase: string, g: FindingGroup): Record<string, unknown> => {
  const f = g.finding;
  return {
    phase,
    ...(f.chart ? { chart: f.chart } : {}),
    ...(f.object ? { object: f.object } : {}),
    ...(g.scenarios.length ? { scenarios: g.scenarios } : {}),
    ...(g.helm.length ? { helm: g.helm } : {}),
    ...(f.cause ? { cause: f.cause } : {}),
    ...(f.waived?.expires ? { waiverExpires: f.waived.expires } : {}),
  };
};

export function toSarif(all: readonly PhaseResults[], opts: SarifOptions): SarifLog {
  const catalog = new Map(opts.rules.map((r) => [r.id, r]));
  const rules: SarifRule[] = [];
  const index = new Map<string, number>();
  const ruleIndex = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      const d = ruleDoc(id, catalog);
      const helpUri = `${README_URL}#${d.anchor}`;
      i = rules.push({
        id,
        shortDescription: { text: d.description },
        helpUri,
        help: {
          text: `${d.description} See ${helpUri}`,
          markdown: `${d.description} [Documentation](${helpUri})`,
        },
        defaultConfiguration: { level: levelOf[d.level ?? "error"] },
      });
      i -= 1;
      index.set(id, i);
    }
    return i;
  };
  // Every rule of the catalog is described, found or not (a viewer lists what was checked).
  for (const r of opts.rules) ruleIndex(r.id);

  const results: SarifResult[] = [];
  const notifications: Notification[] = [];
  const occurrences = new Map<string, number>();
  for (const r of all) {
    for (const g of groupFindings(r.findings)) {
      const f = g.finding;
      const level = levelOf[f.severity];
      const uri = uriOf(f, opts.cwd, opts.root);
      if (uri === undefined) {
        notifications.push({
          associatedRule: { id: f.rule, index: ruleIndex(f.rule) },
          level,
          message: { text: f.file ? `${f.file}: ${textOf(g)}` : textOf(g) },
          properties: { ...propertiesOf(r.phase, g), ...(f.waived ? { waived: f.waived.reason } : {}) },
        });
        continue;
      }
      const base = hash([f.rule, uri, f.object ?? "", f.message]);
      const n = (occurrences.get(base) ?? 0) + 1;
      occurrences.set(base, n);
      results.push({
        ruleId: f.rule,
        ruleIndex: ruleIndex(f.rule),
        level,
        message: { text: textOf(g) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri, uriBaseId: SRCROOT },
              ...(f.line ? { region: { startLine: f.line, ...(f.col ? { startColumn: f.col } : {}) } } : {}),
            },
          },
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: `${base}:${n}` },
        ...(f.waived
          ? {
              suppressions: [
                { kind: "external" as const, status: "accepted" as const, justification: f.waived.reason },
              ],
            }
          : {}),
        properties: propertiesOf(r.phase, g),
      });
    }
  }
  return {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "floe-helm",
            version: opts.version,
            semanticVersion: opts.version,
            informationUri: README_URL,
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(opts.root) } },
        invocations: [
          {
            executionSuccessful: !all.some((r) => r.status === "error"),
            toolExecutionNotifications: notifications,
          },
        ],
        results,
        columnKind: "utf16CodeUnits",
      },
    ],
  };
}

/** `file:///abs/root/`: a folder's URI ends with a slash (SARIF 3.14.14). */
const folderUri = (dir: string): string => pathToFileURL(`${path.resolve(dir)}${path.sep}`).href;
