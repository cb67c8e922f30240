{{/*
Credentials. No value ever comes from a template or values file: each credential group is either
  - an existing Secret the operator made (existingSecret),
  - an ExternalSecret (external-secrets.io/v1) that writes the Secret the chart would have made, or
  - generated on first install and KEPT on upgrade (lookup of the live Secret; `helm template` has no cluster
    and therefore always generates).
Workloads reference secrets only through "floe.secretName.<group>" so all three sources are interchangeable.
*/}}

{{- define "floe.secretName.postgresql" -}}
{{- default (include "floe-common.names.component" (dict "ctx" . "component" "postgresql")) .Values.postgresql.auth.existingSecret -}}
{{- end -}}

{{- define "floe.secretName.objectStorage" -}}
{{- if eq .Values.objectStorage.mode "external" -}}
{{- default (include "floe-common.names.component" (dict "ctx" . "component" "s3")) .Values.objectStorage.external.existingSecret -}}
{{- else -}}
{{- default (include "floe-common.names.component" (dict "ctx" . "component" "minio")) .Values.minio.auth.existingSecret -}}
{{- end -}}
{{- end -}}

{{- define "floe.secretName.polaris" -}}
{{- default (include "floe-common.names.component" (dict "ctx" . "component" "polaris")) .Values.polaris.auth.existingSecret -}}
{{- end -}}

{{- define "floe.secretName.marquez" -}}
{{- default (include "floe-common.names.component" (dict "ctx" . "component" "marquez-postgresql")) .Values.marquez.postgresql.auth.existingSecret -}}
{{- end -}}

{{/* CloudNativePG reads role passwords from kubernetes.io/basic-auth Secrets. */}}
{{- define "floe.secretName.cnpgUser" -}}
{{- printf "%s-%s" (include "floe-common.names.component" (dict "ctx" .ctx "component" "postgresql")) .user | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
The credential groups of this release as a YAML list: secret name, keys, the values key that points at an
existing Secret (for error messages), whether the chart would generate it. Used by secrets.yaml,
externalsecrets.yaml and the validation, so they can never disagree.
*/}}
{{- define "floe.credentials.groups" -}}
{{- $eso := .Values.externalSecrets.enabled -}}
- group: postgresql
  secret: {{ include "floe.secretName.postgresql" . }}
  component: postgresql
  existingKey: postgresql.auth.existingSecret
  existing: {{ .Values.postgresql.auth.existingSecret | quote }}
  remoteKey: {{ .Values.externalSecrets.remoteKeys.postgresql | quote }}
  keys:
    {{- if eq .Values.postgresql.mode "internal" }}
    - postgres-password
    {{- end }}
    - dagster-password
    {{- if .Values.polaris.enabled }}
    - polaris-password
    {{- end }}
  generated: {{ and (not $eso) (not .Values.postgresql.auth.existingSecret) }}
{{- if eq .Values.objectStorage.mode "external" }}
- group: objectStorage
  secret: {{ include "floe.secretName.objectStorage" . }}
  component: s3
  existingKey: objectStorage.external.existingSecret
  existing: {{ .Values.objectStorage.external.existingSecret | quote }}
  remoteKey: {{ .Values.externalSecrets.remoteKeys.objectStorage | quote }}
  keys: [polaris-access-key, polaris-secret-key]
  generated: {{ and (not $eso) (not .Values.objectStorage.external.existingSecret) }}
{{- else }}
- group: objectStorage
  secret: {{ include "floe.secretName.objectStorage" . }}
  component: minio
  existingKey: minio.auth.existingSecret
  existing: {{ .Values.minio.auth.existingSecret | quote }}
  remoteKey: {{ .Values.externalSecrets.remoteKeys.objectStorage | quote }}
  keys: [root-user, root-password, polaris-access-key, polaris-secret-key]
  generated: {{ and (not $eso) (not .Values.minio.auth.existingSecret) }}
{{- end }}
{{- if .Values.polaris.enabled }}
- group: polaris
  secret: {{ include "floe.secretName.polaris" . }}
  component: polaris
  existingKey: polaris.auth.existingSecret
  existing: {{ .Values.polaris.auth.existingSecret | quote }}
  remoteKey: {{ .Values.externalSecrets.remoteKeys.polaris | quote }}
  keys: [root-client-id, root-client-secret]
  generated: {{ and (not $eso) (not .Values.polaris.auth.existingSecret) }}
{{- end }}
{{- if .Values.marquez.enabled }}
- group: marquez
  secret: {{ include "floe.secretName.marquez" . }}
  component: marquez-postgresql
  existingKey: marquez.postgresql.auth.existingSecret
  existing: {{ .Values.marquez.postgresql.auth.existingSecret | quote }}
  remoteKey: {{ .Values.externalSecrets.remoteKeys.marquez | quote }}
  keys: [postgres-password, marquez-password]
  generated: {{ and (not $eso) (not .Values.marquez.postgresql.auth.existingSecret) }}
{{- end }}
{{- end -}}

{{/* Existing value of key in the live Secret, else a new random one (plain text; callers b64enc).
Usage: include "floe.secrets.lookupOrGenerate" (dict "ctx" $ "secret" "name" "key" "k") */}}
{{- define "floe.secrets.lookupOrGenerate" -}}
{{- $live := lookup "v1" "Secret" .ctx.Release.Namespace .secret -}}
{{- $data := dict -}}
{{- if $live -}}{{- $data = default (dict) $live.data -}}{{- end -}}
{{- if hasKey $data .key -}}
{{- index $data .key | b64dec -}}
{{- else -}}
{{- randAlphaNum 32 -}}
{{- end -}}
{{- end -}}

{{/* env entry reading one key of a credential Secret. Usage: include "floe.secretEnv" (dict "name" "PGPASSWORD" "secret" $s "key" "k") */}}
{{- define "floe.secretEnv" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .secret }}
      key: {{ .key }}
{{- end -}}

{{/* The service users of the platform database, as a JSON list: dagster, and polaris when Polaris is deployed. */}}
{{- define "floe.postgresql.users" -}}
{{- toJson (ternary (list "dagster" "polaris") (list "dagster") .Values.polaris.enabled) -}}
{{- end -}}
