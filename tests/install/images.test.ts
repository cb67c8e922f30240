// The images `floe-helm test` brings into a kind cluster before installing, asserted without Docker: which
// images rendered objects use, the names containerd keeps, and where each image comes from. The calls to
// Docker, the node and `kind load` run for real in tests/cluster/kind-real.test.ts.
import { describe, expect, it } from "vitest";
import { parseManifestDocuments } from "../../src/helm/manifest.js";
import { parseHelmTimeout } from "../../src/install/command.js";
import {
  canonicalImage,
  describeUses,
  imageUses,
  nodeImageNames,
  parseImagePull,
  planImages,
} from "../../src/install/images.js";

const objects = (manifest: string) =>
  parseManifestDocuments(manifest, {
    chartDir: "charts/c",
    cwd: "/nonexistent",
    readTemplate: () => undefined,
  }).objects;

const cell = { chart: "c", scenario: "s" };

describe("images of rendered objects", () => {
  it.each([
    [
      "Deployment: init containers, then containers",
      `kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      initContainers: [{name: init, image: "busybox:1"}]
      containers: [{name: app, image: "reg.example/app:2"}, {name: side, image: "sidecar"}]`,
      ["Deployment/d init busybox:1", "Deployment/d app reg.example/app:2", "Deployment/d side sidecar"],
    ],
    [
      "Pod with an ephemeral container (a helm test pod too)",
      `kind: Pod
metadata: {name: p, annotations: {helm.sh/hook: test}}
spec:
  containers: [{name: t, image: "test:1"}]
  ephemeralContainers: [{name: dbg, image: "debug:1"}]`,
      ["Pod/p t test:1", "Pod/p dbg debug:1"],
    ],
    [
      "Job",
      `kind: Job
metadata: {name: j}
spec: {template: {spec: {containers: [{name: m, image: "job:1"}]}}}`,
      ["Job/j m job:1"],
    ],
    [
      "CronJob",
      `kind: CronJob
metadata: {name: cj}
spec: {jobTemplate: {spec: {template: {spec: {containers: [{name: m, image: "cron@sha256:abc"}]}}}}}`,
      ["CronJob/cj m cron@sha256:abc"],
    ],
    [
      "StatefulSet and DaemonSet",
      `kind: StatefulSet
metadata: {name: ss}
spec: {template: {spec: {containers: [{name: a, image: "a:1"}]}}}
---
kind: DaemonSet
metadata: {name: ds}
spec: {template: {spec: {containers: [{name: b, image: "b:1"}]}}}`,
      ["StatefulSet/ss a a:1", "DaemonSet/ds b b:1"],
    ],
    [
      "objects without pods and containers without an image give none",
      `kind: ConfigMap
metadata: {name: cm}
data: {image: "not-an-image:1"}
---
kind: Deployment
metadata: {name: d}
spec: {template: {spec: {containers: [{name: noimage}]}}}`,
      [],
    ],
  ])("%s", (_name, manifest, want) => {
    expect(imageUses(objects(manifest), cell).map((u) => `${u.object} ${u.container} ${u.image}`)).toEqual(
      want,
    );
  });

  it("each use carries its chart, scenario and the template line writing the image", () => {
    const [u] = imageUses(
      parseManifestDocuments(
        "---\n# Source: c/templates/d.yaml\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x:1\n",
        {
          chartDir: "/charts/c",
          cwd: "/",
          readTemplate: () =>
            "kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: {{ .Values.image }}\n",
        },
      ).objects,
      cell,
    );
    expect(u).toMatchObject({ chart: "c", scenario: "s", object: "Pod/p", container: "a", image: "x:1" });
    expect(u!.at).toMatchObject({ file: "charts/c/templates/d.yaml", line: 6 });
    expect(describeUses([u!, { ...u!, object: "Job/j", container: "m" }])).toBe(
      "Pod/p (container a), Job/j (container m)",
    );
  });
});

