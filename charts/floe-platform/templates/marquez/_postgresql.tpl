{{/*
Marquez's own PostgreSQL (floe.postgres.workload), separate from the platform database (lineage load never
touches Dagster), with its init script and env, one kind per call.
Usage: include "floe.marquezPostgresql.workload" (dict "ctx" $ "kind" "StatefulSet")
*/}}
{{- define "floe.marquezPostgresql.workload" -}}
{{- $ctx := .ctx -}}
{{- $pg := $ctx.Values.marquez.postgresql }}
{{- $secret := include "floe.secretName.marquez" $ctx }}
{{- $script := `#!/bin/sh
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v m_user="$MARQUEZ_USER" -v m_db="$MARQUEZ_DB" -v m_pw="$MARQUEZ_PASSWORD" <<'SQL'
CREATE ROLE :"m_user" LOGIN PASSWORD :'m_pw';
CREATE DATABASE :"m_db" OWNER :"m_user";
SQL
` }}
{{- $env := list
  (dict "name" "MARQUEZ_USER" "value" $pg.auth.username)
  (dict "name" "MARQUEZ_DB" "value" $pg.auth.database)
  (dict "name" "MARQUEZ_PASSWORD" "valueFrom" (dict "secretKeyRef" (dict "name" $secret "key" "marquez-password")))
}}
{{- include "floe.postgres.workload" (dict "kind" .kind "ctx" $ctx "component" "marquez-postgresql" "port" $pg.service.port "persistence" $pg.persistence "resources" $pg.resources "podValues" $ctx.Values.marquez "secret" $secret "initScript" $script "initEnv" $env) }}
{{- end -}}
