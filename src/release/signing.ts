// Signing released charts with cosign, on their OCI digest. Not `helm package --sign`: that writes a PGP
// .prov file beside the .tgz, which a classic repository serves but an OCI registry does not carry (helm push
// uploads the chart alone), so nobody pulling from the registry could check it. cosign stores its signature
// in the registry itself (the `sha256-<hex>.sig` tag beside the chart), for the exact digest pushed.
//
// With a key (`--sign-key`, COSIGN_KEY; its password in COSIGN_PASSWORD) or keyless: on GitHub Actions,
// cosign takes the job's OIDC token, Fulcio issues a short-lived certificate for the workflow's identity,
// and the signature is logged in Rekor. Each signature is verified right after, with the key's public half
// or against the certificate's identity and issuer. `--sign-offline` (key signing only) keeps cosign off
// the network: no transparency log upload, and verification with an empty local trusted root instead of
// fetching Sigstore's (the tests use it: nothing here may reach the internet). A version already published
// is verified, and signed only when it has no valid signature (a run that pushed it and failed to sign).
// Each signed chart also gets SLSA provenance (provenance.ts) as a cosign attestation, signed the same way
// and verified (its subject must be the chart's digest); a published chart without one gets it then.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ToolError, UserError } from "../core/errors.js";
import { runTool } from "../exec/runner.js";
import {
  attestationCovers,
  attestationRef,
  cosignAttestArgv,
  cosignError,
  cosignPublicKeyArgv,
  cosignSignArgv,
  cosignTarget,
  cosignTriangulateArgv,
  cosignVerifyArgv,
  cosignVerifyAttestationArgv,
  signatureRef,
  triangulatedDigest,
} from "./argv.js";

export interface SignSettings {
  key?: string;
  offline: boolean;
  /** Keyless verification: the certificate identity must match this regular expression. */
  identityRegexp: string;
  issuer: string;
  /** Keyless verification: the repository the signing workflow ran for (GITHUB_REPOSITORY on Actions). */
  githubRepository?: string;
}

export interface Signer {
  cosign: string;
  settings: SignSettings;
  publicKey?: string;
  trustedRoot?: string;
  plainHttp: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Where predicates are written for cosign to read. */
  workDir: string;
}

/** A chart signed and attested: its digest reference, and where the signature and attestation are. */
export interface Signed {
  target: string;
  signature: string;
  attestation: string;
}

/** helm's registry logins (docker's config.json format), which cosign then reads via DOCKER_CONFIG. */
function helmRegistryConfig(env: NodeJS.ProcessEnv): string {
  if (env.HELM_REGISTRY_CONFIG) return env.HELM_REGISTRY_CONFIG;
  const config =
    env.HELM_CONFIG_HOME ??
    path.join(env.XDG_CONFIG_HOME ?? path.join(env.HOME ?? os.homedir(), ".config"), "helm");
  return path.join(config, "registry", "config.json");
}

/** The cosign binary, the public key and the offline trusted root: everything checked before a push. */
export async function prepareSigning(
  settings: SignSettings,
  o: {
    cwd: string;
    env: NodeJS.ProcessEnv;
    workDir: string;
    plainHttp: boolean;
    toolsDir: string | undefined;
    loggedIn: boolean;
  },
): Promise<Signer> {
  const cosign = o.toolsDir ? path.join(o.toolsDir, "cosign") : "cosign";
  if (o.toolsDir && !existsSync(cosign))
    throw new UserError(
      `--sign: cosign not found in ${o.toolsDir} (--tools-dir): run scripts/tools.sh cosign`,
    );
  const env = { ...o.env };
  // The login helm just made, for cosign too (only then: otherwise cosign keeps the logins it has).
  const registryConfig = helmRegistryConfig(o.env);
  if (o.loggedIn && path.basename(registryConfig) === "config.json")
    env.DOCKER_CONFIG = path.dirname(path.resolve(o.cwd, registryConfig));
  await mkdir(o.workDir, { recursive: true });
  const signer: Signer = {
    cosign,
    settings,
    plainHttp: o.plainHttp,
    env,
    cwd: o.cwd,
    workDir: o.workDir,
  };
  // cosign must run before anything is pushed (keyless signing runs nothing else up front).
  const version = await runTool([cosign, "version"], { cwd: o.cwd, env, timeoutMs: 60_000 }).catch(
    (e: Error) => {
      throw new UserError(
        `--sign: ${e.message} (install cosign, or run scripts/tools.sh cosign and give --tools-dir)`,
      );
    },
  );
  if (version.code !== 0)
    throw new ToolError(`--sign: '${cosign} version' failed: ${cosignError(version.stderr)}`);
  if (settings.key) {
    const publicKey = path.join(o.workDir, "cosign.pub");
    const r = await runTool(cosignPublicKeyArgv(cosign, settings.key, publicKey), {
      cwd: o.cwd,
      env,
      timeoutMs: 60_000,
    });
    if (r.code !== 0 || !existsSync(publicKey))
      throw new UserError(
        `--sign-key ${settings.key}: cosign cannot read the private key (is COSIGN_PASSWORD its password?): ${cosignError(`${r.stderr}\n${r.stdout}`)}`,
      );
    signer.publicKey = publicKey;
  }
  if (settings.offline) {
    // A trusted root with no authorities: cosign verifies against the key alone and fetches none.
    signer.trustedRoot = path.join(o.workDir, "trusted-root-offline.json");
    await writeFile(
      signer.trustedRoot,
      `${JSON.stringify({ mediaType: "application/vnd.dev.sigstore.trustedroot+json;version=0.1" })}\n`,
    );
  }
  return signer;
}

