{{/*
Host and port of every Service. Services, clients' config and helm test pods ALL use these helpers, so a
renamed Service or a changed port cannot leave a dangling reference behind.
*/}}

{{- define "floe.postgresql.host" -}}
{{- if eq .Values.postgresql.mode "external" -}}
{{- .Values.postgresql.external.host -}}
{{- else if eq .Values.postgresql.mode "cnpg" -}}
{{- printf "%s-rw" (include "floe-common.names.component" (dict "ctx" . "component" "postgresql")) -}}
{{- else -}}
{{- include "floe-common.names.component" (dict "ctx" . "component" "postgresql") -}}
{{- end -}}
{{- end -}}

{{- define "floe.postgresql.port" -}}
{{- if eq .Values.postgresql.mode "external" -}}{{ .Values.postgresql.external.port }}{{- else -}}{{ .Values.postgresql.service.port }}{{- end -}}
{{- end -}}

{{- define "floe.postgresql.sslMode" -}}
{{- if eq .Values.postgresql.mode "external" -}}{{ .Values.postgresql.external.sslMode }}{{- else if eq .Values.postgresql.mode "cnpg" -}}require{{- else -}}disable{{- end -}}
{{- end -}}

{{- define "floe.dagster.webserver.host" -}}
{{- include "floe-common.names.component" (dict "ctx" . "component" "dagster-webserver") -}}
{{- end -}}
{{- define "floe.dagster.webserver.port" -}}{{ .Values.dagster.webserver.service.port }}{{- end -}}

{{- define "floe.polaris.host" -}}
{{- include "floe-common.names.component" (dict "ctx" . "component" "polaris") -}}
{{- end -}}
{{- define "floe.polaris.port" -}}{{ .Values.polaris.service.port }}{{- end -}}
{{- define "floe.polaris.managementPort" -}}{{ .Values.polaris.service.managementPort }}{{- end -}}
{{- define "floe.polaris.url" -}}
{{- printf "http://%s:%s" (include "floe.polaris.host" .) (include "floe.polaris.port" .) -}}
{{- end -}}

{{- define "floe.minio.host" -}}
{{- include "floe-common.names.component" (dict "ctx" . "component" "minio") -}}
{{- end -}}
{{- define "floe.minio.port" -}}{{ .Values.minio.service.port }}{{- end -}}

{{/* S3 endpoint Polaris and jobs use: bundled MinIO or the external endpoint. */}}
{{- define "floe.s3.endpoint" -}}
{{- if eq .Values.objectStorage.mode "external" -}}
{{- .Values.objectStorage.external.endpoint -}}
{{- else -}}
{{- printf "http://%s:%s" (include "floe.minio.host" .) (include "floe.minio.port" .) -}}
{{- end -}}
{{- end -}}

{{- define "floe.otel.host" -}}
{{- include "floe-common.names.component" (dict "ctx" . "component" "otel-collector") -}}
{{- end -}}
{{- define "floe.otel.grpcPort" -}}{{ .Values.otelCollector.service.grpcPort }}{{- end -}}
{{- define "floe.otel.httpPort" -}}{{ .Values.otelCollector.service.httpPort }}{{- end -}}
{{- define "floe.otel.httpEndpoint" -}}
{{- printf "http://%s:%s" (include "floe.otel.host" .) (include "floe.otel.httpPort" .) -}}
{{- end -}}

{{- define "floe.marquez.host" -}}
{{- include "floe-common.names.component" (dict "ctx" . "component" "marquez") -}}
{{- end -}}
{{- define "floe.marquez.port" -}}{{ .Values.marquez.service.port }}{{- end -}}
{{- define "floe.marquez.adminPort" -}}{{ .Values.marquez.service.adminPort }}{{- end -}}
{{- define "floe.marquez.url" -}}
{{- printf "http://%s:%s" (include "floe.marquez.host" .) (include "floe.marquez.port" .) -}}
{{- end -}}
{{- define "floe.marquezWeb.host" -}}
{{- include "floe-common.names.component" (dict "ctx" . "component" "marquez-web") -}}
{{- end -}}
{{- define "floe.marquezWeb.port" -}}{{ .Values.marquez.web.service.port }}{{- end -}}
{{- define "floe.marquezPostgresql.host" -}}
{{- include "floe-common.names.component" (dict "ctx" . "component" "marquez-postgresql") -}}
{{- end -}}
{{- define "floe.marquezPostgresql.port" -}}{{ .Values.marquez.postgresql.service.port }}{{- end -}}

{{- define "floe.jaeger.host" -}}
{{- include "floe-common.names.component" (dict "ctx" . "component" "jaeger") -}}
{{- end -}}
{{- define "floe.jaeger.queryPort" -}}{{ .Values.jaeger.service.queryPort }}{{- end -}}
{{- define "floe.jaeger.otlpGrpcPort" -}}{{ .Values.jaeger.service.otlpGrpcPort }}{{- end -}}
{{- define "floe.jaeger.otlpHttpPort" -}}{{ .Values.jaeger.service.otlpHttpPort }}{{- end -}}
{{- define "floe.jaeger.adminPort" -}}{{ .Values.jaeger.service.adminPort }}{{- end -}}

{{/* Namespace Dagster launches run Jobs into (default: the release namespace). */}}
{{- define "floe.dagster.jobNamespace" -}}
{{- default .Release.Namespace .Values.dagster.runLauncher.jobNamespace -}}
{{- end -}}
