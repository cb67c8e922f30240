// `floe-helm release`: package every chart and push it to an OCI registry, skipping versions already there.
import { type Command, Option } from "commander";
import type { Bind } from "../cli/options.js";
import { withCommonOptions } from "../cli/options.js";
import { collect } from "../cli/plan-options.js";
import { UserError } from "../core/errors.js";
import { runPhase } from "../report/phase.js";
import { DEFAULT_IDENTITY_REGEXP, GITHUB_OIDC_ISSUER } from "./identity.js";

interface ReleaseFlags {
  registry?: string;
  username?: string;
  chartsDir?: string;
  plainHttp?: boolean;
  dryRun?: boolean;
  indexDir?: string;
  indexUrl?: string;
  sign?: boolean;
  signKey?: string;
  signOffline?: boolean;
  signIdentityRegexp?: string;
  gateResults?: string;
}

export function registerRelease(program: Command, bind: Bind): void {
  withCommonOptions(
    program
      .command("release")
      .description(
        "package every chart and push it to an OCI registry and/or add it to a Helm repository folder (gh-pages); a version already published is skipped",
      )
      .addOption(
        new Option("--registry <oci://host/path>", "where charts go, e.g. oci://ghcr.io/floe/charts").env(
          "FLOE_HELM_REGISTRY",
        ),
      )
      .addOption(
        new Option(
          "--username <name>",
          "log in to the registry first as this user; the password or token comes from FLOE_HELM_REGISTRY_PASSWORD only",
        ).env("FLOE_HELM_REGISTRY_USERNAME"),
      )
      .addOption(
        new Option(
          "--charts-dir <dir>",
          "publish every sub-folder holding a Chart.yaml (default: charts)",
        ).env("FLOE_HELM_CHARTS_DIR"),
      )
      .addOption(
        new Option("--chart <dir>", "publish only this chart folder (repeatable)").argParser(collect),
      )
      .addOption(
        new Option("--helm <3|4>", "helm major that packages and pushes").choices(["3", "4"]).default("4"),
      )
      .addOption(
        new Option(
          "--index-dir <dir>",
          "a Helm repository folder (a gh-pages checkout): add each new package and its entry to its index.yaml",
        ).env("FLOE_HELM_INDEX_DIR"),
      )
      .addOption(
        new Option(
          "--index-url <url>",
          "the URL that folder is served at (index entries' urls; relative without it), e.g. https://floe.github.io/charts",
        ).env("FLOE_HELM_INDEX_URL"),
      )
      .addOption(
        new Option(
          "--sign",
          "sign each pushed chart's OCI digest with cosign, then verify it (keyless OIDC without --sign-key); also FLOE_HELM_SIGN=true",
        ),
      )
      .addOption(
        new Option(
          "--sign-key <path>",
          "cosign private key (file or KMS URI) to sign with; its password from COSIGN_PASSWORD",
        ).env("COSIGN_KEY"),
      )
      .addOption(
        new Option(
          "--sign-offline",
          "with --sign-key: no transparency log, verify without fetching Sigstore's trusted root (tests, air-gapped); also FLOE_HELM_SIGN_OFFLINE=true",
        ),
      )
      .addOption(
        new Option(
          "--sign-identity-regexp <re>",
          `keyless: the signing certificate's identity must match this (default ${DEFAULT_IDENTITY_REGEXP})`,
        ).env("FLOE_HELM_SIGN_IDENTITY_REGEXP"),
      )
      .addOption(
        new Option(
          "--gate-results <file|dir>",
          "publish only if this gate.results.json (or the folder holding it) records a passed gate on this very commit, clean",
        ).env("FLOE_HELM_GATE_RESULTS"),
      )
      .addOption(
        new Option(
          "--plain-http",
          "talk plain HTTP to the registry (a local or in-cluster registry without TLS); also FLOE_HELM_PLAIN_HTTP=true",
        ),
      )
      .addOption(new Option("--dry-run", "package and report, push nothing")),
  ).action(
    bind<ReleaseFlags>(async ({ flags, inputs, io }) =>
      runPhase(
        "release",
        inputs,
        async (ctx) => {
          // Flags, else the environment the CLI was given (commander reads only process.env).
          const registryRaw = flags.registry ?? io.env.FLOE_HELM_REGISTRY;
          const username = flags.username ?? io.env.FLOE_HELM_REGISTRY_USERNAME;
          const indexDir = flags.indexDir ?? io.env.FLOE_HELM_INDEX_DIR;
          const indexUrl = flags.indexUrl ?? io.env.FLOE_HELM_INDEX_URL;
          if (indexUrl && !indexDir)
            throw new UserError("--index-url: give --index-dir too (the folder served at that URL)");
          if (!registryRaw && !indexDir)
            throw new UserError(
              "--registry is required (or FLOE_HELM_REGISTRY), e.g. oci://ghcr.io/floe/charts, unless --index-dir (FLOE_HELM_INDEX_DIR) names a Helm repository folder to publish to",
            );
          if (indexUrl && !/^https?:\/\/\S+$/.test(indexUrl))
            throw new UserError(
              `--index-url: expected an http(s) URL, e.g. https://floe.github.io/charts, got '${indexUrl}'`,
            );
          // What checks and publishes loads only for this command.
          const { parseRegistry } = await import("./argv.js");
          const r = registryRaw ? parseRegistry(registryRaw) : undefined;
          if (r && "error" in r) throw new UserError(r.error);
          if (!r && username)
            throw new UserError(`--username ${username}: there is no --registry to log in to`);
          const sign = flags.sign === true || io.env.FLOE_HELM_SIGN === "true";
          const signOffline = flags.signOffline === true || io.env.FLOE_HELM_SIGN_OFFLINE === "true";
          const signKey = flags.signKey ?? (sign ? io.env.COSIGN_KEY : undefined);
          const identityRegexp =
            flags.signIdentityRegexp ?? io.env.FLOE_HELM_SIGN_IDENTITY_REGEXP ?? DEFAULT_IDENTITY_REGEXP;
          if (!sign && (flags.signKey || signOffline || flags.signIdentityRegexp))
            throw new UserError("--sign-key, --sign-offline and --sign-identity-regexp need --sign");
          if (sign && !r)
            throw new UserError("--sign: signs charts pushed to an OCI registry; give --registry too");
          if (signOffline && !signKey)
            throw new UserError(
              "--sign-offline: needs --sign-key (COSIGN_KEY): keyless signing cannot be offline",
            );
          const password = io.env.FLOE_HELM_REGISTRY_PASSWORD;
          if (password && !username)
            throw new UserError(
              "FLOE_HELM_REGISTRY_PASSWORD is set but no --username (FLOE_HELM_REGISTRY_USERNAME) to log in as",
            );
          if (username && !password)
            throw new UserError(
              `--username ${username}: set FLOE_HELM_REGISTRY_PASSWORD to the password or token to log in with`,
            );
          const plainHttp = flags.plainHttp === true || io.env.FLOE_HELM_PLAIN_HTTP === "true";
          const gateResults = flags.gateResults ?? io.env.FLOE_HELM_GATE_RESULTS;
          if (gateResults) {
            const [{ GATE_RECORD_RULE, gateRecordProblem, readGateRecord }, { sourceCommit }] =
              await Promise.all([import("./gate-record.js"), import("../report/source.js")]);
            const { file, results } = await readGateRecord(gateResults, io.cwd);
            const problem = gateRecordProblem(results, file, await sourceCommit(io.cwd));
            ctx.check({
              id: "release gate-record",
              rule: GATE_RECORD_RULE,
              state: problem ? "fail" : "pass",
              ...(problem ? {} : { reason: `the gate passed on ${results.source?.commit}` }),
            });
            if (problem) {
              ctx.add({ rule: GATE_RECORD_RULE, severity: "error", message: problem, file });
              return;
            }
            ctx.progress(`release: the gate passed on this commit (${results.source?.commit}, ${file})`);
          }
          const { runRelease } = await import("./run.js");
          await runRelease(ctx, inputs, {
            cwd: io.cwd,
            env: io.env,
            ...(r ? { oci: { registry: r.registry, plainHttp } } : {}),
            ...(indexDir ? { index: { dir: indexDir, ...(indexUrl ? { url: indexUrl } : {}) } } : {}),
            chartsDir: flags.chartsDir ?? io.env.FLOE_HELM_CHARTS_DIR ?? "charts",
            major: inputs.helmMajors.length === 1 ? inputs.helmMajors[0]! : 4,
            dryRun: flags.dryRun === true,
            ...(username && password ? { login: { username, password } } : {}),
            ...(sign
              ? {
                  sign: {
                    ...(signKey ? { key: signKey } : {}),
                    offline: signOffline,
                    identityRegexp,
                    issuer: GITHUB_OIDC_ISSUER,
                    // Keyless on Actions: also the repository the signing run was for, not just any workflow.
                    ...(!signKey && io.env.GITHUB_REPOSITORY
                      ? { githubRepository: io.env.GITHUB_REPOSITORY }
                      : {}),
                  },
                }
              : {}),
          });
        },
        { cwd: io.cwd, out: io.out, err: io.err },
      ),
    ),
  );
}
