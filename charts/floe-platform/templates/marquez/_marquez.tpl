{{/* Marquez (Dropwizard) config; ${VAR} are substituted by Marquez from env at start. */}}
{{- define "floe.marquez.config" -}}
server:
  applicationConnectors:
    - type: http
      port: ${MARQUEZ_PORT}
  adminConnectors:
    - type: http
      port: ${MARQUEZ_ADMIN_PORT}
db:
  driverClass: org.postgresql.Driver
  url: jdbc:postgresql://${POSTGRES_HOST}:${POSTGRES_PORT}/${POSTGRES_DB}
  user: ${POSTGRES_USER}
  password: ${POSTGRES_PASSWORD}
migrateOnStartup: true
logging:
  level: INFO
  appenders:
    - type: console
{{- end -}}