describe("image names as containerd keeps them", () => {
  it.each([
    ["busybox", "docker.io/library/busybox:latest"],
    ["busybox:1.36", "docker.io/library/busybox:1.36"],
    ["library/busybox:1", "docker.io/library/busybox:1"],
    ["bitnami/redis:7", "docker.io/bitnami/redis:7"],
    ["floe.local/test-pod:bookworm", "floe.local/test-pod:bookworm"],
    ["registry.k8s.io/pause:3.10", "registry.k8s.io/pause:3.10"],
    ["localhost:5000/app", "localhost:5000/app:latest"],
    ["localhost/app:1", "localhost/app:1"],
    ["reg.example:5000/team/app:2", "reg.example:5000/team/app:2"],
    ["app@sha256:abcd", "docker.io/library/app@sha256:abcd"],
    ["reg.example/app:2@sha256:abcd", "reg.example/app@sha256:abcd"],
  ])("%s -> %s", (ref, want) => {
    expect(canonicalImage(ref)).toBe(want);
  });

  it("a node's list keeps names and drops content ids", () => {
    expect([
      ...nodeImageNames(
        "docker.io/library/busybox:latest\nregistry.k8s.io/pause:3.10\nsha256:0123\n\nfloe.local/t@sha256:99\n",
      ),
    ]).toEqual(["docker.io/library/busybox:latest", "registry.k8s.io/pause:3.10", "floe.local/t@sha256:99"]);
  });
});

describe("where each image comes from", () => {
  const node = new Set(["floe.local/test-pod:bookworm", "docker.io/library/busybox:latest"]);
  it.each([
    [
      "in the node: nothing to do, even when also local",
      ["floe.local/test-pod:bookworm", "busybox"],
      ["busybox"],
      "node" as const,
      { inNode: ["floe.local/test-pod:bookworm", "busybox"], load: [], pull: [], missing: [] },
    ],
    [
      "only local: loaded",
      ["floe.local/only-local:1"],
      ["floe.local/only-local:1"],
      "never" as const,
      { inNode: [], load: ["floe.local/only-local:1"], pull: [], missing: [] },
    ],
    [
      "nowhere, the node may pull: left to it",
      ["reg.example/app:1"],
      [],
      "node" as const,
      { inNode: [], load: [], pull: ["reg.example/app:1"], missing: [] },
    ],
    [
      "nowhere, offline: missing",
      ["reg.example/app:1", "floe.local/only-local:1", "reg.example/app:1"],
      ["floe.local/only-local:1"],
      "never" as const,
      { inNode: [], load: ["floe.local/only-local:1"], pull: [], missing: ["reg.example/app:1"] },
    ],
  ])("%s", (_name, images, local, pull, want) => {
    expect(planImages(images, { nodes: [node], local: new Set(local) }, pull)).toEqual(want);
  });

  it("an image in only one of two nodes is loaded (kind loads into every node)", () => {
    expect(
      planImages(["busybox"], { nodes: [node, new Set<string>()], local: new Set(["busybox"]) }, "never"),
    ).toEqual({ inNode: [], load: ["busybox"], pull: [], missing: [] });
  });
});

describe("floe-helm test inputs", () => {
  it.each([
    [undefined, "node"],
    ["", "node"],
    ["node", "node"],
    [" never ", "never"],
  ])("--image-pull %s -> %s", (v, want) => {
    expect(parseImagePull(v)).toBe(want);
  });

  it("--image-pull refuses anything else with one clear error", () => {
    expect(() => parseImagePull("always")).toThrow("--image-pull: expected one of node, never, got 'always'");
  });

  it.each([
    [undefined, undefined],
    ["", undefined],
    ["90s", "90s"],
    ["5m", "5m"],
    ["1h2m3s", "1h2m3s"],
  ])("--timeout %s -> %s", (v, want) => {
    expect(parseHelmTimeout(v)).toBe(want);
  });

  it.each(["0s", "90", "5 m", "-1s", "1.5m", "s"])("--timeout %s is refused with one clear error", (v) => {
    expect(() => parseHelmTimeout(v)).toThrow(
      `--timeout: expected a duration such as 90s, 5m or 1m30s, got '${v}'`,
    );
  });
});
