// kindPathNote (src/install/run.ts): a kind run on another node image, or with images from local Docker only,
// says which part of GitHub's kind path it did not verify; the pinned path says nothing. Table-driven.
import { describe, expect, it } from "vitest";
import { kindPathNote } from "../../src/install/run.js";
import { pins } from "../../src/tools/pins.js";

function note(kind: Parameters<typeof kindPathNote>[1], pull: "node" | "never"): Record<string, string> {
  const outputs: Record<string, string> = {};
  const ctx = { output: (k: string, v: string) => (outputs[k] = v) } as unknown as Parameters<
    typeof kindPathNote
  >[0];
  kindPathNote(ctx, kind, pull);
  return outputs;
}

describe("kindPathNote", () => {
  it.each<[string, Parameters<typeof kindPathNote>[1], "node" | "never", string | undefined]>([
    ["kwok or a cluster of --kubeconfig: nothing", undefined, "node", undefined],
    [
      "the pinned kindest/node, images pulled by the node: GitHub's path, nothing",
      { name: "k", nodeImage: pins.kindNodeImage },
      "node",
      undefined,
    ],
    [
      "a node image built here",
      { name: "k", nodeImage: "floe.local/kind-node:v1.37.0" },
      "node",
      "this run used node image floe.local/kind-node:v1.37.0",
    ],
    [
      "the pinned node, images never pulled",
      { name: "k", nodeImage: pins.kindNodeImage },
      "never",
      "this run used images from local Docker only, never pulled",
    ],
    [
      "both",
      { name: "k", nodeImage: "floe.local/kind-node:v1.37.0" },
      "never",
      "this run used node image floe.local/kind-node:v1.37.0, images from local Docker only, never pulled",
    ],
  ])("%s", (_, kind, pull, tail) => {
    const out = note(kind, pull)["not-verified"];
    if (tail === undefined) expect(out).toBeUndefined();
    else
      expect(out).toBe(
        `GitHub's kind path (node image ${pins.kindNodeImage}, the charts' upstream images pulled by the node): ${tail}`,
      );
  });
});
