{{/*
Labels, bitnami-common style. Standard labels go on metadata; selector labels (matchLabels, Service
selectors, StatefulSet volumeClaimTemplates) are ONLY name, instance and component: they are immutable on
Deployments/StatefulSets/PVC templates, so anything that changes between chart versions (chart, version)
must never be in them or every upgrade fails on an immutable field.
*/}}

{{/* Usage: include "floe.labels.standard" (dict "ctx" $ "component" "polaris") */}}
{{- define "floe.labels.standard" -}}
{{ include "floe.labels.matchLabels" . }}
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
app.kubernetes.io/part-of: floe
app.kubernetes.io/version: {{ .ctx.Chart.AppVersion | quote }}
helm.sh/chart: {{ include "floe.chart" .ctx }}
{{- with .ctx.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Usage: include "floe.labels.matchLabels" (dict "ctx" $ "component" "polaris") */}}
{{- define "floe.labels.matchLabels" -}}
app.kubernetes.io/name: {{ include "floe.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* Instance-wide selector (every pod of this release), for NetworkPolicy and quota scoping. */}}
{{- define "floe.labels.instanceSelector" -}}
app.kubernetes.io/name: {{ include "floe.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* metadata block shared by every object: name, namespace, labels, commonAnnotations.
Usage: include "floe.metadata" (dict "ctx" $ "component" "polaris" "name" "..." "annotations" (dict)) */}}
{{- define "floe.metadata" -}}
name: {{ .name }}
namespace: {{ default .ctx.Release.Namespace .namespace }}
labels:
  {{- include "floe.labels.standard" . | nindent 2 }}
{{- $ann := merge (dict) (default (dict) .annotations) (default (dict) .ctx.Values.commonAnnotations) }}
{{- with $ann }}
annotations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}
