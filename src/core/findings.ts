// What every phase reports: findings (a rule's verdict on one place) and check statuses (what ran), and the
// results file a phase writes (schemas/results.schema.json). Shared by every layer, so it depends on none.

export type Severity = "error" | "warning" | "info";
export type CheckState = "pass" | "fail" | "skip" | "error";

export interface Finding {
  /** Rule id, part of the interface (e.g. `values-schema`, `policy/run-as-non-root`). */
  rule: string;
  severity: Severity;
  message: string;
  /** Path relative to the working directory. */
  file?: string;
  line?: number;
  col?: number;
  chart?: string;
  scenario?: string;
  helm?: number;
  /** `Kind/name` of a rendered object, when the finding is about one. */
  object?: string;
  /** What a `diagnosis` finding of `floe-helm test` classified (src/install/diagnose): image-pull,
   * crash-loop, container-failed, pending-pvc, unschedulable, failing-probe, job-backoff or unknown. */
  cause?: string;
  /** Set when a waiver matched: the finding is reported but does not fail the gate. */
  waived?: { reason: string; expires?: string };
  /** The id of the check (CheckStatus.id) that produced it: the gate settles each check's state from its
   * findings once floe-gate.yaml judged them (src/gate/stages/settle.ts). */
  check?: string;
}

export interface CheckStatus {
  /** What ran, e.g. `lint floe-platform/values-test.yaml helm4`. */
  id: string;
  rule?: string;
  state: CheckState;
  /** Why a check was skipped or errored: the coverage matrix shows it. */
  reason?: string;
  durationMs?: number;
  /** Requirement ids this check covers (e.g. `E2E-002`). */
  covers?: string[];
}

export interface PhaseResults {
  schemaVersion: 1;
  /** The floe-helm version that wrote the file (absent in files of floe-helm before it was recorded). */
  floeHelm?: string;
  phase: string;
  startedAt: string;
  finishedAt: string;
  /** pass: no error findings; fail: the phase found errors; error: the phase could not run. */
  status: "pass" | "fail" | "error";
  /** One line describing why the phase could not run (status "error"). */
  error?: string;
  findings: Finding[];
  checks: CheckStatus[];
  /** Named values for later phases and for action outputs. */
  outputs?: Record<string, string>;
  /** The git commit the phase ran on (HEAD of its working folder), when it ran in a git work tree. */
  source?: { commit: string; dirty?: true };
}
