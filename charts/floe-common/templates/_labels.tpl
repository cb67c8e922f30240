{{/*
Labels, bitnami-common style. Standard labels go on metadata; selector labels (matchLabels, Service
selectors, StatefulSet volumeClaimTemplates) are ONLY name, instance and component: they are immutable on
Deployments/StatefulSets/PVC templates, so anything that changes between chart versions (chart, version)
must never be in them or every upgrade fails on an immutable field.
*/}}

{{/* Usage: include "floe-common.labels.standard" (dict "ctx" $ "component" "polaris") */}}
{{- define "floe-common.labels.standard" -}}
{{ include "floe-common.labels.matchLabels" . }}
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
app.kubernetes.io/part-of: floe
app.kubernetes.io/version: {{ .ctx.Chart.AppVersion | quote }}
helm.sh/chart: {{ include "floe-common.names.chart" .ctx }}
{{- with .ctx.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Usage: include "floe-common.labels.matchLabels" (dict "ctx" $ "component" "polaris") */}}
{{- define "floe-common.labels.matchLabels" -}}
app.kubernetes.io/name: {{ include "floe-common.names.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* Instance-wide selector (every pod of this release), for NetworkPolicy and quota scoping.
Usage: include "floe-common.labels.instanceSelector" . */}}
{{- define "floe-common.labels.instanceSelector" -}}
app.kubernetes.io/name: {{ include "floe-common.names.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
