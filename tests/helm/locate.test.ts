import { describe, expect, it } from "vitest";
import { locateInLines, sectionFor, sectionsOf } from "../../src/helm/locate.js";

const tpl = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
  labels:
    {{- include "x.labels" . | nindent 4 }}
spec:
  template:
    spec:
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: web
          image: "{{ .Values.image }}"
          securityContext:
            runAsNonRoot: true
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
        - name: side
          image: busybox
          "securityContext": {}
      volumes:
      - name: data
        emptyDir: {}
      - name: cfg
        configMap:
          name: cfg
`.split("\n");

describe("locateInLines", () => {
  it.each([
    { path: ["kind"], line: 2, col: 1 },
    { path: ["metadata", "name"], line: 4, col: 3 },
    { path: ["metadata", "labels", "app"], line: 5, col: 3, why: "include: stops at the parent" },
    { path: ["spec", "template", "spec", "nodeSelector", "disk"], line: 11, col: 7 },
    { path: ["spec", "template", "spec", "containers"], line: 14, col: 7 },
    { path: ["spec", "template", "spec", "containers", 0], line: 15, col: 9 },
    { path: ["spec", "template", "spec", "containers", 0, "name"], line: 15, col: 11 },
    { path: ["spec", "template", "spec", "containers", 0, "image"], line: 16, col: 11 },
    { path: ["spec", "template", "spec", "containers", 1, "image"], line: 22, col: 11 },
    {
      path: ["spec", "template", "spec", "containers", 0, "securityContext", "runAsNonRoot"],
      line: 18,
      col: 13,
    },
    {
      path: ["spec", "template", "spec", "containers", 1, "securityContext"],
      line: 23,
      col: 11,
      why: "quoted key",
    },
    { path: ["spec", "template", "spec", "containers", 0, "resources", "limits", "cpu"], line: 19, col: 11 },
    {
      path: ["spec", "template", "spec", "containers", 5, "image"],
      line: 16,
      col: 11,
      why: "range: first item",
    },
    {
      path: ["spec", "template", "spec", "volumes", 1, "configMap", "name"],
      line: 29,
      col: 11,
      why: "list at key column",
    },
    { path: ["spec", "template", "spec", "volumes", 0, "emptyDir"], line: 26, col: 9 },
  ])("$path -> $line:$col $why", ({ path, line, col }) => {
    expect(locateInLines(tpl, path)).toEqual({ line, col });
  });

  it.each([
    { path: ["status"], why: "a key the template never writes" },
    { path: ["name"], why: "a nested key is not a top-level key" },
  ])("returns undefined for $why", ({ path }) => {
    expect(locateInLines(tpl, path)).toBeUndefined();
  });

  it("finds the second occurrence of a duplicated key", () => {
    const dup = ["spec:", "  volumes:", "    - a", "  volumes:", "    - b"];
    expect(locateInLines(dup, ["spec", "volumes"], 0, dup.length, 1)).toEqual({ line: 4, col: 3 });
  });
});

describe("template sections", () => {
  const multi = `{{- if .Values.a }}
apiVersion: v1
kind: Service
metadata:
  name: a
{{- end }}
---
# comment only
---
apiVersion: apps/v1
kind: Deployment
spec:
  replicas: 1
---
apiVersion: v1
kind: Service
metadata:
  name: b
`.split("\n");

  it("splits on --- and drops empty sections", () => {
    expect(sectionsOf(multi)).toEqual([
      [0, 6],
      [9, 13],
      [14, 19],
    ]);
  });

  it.each([
    { kind: "Service", nth: 0, want: [0, 6] },
    { kind: "Service", nth: 1, want: [14, 19] },
    { kind: "Deployment", nth: 0, want: [9, 13] },
    { kind: "ConfigMap", nth: 0, want: [0, 19], why: "kind not spelled: whole file" },
  ])("$kind #$nth -> $want", ({ kind, nth, want }) => {
    expect(sectionFor(multi, kind, nth)).toEqual(want);
  });
});
