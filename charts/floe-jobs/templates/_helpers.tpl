{{/*
floe-jobs' own helpers. Names, labels, metadata, images and the security defaults (Pod Security Standards
"restricted", kubesec >= 9) come from the floe-common library chart (charts/floe-common), as in
floe-platform.
*/}}

{{/* A CronJob's name must leave room for the 11 characters of its Jobs' suffix: cut to 52. */}}
{{- define "floe-jobs.jobName" -}}
{{- printf "%s-%s" (include "floe-common.names.fullname" .ctx) .job | trunc 52 | trimSuffix "-" -}}
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
{{- if and $job.enabled (gt (len (printf "%s-%s" (include "floe-common.names.fullname" $) $name)) 52) -}}
{{- $errors = append $errors (printf "jobs.%s: '<release>-floe-jobs-%s' is over 52 characters and would be cut: use a shorter job name or fullnameOverride" $name $name) -}}
{{- end -}}
{{- end -}}
{{- if and .Values.codeLocation.enabled (not .Values.codeLocation.module) -}}
{{- $errors = append $errors "codeLocation.enabled is true but codeLocation.module is empty: name the Python module of the Dagster definitions" -}}
{{- end -}}
{{- if and (eq $enabled 0) (not .Values.codeLocation.enabled) -}}
{{- $errors = append $errors "jobs: no job is enabled (and codeLocation is off): this release would run nothing" -}}
{{- end -}}
{{- include "floe-common.validate.fail" (dict "ctx" . "errors" $errors) -}}
{{- end -}}

{{/* The code location's Deployment and Service name: the host the platform's workspace registers. */}}
{{- define "floe-jobs.codeLocation.name" -}}
{{- default (printf "%s-code-location" .Release.Name) .Values.codeLocation.serviceName | trunc 63 | trimSuffix "-" -}}
{{- end -}}
