// The SLSA provenance v1 predicate attached to each signed chart (src/release/provenance.ts), and the check
// that a verified attestation's statement is about the chart's own digest (attestationCovers).
import { describe, expect, test } from "vitest";
import { attestationCovers, SLSA_PROVENANCE_V1 } from "../../src/release/argv.js";
import { BUILD_TYPE, provenancePredicate } from "../../src/release/provenance.js";

const base = {
  chart: { name: "floe-jobs", version: "0.3.0", path: "charts/floe-jobs" },
  registry: "oci://ghcr.io/acme/charts",
  helmMajor: 4,
  startedOn: new Date("2026-12-03T10:00:00Z"),
};
const commit = "a".repeat(40);

describe("provenancePredicate", () => {
  test("on GitHub Actions: the repository at its ref and commit, the workflow as builder, the run as invocation", () => {
    const p = provenancePredicate({
      ...base,
      sourceDateEpoch: 1_700_000_000,
      source: { commit },
      env: {
        GITHUB_ACTIONS: "true",
        GITHUB_SERVER_URL: "https://github.com",
        GITHUB_REPOSITORY: "acme/platform",
        GITHUB_REF: "refs/tags/v1.0.0",
        GITHUB_WORKFLOW_REF: "acme/platform/.github/workflows/release.yml@refs/tags/v1.0.0",
        GITHUB_RUN_ID: "42",
        GITHUB_RUN_ATTEMPT: "2",
      },
    });
    expect(p).toEqual({
      buildDefinition: {
        buildType: BUILD_TYPE,
        externalParameters: {
          chart: base.chart,
          registry: base.registry,
          workflow: "acme/platform/.github/workflows/release.yml@refs/tags/v1.0.0",
        },
        internalParameters: { helmMajor: 4, sourceDateEpoch: 1_700_000_000 },
        resolvedDependencies: [
          { uri: "git+https://github.com/acme/platform@refs/tags/v1.0.0", digest: { gitCommit: commit } },
        ],
      },
      runDetails: {
        builder: { id: "https://github.com/acme/platform/.github/workflows/release.yml@refs/tags/v1.0.0" },
        metadata: {
          invocationId: "https://github.com/acme/platform/actions/runs/42/attempts/2",
          startedOn: "2026-12-03T10:00:00.000Z",
        },
      },
    });
  });

  test("on a developer's machine: the local checkout's commit, marked dirty when tracked files differed; the CLI as builder", () => {
    const p = provenancePredicate({ ...base, source: { commit, dirty: true }, env: {} }) as {
      buildDefinition: { internalParameters: object; resolvedDependencies: object[] };
      runDetails: { builder: { id: string }; metadata: object };
    };
    expect(p.buildDefinition.resolvedDependencies).toEqual([
      { uri: "git+file:.", digest: { gitCommit: commit } },
    ]);
    expect(p.buildDefinition.internalParameters).toEqual({ helmMajor: 4, sourceDirty: true });
    expect(p.runDetails.builder.id).toBe("https://github.com/floe/helm-action#floe-helm-release");
    expect(p.runDetails.metadata).toEqual({ startedOn: "2026-12-03T10:00:00.000Z" });
  });

  test("outside git: no source to resolve (nothing invented)", () => {
    const p = provenancePredicate({ ...base, env: {} }) as {
      buildDefinition: { resolvedDependencies: object[] };
    };
    expect(p.buildDefinition.resolvedDependencies).toEqual([]);
  });
});

describe("attestationCovers: verify-attestation's envelopes", () => {
  const digest = `sha256:${"c".repeat(64)}`;
  const envelope = (statement: object) =>
    JSON.stringify({
      payloadType: "application/vnd.in-toto+json",
      payload: Buffer.from(JSON.stringify(statement)).toString("base64"),
      signatures: [{ sig: "x" }],
    });
  const statement = (sha: string, type = SLSA_PROVENANCE_V1) => ({
    _type: "https://in-toto.io/Statement/v0.1",
    predicateType: type,
    subject: [{ name: "127.0.0.1:5000/c/floe-jobs", digest: { sha256: sha } }],
    predicate: {},
  });
  test.each([
    ["a provenance statement about the digest", envelope(statement("c".repeat(64))), true],
    [
      "one of several lines (another artifact's first)",
      `${envelope(statement("d".repeat(64)))}\n${envelope(statement("c".repeat(64)))}\n`,
      true,
    ],
    ["a statement about another digest", envelope(statement("d".repeat(64))), false],
    ["another predicate type", envelope(statement("c".repeat(64), "https://spdx.dev/Document")), false],
    ["cosign's messages, no envelope", "Verification for ... --\nThe following checks were performed", false],
    ["a broken payload", '{"payload":"not base64 json"}', false],
  ])("%s: %s", (_, output, expected) => {
    expect(attestationCovers(output, digest)).toBe(expected);
  });
});
