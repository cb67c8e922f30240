import { describe, expect, it } from "vitest";
import type { ObjectLike } from "../../src/upgrade/immutable.js";
import { predictRemovals } from "../../src/upgrade/removals.js";

const pvc = (name: string, annotations: Record<string, string> = {}): ObjectLike => ({
  kind: "PersistentVolumeClaim",
  name,
  doc: { metadata: { name, annotations }, spec: {} },
});
const sts = (name: string, claims: string[], app = "db"): ObjectLike => ({
  kind: "StatefulSet",
  name,
  doc: {
    spec: {
      selector: { matchLabels: { app } },
      volumeClaimTemplates: claims.map((c) => ({ metadata: { name: c } })),
    },
  },
});
const svc = (name: string, selector?: Record<string, string>): ObjectLike => ({
  kind: "Service",
  name,
  doc: { spec: selector ? { selector } : {} },
});
const deploy = (name: string): ObjectLike => ({ kind: "Deployment", name, doc: { spec: {} } });

describe("predictRemovals", () => {
  it.each([
    {
      name: "a removed PVC",
      before: [pvc("data")],
      after: [],
      want: ["upgrade/removed-stateful PersistentVolumeClaim/data"],
    },
    {
      name: "a removed PVC kept by resource-policy (still orphaned)",
      before: [pvc("data", { "helm.sh/resource-policy": "keep" })],
      after: [],
      want: ["upgrade/removed-stateful PersistentVolumeClaim/data"],
    },
    { name: "a PVC still rendered", before: [pvc("data")], after: [pvc("data")], want: [] },
    {
      name: "a removed StatefulSet with claim templates",
      before: [sts("db", ["data"])],
      after: [],
      want: ["upgrade/removed-stateful StatefulSet/db"],
    },
    {
      name: "a renamed StatefulSet with claim templates",
      before: [sts("db", ["data"])],
      after: [sts("db-v2", ["data"])],
      want: ["upgrade/removed-stateful StatefulSet/db -> db-v2"],
    },
    { name: "a removed StatefulSet without claims", before: [sts("db", [])], after: [], want: [] },
    { name: "a removed Deployment (no data)", before: [deploy("web")], after: [], want: [] },
    {
      name: "a renamed Service (same selector)",
      before: [svc("api", { app: "api" })],
      after: [svc("api-http", { app: "api" })],
      want: ["upgrade/renamed-service Service/api -> api-http"],
    },
    {
      name: "a removed Service with another added (different selector)",
      before: [svc("api", { app: "api" })],
      after: [svc("web", { app: "web" })],
      want: [],
    },
    {
      name: "a headless Service without selector",
      before: [svc("ext")],
      after: [svc("ext2")],
      want: [],
    },
  ])("$name", ({ before, after, want }) => {
    expect(
      predictRemovals(before, after).map((h) => `${h.rule} ${h.object}${h.next ? ` -> ${h.next.name}` : ""}`),
    ).toEqual(want);
  });

  it("says what is lost", () => {
    const [h] = predictRemovals([sts("db", ["data"])], [sts("db-v2", ["data"])]);
    expect(h?.message).toBe(
      "StatefulSet/db is renamed to StatefulSet/db-v2 by this change: helm deletes StatefulSet/db on upgrade, its PersistentVolumeClaims (data-db-0, ...) stay behind with the data, and StatefulSet/db-v2 starts on new, empty volumes",
    );
  });
});

it("documents every upgrade-check rule id in the README rules table", async () => {
  const { readFile } = await import("node:fs/promises");
  const path = await import("node:path");
  const { repoRoot } = await import("../helpers/tools.js");
  const { upgradeCheckRules } = await import("../../src/upgrade/run.js");
  const readme = await readFile(path.join(repoRoot, "README.md"), "utf8");
  for (const id of Object.values(upgradeCheckRules)) expect(readme, id).toContain(`| \`${id}\``);
});
