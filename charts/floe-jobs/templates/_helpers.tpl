{{/*
Names (cut to 63 characters, bitnami-common style), labels (selector labels: name, instance, component
only) and the security defaults (Pod Security Standards "restricted", kubesec >= 9), as in floe-platform.
*/}}

{{- define "floe-jobs.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "floe-jobs.fullname" -}}
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

{{/* A CronJob's name must leave room for the 11 characters of its Jobs' suffix: cut to 52. */}}
{{- define "floe-jobs.jobName" -}}
{{- printf "%s-%s" (include "floe-jobs.fullname" .ctx) .job | trunc 52 | trimSuffix "-" -}}
{{- end -}}

{{- define "floe-jobs.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Usage: include "floe-jobs.labels" (dict "ctx" $ "component" "dbt-build") */}}
{{- define "floe-jobs.labels" -}}
{{ include "floe-jobs.matchLabels" . }}
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
app.kubernetes.io/part-of: floe
app.kubernetes.io/version: {{ .ctx.Chart.AppVersion | quote }}
helm.sh/chart: {{ include "floe-jobs.chart" .ctx }}
{{- with .ctx.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "floe-jobs.matchLabels" -}}
app.kubernetes.io/name: {{ include "floe-jobs.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* Usage: include "floe-jobs.metadata" (dict "ctx" $ "component" "x" "name" "..." "annotations" (dict)) */}}
{{- define "floe-jobs.metadata" -}}
name: {{ .name }}
namespace: {{ .ctx.Release.Namespace }}
labels:
  {{- include "floe-jobs.labels" . | nindent 2 }}
{{- $ann := merge (dict) (default (dict) .annotations) (default (dict) .ctx.Values.commonAnnotations) }}
{{- with $ann }}
annotations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{- define "floe-jobs.image" -}}
{{- $registry := default .image.registry .ctx.Values.global.imageRegistry -}}
{{- if $registry -}}
{{- printf "%s/%s:%s" $registry .image.repository .image.tag -}}
{{- else -}}
{{- printf "%s:%s" .image.repository .image.tag -}}
{{- end -}}
{{- end -}}

{{- define "floe-jobs.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .runAsUser }}
runAsGroup: {{ .runAsGroup }}
fsGroup: {{ .fsGroup }}
fsGroupChangePolicy: OnRootMismatch
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "floe-jobs.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .runAsUser }}
runAsGroup: {{ .runAsGroup }}
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
privileged: false
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "floe-jobs.imagePullSecrets" -}}
{{- with .Values.global.imagePullSecrets }}
imagePullSecrets:
{{- range . }}
  - name: {{ . }}
{{- end }}
{{- end }}
{{- end -}}

{{/* Every invalid value at once, in one fail (the schema checks types; this checks what depends on
several values). */}}
{{- define "floe-jobs.validate" -}}
{{- $errors := list -}}
{{- if and .Values.credentials.secretEnv (not .Values.credentials.existingSecret) -}}
{{- $errors = append $errors "credentials.secretEnv is set but credentials.existingSecret is empty: name the Secret the keys come from" -}}
{{- end -}}
{{- $enabled := 0 -}}
{{- range $name, $entry := .Values.jobs -}}
{{- $job := mergeOverwrite (deepCopy $.Values.jobDefaults) $entry -}}
{{- if $job.enabled -}}{{- $enabled = add1 $enabled -}}{{- end -}}
{{- if and $job.enabled (gt (len (printf "%s-%s" (include "floe-jobs.fullname" $) $name)) 52) -}}
{{- $errors = append $errors (printf "jobs.%s: '<release>-floe-jobs-%s' is over 52 characters and would be cut: use a shorter job name or fullnameOverride" $name $name) -}}
{{- end -}}
{{- end -}}
{{- if eq $enabled 0 -}}
{{- $errors = append $errors "jobs: no job is enabled: this release would run nothing" -}}
{{- end -}}
{{- if $errors -}}
{{- fail (printf "\nfloe-jobs: invalid values:\n  - %s" (join "\n  - " $errors)) -}}
{{- end -}}
{{- end -}}
