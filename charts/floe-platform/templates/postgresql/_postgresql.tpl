{{/*
The platform database (floe.postgres.workload) with its init script (one role and database per service)
and env, one kind per call.
Usage: include "floe.postgresql.workload" (dict "ctx" $ "kind" "StatefulSet")
*/}}
{{- define "floe.postgresql.workload" -}}
{{- $ctx := .ctx -}}
{{- $pg := $ctx.Values.postgresql }}
{{- $secret := include "floe.secretName.postgresql" $ctx }}
{{- $polaris := $ctx.Values.polaris.enabled }}
{{- $script := print `#!/bin/sh
# Runs once, on the first start with an empty data directory: one role and one database per service.
# Values come from env (Secrets), passed to psql as variables so no password is ever in this file.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v dagster_user="$DAGSTER_USER" -v dagster_db="$DAGSTER_DB" -v dagster_pw="$DAGSTER_PASSWORD" \
` (ternary `  -v polaris_user="$POLARIS_USER" -v polaris_db="$POLARIS_DB" -v polaris_pw="$POLARIS_PASSWORD" <<'SQL'
` `  <<'SQL'
` $polaris) `CREATE ROLE :"dagster_user" LOGIN PASSWORD :'dagster_pw';
CREATE DATABASE :"dagster_db" OWNER :"dagster_user";
` (ternary `CREATE ROLE :"polaris_user" LOGIN PASSWORD :'polaris_pw';
CREATE DATABASE :"polaris_db" OWNER :"polaris_user";
` "" $polaris) `SQL
` }}
{{- $env := list
  (dict "name" "DAGSTER_USER" "value" $pg.auth.dagster.username)
  (dict "name" "DAGSTER_DB" "value" $pg.auth.dagster.database)
  (dict "name" "DAGSTER_PASSWORD" "valueFrom" (dict "secretKeyRef" (dict "name" $secret "key" "dagster-password")))
}}
{{- if $polaris }}
{{- $env = concat $env (list
  (dict "name" "POLARIS_USER" "value" $pg.auth.polaris.username)
  (dict "name" "POLARIS_DB" "value" $pg.auth.polaris.database)
  (dict "name" "POLARIS_PASSWORD" "valueFrom" (dict "secretKeyRef" (dict "name" $secret "key" "polaris-password")))
) }}
{{- end }}
{{- include "floe.postgres.workload" (dict "kind" .kind "ctx" $ctx "component" "postgresql" "port" $pg.service.port "persistence" $pg.persistence "resources" $pg.resources "podValues" $pg "secret" $secret "initScript" $script "initEnv" $env) }}
{{- end -}}
