{{/* Environment every Dagster process (webserver, daemon, run pods) gets; values only, no secrets.
Params: ctx, fqdn (true for run pods in another namespace: short Service names only resolve in their own). */}}
{{- define "floe.dagster.plainEnv" -}}
{{- $ctx := .ctx -}}
{{- $v := $ctx.Values -}}
{{- $sfx := ternary (printf ".%s.svc" $ctx.Release.Namespace) "" (default false .fqdn) -}}
{{- $pgHost := include "floe.postgresql.host" $ctx -}}
{{- if ne $v.postgresql.mode "external" }}{{ $pgHost = print $pgHost $sfx }}{{ end -}}
DAGSTER_PG_HOST: {{ $pgHost | quote }}
DAGSTER_PG_PORT: {{ include "floe.postgresql.port" $ctx | quote }}
DAGSTER_PG_DB: {{ $v.postgresql.auth.dagster.database | quote }}
DAGSTER_PG_USERNAME: {{ $v.postgresql.auth.dagster.username | quote }}
DAGSTER_PG_SSLMODE: {{ include "floe.postgresql.sslMode" $ctx | quote }}
DAGSTER_HOME: /opt/dagster/dagster_home
HOME: /tmp
{{- /* The non-root UID has no passwd entry in the image; getpass.getuser() reads USER first. */}}
USER: dagster
{{- if $v.polaris.enabled }}
POLARIS_URI: {{ printf "http://%s%s:%s/api/catalog" (include "floe.polaris.host" $ctx) $sfx (include "floe.polaris.port" $ctx) | quote }}
POLARIS_CATALOG: {{ $v.polaris.catalogName | quote }}
{{- end }}
{{- if eq $v.objectStorage.mode "external" }}
S3_ENDPOINT: {{ $v.objectStorage.external.endpoint | quote }}
{{- else }}
S3_ENDPOINT: {{ printf "http://%s%s:%s" (include "floe.minio.host" $ctx) $sfx (include "floe.minio.port" $ctx) | quote }}
{{- end }}
OTEL_EXPORTER_OTLP_ENDPOINT: {{ printf "http://%s%s:%s" (include "floe.otel.host" $ctx) $sfx (include "floe.otel.httpPort" $ctx) | quote }}
{{- if $v.marquez.enabled }}
OPENLINEAGE_URL: {{ printf "http://%s%s:%s" (include "floe.marquez.host" $ctx) $sfx (include "floe.marquez.port" $ctx) | quote }}
{{- end }}
{{- range $k, $val := $v.dagster.extraEnv }}
{{ $k }}: {{ $val | quote }}
{{- end }}
{{- end -}}

{{- define "floe.dagster.instanceConfigMap" -}}
{{- include "floe-common.names.component" (dict "ctx" . "component" "dagster-instance") -}}
{{- end -}}

{{/* dagster.yaml: Postgres storage, queued run coordinator, K8sRunLauncher. Compute logs are off and
artifacts go to /tmp so every Dagster pod runs with a read-only root filesystem. */}}
{{- define "floe.dagster.instanceYaml" -}}
{{- $sc := .Values.dagster.securityContext -}}
telemetry:
  enabled: false
storage:
  postgres:
    postgres_db:
      hostname: {env: DAGSTER_PG_HOST}
      port: {env: DAGSTER_PG_PORT}
      db_name: {env: DAGSTER_PG_DB}
      username: {env: DAGSTER_PG_USERNAME}
      password: {env: DAGSTER_PG_PASSWORD}
      params:
        sslmode: {{ include "floe.postgresql.sslMode" . }}
compute_logs:
  module: dagster.core.storage.noop_compute_log_manager
  class: NoOpComputeLogManager
local_artifact_storage:
  module: dagster.core.storage.root
  class: LocalArtifactStorage
  config:
    base_dir: /tmp/dagster
run_coordinator:
  module: dagster.core.run_coordinator
  class: QueuedRunCoordinator
  config:
    max_concurrent_runs: {{ .Values.dagster.runCoordinator.maxConcurrentRuns }}
