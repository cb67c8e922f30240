// The floe-helm version, as package.json says it: what every results file records, so that
// `floe-helm report --merge` never mixes results of two versions.
import pkg from "../../package.json" with { type: "json" };

export const FLOE_HELM_VERSION: string = pkg.version;
