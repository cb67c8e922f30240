// The values files of a run, each read and parsed once (the helm schedule and the values checks share them).
import { UserError } from "../../core/errors.js";
import type { Scenario } from "../../core/rendered.js";
import { FileTooLarge, type LoadedYaml, loadYamlFile } from "../../values/yaml.js";
import { gateRules } from "./types.js";

export class ValuesFiles {
  readonly #loaded = new Map<string, LoadedYaml>();

  constructor(private readonly cwd: string) {}

  /** The file (relative to cwd) with positions; a file over the size limit is bad input. */
  readonly load = async (file: string): Promise<LoadedYaml> => {
    let y = this.#loaded.get(file);
    if (!y) {
      try {
        y = await loadYamlFile(file, this.cwd);
      } catch (e) {
        if (e instanceof FileTooLarge) throw new UserError(e.message.replace(`${file}: `, ""), { file });
        throw e;
      }
      this.#loaded.set(file, y);
    }
    return y;
  };

  /** Whether a values file of the scenario was read and is not YAML: helm would only repeat the fault in
   * its own words, so such scenarios are not run. */
  unparsable(s: Scenario): boolean {
    return s.valuesFiles.some((f) =>
      this.#loaded.get(f)?.problems.some((p) => p.rule === gateRules.yamlParse),
    );
  }
}
