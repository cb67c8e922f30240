{{/*
The metadata block shared by every object: name, namespace (the release's unless "namespace" is given),
standard labels (with commonLabels) and annotations (the object's own merged with commonAnnotations).
Usage: include "floe-common.metadata" (dict "ctx" $ "component" "polaris" "name" "..." "annotations" (dict))
*/}}
{{- define "floe-common.metadata" -}}
name: {{ .name }}
namespace: {{ default .ctx.Release.Namespace .namespace }}
labels:
  {{- include "floe-common.labels.standard" . | nindent 2 }}
{{- $ann := merge (dict) (default (dict) .annotations) (default (dict) .ctx.Values.commonAnnotations) }}
{{- with $ann }}
annotations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}
