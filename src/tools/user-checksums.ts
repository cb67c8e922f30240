// A user's checksums file (--checksums / FLOE_HELM_CHECKSUMS / the action's `checksums` input): the same
// format as floe-helm's table (schemas/checksums.schema.json), YAML or JSON. It adds versions or platforms
// the committed table lacks, so an enterprise can pin its own tool versions, or fill a platform whose
// official value floe-helm could not confirm, without ever trusting the download source. It never
// overrides a committed value: a different value for the same asset is an error, since one of them is wrong.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ValidateFunction } from "ajv";
import schema from "../../schemas/checksums.schema.json" with { type: "json" };
import { assertValidDocument } from "../config/document.js";
import { UserError } from "../core/errors.js";
import { createAjv } from "../values/ajv.js";
import { parseYamlText } from "../values/yaml.js";
import type { InstallTool } from "./assets.js";
import { BUILTIN_TABLE, type ChecksumEntry, type ChecksumTable } from "./checksums.js";

// Compiled on first use: every phase imports the installer, few runs give a checksums file.
let compiled: ValidateFunction | undefined;
const validator = (): ValidateFunction => (compiled ??= createAjv().compile(schema));

/** Reads `file`, validates it, and returns `base` with its values added (each remembering its file). */
export async function withUserChecksums(
  base: ChecksumTable,
  file: string,
  cwd: string,
): Promise<ChecksumTable> {
  const rel = path.relative(cwd, file) || file;
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      code === "ENOENT"
        ? `checksums file not found: ${rel}`
        : `checksums file ${rel} cannot be read (${code ?? String(e)})`,
    );
  }
  const y = parseYamlText(text, rel, "1.2");
  assertValidDocument(validator(), y, "the checksums file", "schemas/checksums.schema.json");
  const user = (y.value ?? {}) as ChecksumTable;

  const merged: ChecksumTable = structuredClone(base);
  for (const tool of Object.keys(user).filter((k) => k !== "$comment") as InstallTool[]) {
    for (const [version, entry] of Object.entries(user[tool] ?? {})) {
      const have: ChecksumEntry = merged[tool]?.[version] ?? { source: entry.source, sha256: {} };
      const out: ChecksumEntry = { ...have, sha256: { ...have.sha256 }, from: { ...have.from } };
      for (const [key, sha] of Object.entries(entry.sha256)) {
        const pinned = out.sha256[key];
        if (pinned !== undefined && pinned !== sha) {
          const origin = have.from?.[key] ?? `${BUILTIN_TABLE} (${have.source})`;
          throw new UserError(
            `${tool} ${version} ${key}: ${sha} conflicts with ${pinned} from ${origin}; one of them is wrong: check the official checksum file`,
            y.positionOf([tool, version, "sha256", key]),
          );
        }
        if (pinned === undefined) {
          out.sha256[key] = sha;
          out.from![key] = `${rel} (${entry.source})`;
        }
      }
      merged[tool] = { ...merged[tool], [version]: out };
    }
  }
  return merged;
}
