{{/* JDBC + realm settings shared by the server and the admin-tool bootstrap Job (Quarkus reads env). */}}
{{- define "floe.polaris.persistenceEnv" -}}
- name: POLARIS_PERSISTENCE_TYPE
  value: relational-jdbc
- name: QUARKUS_DATASOURCE_JDBC_URL
  value: {{ printf "jdbc:postgresql://%s:%s/%s?sslmode=%s" (include "floe.postgresql.host" .) (include "floe.postgresql.port" .) .Values.postgresql.auth.polaris.database (include "floe.postgresql.sslMode" .) | quote }}
- name: QUARKUS_DATASOURCE_USERNAME
  value: {{ .Values.postgresql.auth.polaris.username | quote }}
{{ include "floe.secretEnv" (dict "name" "QUARKUS_DATASOURCE_PASSWORD" "secret" (include "floe.secretName.postgresql" .) "key" "polaris-password") }}
- name: POLARIS_REALM_CONTEXT_REALMS
  value: {{ .Values.polaris.realm | quote }}
- name: JAVA_OPTS_APPEND
  value: "-Djava.io.tmpdir=/tmp"
{{- end -}}

{{/* Init container: wait for a TCP/HTTP dependency with curl (no shell tools needed beyond curl). */}}
{{- define "floe.waitForHttp" -}}
- name: {{ .name }}
  {{- include "floe-common.images.container" (dict "image" .ctx.Values.tests.curlImage "ctx" .ctx) | nindent 2 }}
  securityContext:
    {{- include "floe-common.security.container" .sc | nindent 4 }}
  command: ["sh", "-c"]
  args:
    - {{ printf "until curl -fsS -o /dev/null %s; do echo waiting for %s; sleep 2; done" .url .url | quote }}
  resources:
    requests: {cpu: 10m, memory: 16Mi}
    limits: {cpu: 100m, memory: 64Mi}
{{- end -}}

{{- define "floe.waitForPostgres" -}}
- name: wait-for-postgres
  {{- include "floe-common.images.container" (dict "image" .ctx.Values.postgresql.image "ctx" .ctx) | nindent 2 }}
  securityContext:
    {{- include "floe-common.security.container" .sc | nindent 4 }}
  command: ["sh", "-c"]
  args:
    {{- /* -U: without a user name libpq makes no attempt when the uid has no passwd entry (pg_isready exit 3). */}}
    - {{ printf "until pg_isready -U postgres -h %s -p %s; do echo waiting for postgres; sleep 2; done" .host .port | quote }}
  resources:
    requests: {cpu: 10m, memory: 16Mi}
    limits: {cpu: 100m, memory: 64Mi}
{{- end -}}

{{- /* The role ARN Polaris' catalog names for STS AssumeRole on the bundled MinIO, which accepts any role ARN from
its users (the catalog-setup Job's storageConfigInfo, and the minio-sts helm test that asks as Polaris does). */}}
{{- define "floe.polaris.minioRoleArn" -}}
arn:aws:iam::000000000000:role/floe-polaris
{{- end }}
