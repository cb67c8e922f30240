{{/*
Names, bitnami-common style: every generated name is cut to 63 characters (DNS label limit) and loses a
trailing "-" left by the cut.
*/}}

{{/* Chart name (nameOverride wins). */}}
{{- define "floe.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Release-wide prefix: fullnameOverride, else "<release>" when it already holds the chart name, else
"<release>-<chart>". */}}
{{- define "floe.fullname" -}}
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

{{/* "<fullname>-<component>", cut to 63. Usage: include "floe.componentName" (dict "ctx" $ "component" "dagster-webserver") */}}
{{- define "floe.componentName" -}}
{{- printf "%s-%s" (include "floe.fullname" .ctx) .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* "name-version" for the helm.sh/chart label ("+" is not allowed in label values). */}}
{{- define "floe.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Service account name of a component. */}}
{{- define "floe.serviceAccountName" -}}
{{- include "floe.componentName" . -}}
{{- end -}}
