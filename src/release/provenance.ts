// SLSA provenance v1 for each published chart: what was built (the chart folder at a commit), by what (the
// workflow run, or floe-helm on a developer's machine) and how (helm major, SOURCE_DATE_EPOCH). cosign attaches
// it to the chart's OCI digest as a signed in-toto attestation (the `sha256-<hex>.att` tag), so whoever pulls
// the chart can check where it came from: `cosign verify-attestation --type slsaprovenance1 ...`.
// The subject (the digest) is cosign's to fill in; this holds the predicate only. Pure: the caller reads the
// environment and git.
import type { SourceCommit } from "../report/source.js";

/** What this build type's parameters mean (SLSA: a URI naming the build template). */
export const BUILD_TYPE = "https://github.com/floe/helm-action/blob/main/README.md#release";

export interface ProvenanceInput {
  chart: { name: string; version: string /** The chart folder, relative to the checkout. */; path: string };
  /** The OCI registry pushed to (oci://...). */
  registry: string;
  helmMajor: number;
  /** The package's mtime (seconds), which makes the .tgz reproducible. */
  sourceDateEpoch?: number;
  /** The commit the chart was packaged from (src/report/source.ts). */
  source?: SourceCommit;
  /** GITHUB_* of the run: where the source and the builder are, when on GitHub Actions. */
  env: NodeJS.ProcessEnv;
  startedOn: Date;
}

/** The SLSA v1 predicate (https://slsa.dev/spec/v1.0/provenance) for one chart. */
export function provenancePredicate(i: ProvenanceInput): Record<string, unknown> {
  const server = i.env.GITHUB_SERVER_URL ?? "https://github.com";
  const repo = i.env.GITHUB_REPOSITORY;
  const onActions = i.env.GITHUB_ACTIONS === "true" && repo !== undefined;
  const dependency = i.source
    ? [
        {
          uri: repo ? `git+${server}/${repo}${i.env.GITHUB_REF ? `@${i.env.GITHUB_REF}` : ""}` : "git+file:.",
          digest: { gitCommit: i.source.commit },
        },
      ]
    : [];
  const runId = i.env.GITHUB_RUN_ID;
  return {
    buildDefinition: {
      buildType: BUILD_TYPE,
      externalParameters: {
        chart: i.chart,
        registry: i.registry,
        ...(i.env.GITHUB_WORKFLOW_REF ? { workflow: i.env.GITHUB_WORKFLOW_REF } : {}),
      },
      internalParameters: {
        helmMajor: i.helmMajor,
        ...(i.sourceDateEpoch !== undefined ? { sourceDateEpoch: i.sourceDateEpoch } : {}),
        // Tracked files differed from the commit: the chart is not the commit's alone.
        ...(i.source?.dirty ? { sourceDirty: true } : {}),
      },
      resolvedDependencies: dependency,
    },
    runDetails: {
      builder: {
        // On Actions the workflow that ran (its own identity in a keyless certificate); else the CLI.
        id:
          onActions && i.env.GITHUB_WORKFLOW_REF
            ? `${server}/${i.env.GITHUB_WORKFLOW_REF}`
            : "https://github.com/floe/helm-action#floe-helm-release",
      },
      metadata: {
        ...(onActions && runId
          ? {
              invocationId: `${server}/${repo}/actions/runs/${runId}/attempts/${i.env.GITHUB_RUN_ATTEMPT ?? "1"}`,
            }
          : {}),
        startedOn: i.startedOn.toISOString(),
      },
    },
  };
}
