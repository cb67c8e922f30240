// cosign as a user checks a chart the release signed, offline: the public key, no transparency log, an empty
// trusted root (nothing fetched), the plain-HTTP test registry. `verify` checks the signature;
// `verify-attestation` the SLSA provenance, whose verified in-toto statements are returned decoded.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { runTool } from "../../src/exec/runner.js";
import { tool } from "./tools.js";

export async function cosignCheck(
  what: "verify" | "verify-attestation",
  target: string,
  o: { publicKey: string; scratch: string; env: NodeJS.ProcessEnv },
) {
  const root = path.join(o.scratch, "empty-trusted-root.json");
  writeFileSync(root, '{"mediaType":"application/vnd.dev.sigstore.trustedroot+json;version=0.1"}\n');
  const r = await runTool(
    [
      tool("cosign"),
      what,
      ...(what === "verify-attestation" ? ["--type", "slsaprovenance1"] : []),
      "--key",
      o.publicKey,
      "--insecure-ignore-tlog=true",
      "--trusted-root",
      root,
      "--allow-insecure-registry",
      "--allow-http-registry",
      target,
    ],
    { env: o.env },
  );
  const statements = r.stdout
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(Buffer.from(JSON.parse(l).payload ?? "", "base64").toString("utf8") || "null"));
  return { ...r, statements };
}