run_launcher:
  module: dagster_k8s
  class: K8sRunLauncher
  config:
    load_incluster_config: true
    job_namespace: {{ include "floe.dagster.jobNamespace" . }}
    instance_config_map: {{ include "floe.dagster.instanceConfigMap" . }}
    service_account_name: {{ include "floe-common.names.component" (dict "ctx" . "component" "dagster-run") }}
    dagster_home: /opt/dagster/dagster_home
    {{- with .Values.dagster.runLauncher.jobImage }}
    job_image: {{ . | quote }}
    {{- end }}
    image_pull_policy: {{ .Values.dagster.image.pullPolicy }}
    labels:
      {{- include "floe-common.labels.matchLabels" (dict "ctx" . "component" "dagster-run") | nindent 6 }}
    env_vars:
      {{- range $k, $v := include "floe.dagster.plainEnv" (dict "ctx" . "fqdn" (ne (include "floe.dagster.jobNamespace" .) .Release.Namespace)) | fromYaml }}
      - {{ printf "%s=%s" $k $v | quote }}
      {{- end }}
    run_k8s_config:
      pod_spec_config:
        automount_service_account_token: false
        security_context:
          run_as_non_root: true
          run_as_user: {{ $sc.runAsUser }}
          run_as_group: {{ $sc.runAsGroup }}
          fs_group: {{ $sc.fsGroup }}
          seccomp_profile: {type: RuntimeDefault}
        volumes:
          - name: tmp
            empty_dir: {}
      container_config:
        resources:
          {{- toYaml .Values.dagster.runLauncher.runResources | nindent 10 }}
        security_context:
          run_as_non_root: true
          read_only_root_filesystem: true
          allow_privilege_escalation: false
          capabilities: {drop: [ALL]}
          seccomp_profile: {type: RuntimeDefault}
        env:
          - name: DAGSTER_PG_PASSWORD
            value_from:
              secret_key_ref:
                name: {{ include "floe.secretName.postgresql" . }}
                key: dagster-password
          {{- if .Values.polaris.enabled }}
          {{- /* The catalog's client credentials, for the data product's Iceberg writes: a principal of the
          user's own (catalogCredentials.existingSecret), else the root principal from the Secret the
          catalog-setup Job reads (the platform bootstraps no other). */}}
          {{- $cc := .Values.dagster.runLauncher.catalogCredentials.existingSecret }}
          - name: POLARIS_CLIENT_ID
            value_from:
              secret_key_ref:
                name: {{ $cc | default (include "floe.secretName.polaris" .) }}
                key: {{ ternary "client-id" "root-client-id" (ne $cc "") }}
          - name: POLARIS_CLIENT_SECRET
            value_from:
              secret_key_ref:
                name: {{ $cc | default (include "floe.secretName.polaris" .) }}
                key: {{ ternary "client-secret" "root-client-secret" (ne $cc "") }}
          {{- end }}
        volume_mounts:
          - name: tmp
            mount_path: /tmp
{{- end -}}

{{- define "floe.dagster.workspaceYaml" -}}
{{- if .Values.dagster.codeLocations }}
load_from:
  {{- range .Values.dagster.codeLocations }}
  - grpc_server:
      host: {{ .host | quote }}
      port: {{ .port }}
      location_name: {{ .name | quote }}
  {{- end }}
{{- else }}
load_from: []
{{- end }}
{{- end -}}

{{/* Shared pod pieces of webserver and daemon. */}}
{{- define "floe.dagster.waitForPostgres" -}}
- name: wait-for-postgres
  {{- include "floe-common.images.container" (dict "image" .Values.postgresql.image "ctx" .) | nindent 2 }}
  securityContext:
    {{- include "floe-common.security.container" .Values.dagster.securityContext | nindent 4 }}
  command: ["sh", "-c"]
  args:
    {{- /* -U: Dagster's uid has no passwd entry in the PostgreSQL image, and without a user name libpq makes
    no attempt at all (pg_isready exit 3, forever): found by the first install on a real kubelet. */}}
    - until pg_isready -U "$DAGSTER_PG_USERNAME" -h "$DAGSTER_PG_HOST" -p "$DAGSTER_PG_PORT"; do echo waiting for postgres; sleep 2; done
  env:
    - name: DAGSTER_PG_HOST
      value: {{ include "floe.postgresql.host" . | quote }}
    - name: DAGSTER_PG_PORT
      value: {{ include "floe.postgresql.port" . | quote }}
    - name: DAGSTER_PG_USERNAME
      value: {{ .Values.postgresql.auth.dagster.username | quote }}
  resources:
    requests: {cpu: 10m, memory: 16Mi}
    limits: {cpu: 100m, memory: 64Mi}
{{- end -}}

{{- define "floe.dagster.env" -}}
{{- range $k, $v := include "floe.dagster.plainEnv" (dict "ctx" .) | fromYaml }}
- name: {{ $k }}
  value: {{ $v | quote }}
{{- end }}
{{ include "floe.secretEnv" (dict "name" "DAGSTER_PG_PASSWORD" "secret" (include "floe.secretName.postgresql" .) "key" "dagster-password") }}
{{- end -}}

{{- define "floe.dagster.volumeMounts" -}}
- name: instance
  mountPath: /opt/dagster/dagster_home
  readOnly: true
- name: workspace
  mountPath: /opt/dagster/workspace
  readOnly: true
- name: tmp
  mountPath: /tmp
{{- end -}}

{{- define "floe.dagster.volumes" -}}
- name: instance
  configMap:
    name: {{ include "floe.dagster.instanceConfigMap" . }}
- name: workspace
  configMap:
    name: {{ include "floe-common.names.component" (dict "ctx" . "component" "dagster-workspace") }}
- name: tmp
  emptyDir: {}
{{- end -}}
