{{/*
Names, bitnami-common style: every generated name is cut to 63 characters (DNS label limit) and loses a
trailing "-" left by the cut. Every helper takes the including chart's context, so .Chart is that chart.
*/}}

{{/* Chart name (nameOverride wins). Usage: include "floe-common.names.name" . */}}
{{- define "floe-common.names.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Release-wide prefix: fullnameOverride, else "<release>" when it already holds the chart name, else
"<release>-<chart>". Usage: include "floe-common.names.fullname" . */}}
{{- define "floe-common.names.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* "<fullname>-<component>", cut to 63.
Usage: include "floe-common.names.component" (dict "ctx" $ "component" "dagster-webserver") */}}
{{- define "floe-common.names.component" -}}
{{- printf "%s-%s" (include "floe-common.names.fullname" .ctx) .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* "name-version" for the helm.sh/chart label ("+" is not allowed in label values).
Usage: include "floe-common.names.chart" . */}}
{{- define "floe-common.names.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}