/**
 * A version already published: verify its signature and provenance, and add only what is missing (a run that
 * pushed it but failed to sign or attest it). A published, signed, attested version is left alone: a re-run
 * adds nothing.
 */
export async function ensureSigned(
  s: Signer,
  registry: string,
  name: string,
  tag: string,
  predicate: Record<string, unknown>,
): Promise<(Signed & { signedNow: boolean }) | { error: string }> {
  const tagRef = `${registry.replace(/^oci:\/\//, "")}/${name}:${tag}`;
  const tri = await run(s, cosignTriangulateArgv(s.cosign, tagRef, s.plainHttp), 120_000);
  const digest = triangulatedDigest(tri.stdout);
  if (tri.code !== 0 || !digest)
    return {
      error: `cannot resolve the digest of ${tagRef} to check its signature: ${cosignError(`${tri.stderr}\n${tri.stdout}`)}`,
    };
  const target = cosignTarget(registry, name, digest);
  let signedNow = false;
  if ((await run(s, cosignVerifyArgv(s.cosign, target, verifyOptions(s)))).code !== 0) {
    const signed = await signOnly(s, target);
    if (signed) return signed;
    signedNow = true;
  }
  if (!(await attestationVerified(s, target, digest)).ok) {
    const attested = await attest(s, target, digest, predicate);
    if (attested) return attested;
    signedNow = true;
  }
  return { target, signature: signatureRef(target), attestation: attestationRef(target), signedNow };
}

const run = (s: Signer, argv: string[], timeoutMs = 300_000) =>
  runTool(argv, { cwd: s.cwd, env: s.env, timeoutMs });

const verifyOptions = (s: Signer) => ({
  ...(s.publicKey ? { publicKey: s.publicKey } : {}),
  identityRegexp: s.settings.identityRegexp,
  issuer: s.settings.issuer,
  ...(s.settings.githubRepository ? { githubRepository: s.settings.githubRepository } : {}),
  ...(s.trustedRoot ? { offlineTrustedRoot: s.trustedRoot } : {}),
  plainHttp: s.plainHttp,
});

const cosignOptions = (s: Signer) => ({
  ...(s.settings.key ? { key: s.settings.key } : {}),
  offline: s.settings.offline,
  plainHttp: s.plainHttp,
});

/** Signs `target`, then verifies the signature; an error says what state the chart is in. */
async function signOnly(s: Signer, target: string): Promise<{ error: string } | undefined> {
  const sign = await run(s, cosignSignArgv(s.cosign, target, cosignOptions(s)));
  if (sign.code !== 0)
    return {
      error: `cosign sign ${target} failed (the chart is pushed but not signed): ${cosignError(`${sign.stderr}\n${sign.stdout}`)}`,
    };
  const verify = await run(s, cosignVerifyArgv(s.cosign, target, verifyOptions(s)));
  if (verify.code !== 0)
    return {
      error: `cosign verify ${target} failed right after signing: ${cosignError(`${verify.stderr}\n${verify.stdout}`)}`,
    };
  return undefined;
}

async function attestationVerified(
  s: Signer,
  target: string,
  digest: string,
): Promise<{ ok: true } | { ok: false; why: string }> {
  const v = await run(s, cosignVerifyAttestationArgv(s.cosign, target, verifyOptions(s)));
  if (v.code !== 0) return { ok: false, why: cosignError(`${v.stderr}\n${v.stdout}`) };
  return attestationCovers(v.stdout, digest)
    ? { ok: true }
    : { ok: false, why: `no SLSA provenance v1 statement whose subject is ${digest}` };
}

/** Attaches the provenance `predicate` to `target`, then verifies it (signature, type and subject). */
async function attest(
  s: Signer,
  target: string,
  digest: string,
  predicate: Record<string, unknown>,
): Promise<{ error: string } | undefined> {
  const file = path.join(s.workDir, `provenance-${digest.replace(":", "-")}.json`);
  await writeFile(file, `${JSON.stringify(predicate, null, 2)}\n`);
  const a = await run(s, cosignAttestArgv(s.cosign, target, file, cosignOptions(s)));
  if (a.code !== 0)
    return {
      error: `cosign attest ${target} failed (the chart is pushed and signed, without provenance): ${cosignError(`${a.stderr}\n${a.stdout}`)}`,
    };
  const v = await attestationVerified(s, target, digest);
  if (!v.ok) return { error: `cosign verify-attestation ${target} failed right after attesting: ${v.why}` };
  return undefined;
}

/** Signs `registry/name@digest` and attaches its provenance, verifying each; the error says what is missing. */
export async function signAndVerify(
  s: Signer,
  registry: string,
  name: string,
  digest: string,
  predicate: Record<string, unknown>,
): Promise<Signed | { error: string }> {
  const target = cosignTarget(registry, name, digest);
  const failed = (await signOnly(s, target)) ?? (await attest(s, target, digest, predicate));
  return failed ?? { target, signature: signatureRef(target), attestation: attestationRef(target) };
}
