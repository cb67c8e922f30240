{{/*
One PostgreSQL StatefulSet + headless Service + Service + ServiceAccount + init-script ConfigMap, shared by
the platform database and Marquez's own database, one kind per call (one template file per kind). Params
(dict): kind (ServiceAccount, ConfigMap, Service, StatefulSet), ctx, component, port, persistence,
  resources, podValues (podAnnotations/nodeSelector/tolerations/affinity), secret (credential Secret name), initScript (the docker-entrypoint-initdb.d script), initEnv (extra env).
The `volumes:` list is written ONCE with the data volume added conditionally, so turning persistence off
can never produce a duplicate key that silently drops the init scripts.
*/}}
{{- define "floe.postgres.workload" -}}
{{- $ctx := .ctx -}}
{{- $name := include "floe-common.names.component" (dict "ctx" $ctx "component" .component) -}}
{{- $hl := include "floe-common.names.component" (dict "ctx" $ctx "component" (printf "%s-hl" .component)) -}}
{{- $sc := $ctx.Values.postgresql.securityContext -}}
{{- $meta := dict "ctx" $ctx "component" .component -}}
{{- $kind := .kind -}}
{{- if eq $kind "ServiceAccount" }}
---
apiVersion: v1
kind: ServiceAccount
metadata:
  {{- include "floe-common.metadata" (merge (dict "name" $name) $meta) | nindent 2 }}
automountServiceAccountToken: false
{{- end }}
{{- if eq $kind "ConfigMap" }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  {{- include "floe-common.metadata" (merge (dict "name" (printf "%s-init" $name | trunc 63 | trimSuffix "-")) $meta) | nindent 2 }}
data:
  10-floe-init.sh: |
    {{- .initScript | nindent 4 }}
{{- end }}
{{- if eq $kind "Service" }}
---
apiVersion: v1
kind: Service
metadata:
  {{- include "floe-common.metadata" (merge (dict "name" $hl) $meta) | nindent 2 }}
spec:
  type: ClusterIP
  clusterIP: None
  publishNotReadyAddresses: true
  selector:
    {{- include "floe-common.labels.matchLabels" $meta | nindent 4 }}
  ports:
    - name: postgresql
      port: {{ .port }}
      targetPort: postgresql
{{- end }}
{{- if eq $kind "Service" }}
---
apiVersion: v1
kind: Service
metadata:
  {{- include "floe-common.metadata" (merge (dict "name" $name) $meta) | nindent 2 }}
spec:
  type: ClusterIP
  selector:
    {{- include "floe-common.labels.matchLabels" $meta | nindent 4 }}
  ports:
    - name: postgresql
      port: {{ .port }}
      targetPort: postgresql
{{- end }}
{{- if eq $kind "StatefulSet" }}
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  {{- include "floe-common.metadata" (merge (dict "name" $name) $meta) | nindent 2 }}
spec:
  replicas: 1
  serviceName: {{ $hl }}
  podManagementPolicy: OrderedReady
  updateStrategy:
    type: RollingUpdate
  selector:
    matchLabels:
      {{- include "floe-common.labels.matchLabels" $meta | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "floe-common.labels.standard" $meta | nindent 8 }}
      annotations:
        checksum/init: {{ .initScript | sha256sum }}
        {{- with .podValues.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ $name }}
      automountServiceAccountToken: false
      {{- include "floe-common.images.pullSecrets" $ctx | nindent 6 }}
      securityContext:
        {{- include "floe-common.security.pod" $sc | nindent 8 }}
      {{- include "floe.scheduling" .podValues | nindent 6 }}
      containers:
        - name: postgresql
          {{- include "floe-common.images.container" (dict "image" $ctx.Values.postgresql.image "ctx" $ctx) | nindent 10 }}
          securityContext:
            {{- include "floe-common.security.container" $sc | nindent 12 }}
          ports:
            - name: postgresql
              containerPort: 5432
          env:
            - name: POSTGRES_USER
              value: postgres
            {{- include "floe.secretEnv" (dict "name" "POSTGRES_PASSWORD" "secret" .secret "key" "postgres-password") | nindent 12 }}
            - name: PGDATA
              value: /var/lib/postgresql/data/pgdata
            {{- with .initEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          resources:
            {{- toYaml .resources | nindent 12 }}
          startupProbe:
            exec:
              command: ["pg_isready", "-U", "postgres", "-h", "127.0.0.1", "-p", "5432"]
            periodSeconds: 5
            failureThreshold: 60
          readinessProbe:
            exec:
              command: ["pg_isready", "-U", "postgres", "-h", "127.0.0.1", "-p", "5432"]
            periodSeconds: 10
            timeoutSeconds: 5
          livenessProbe:
            exec:
              command: ["pg_isready", "-U", "postgres", "-h", "127.0.0.1", "-p", "5432"]
            periodSeconds: 20
            timeoutSeconds: 5
            failureThreshold: 6
          volumeMounts:
            - name: data
              mountPath: /var/lib/postgresql/data
            - name: init
              mountPath: /docker-entrypoint-initdb.d
              readOnly: true
            - name: run
              mountPath: /var/run/postgresql
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: init
          configMap:
            name: {{ printf "%s-init" $name | trunc 63 | trimSuffix "-" }}
            defaultMode: 0555
        - name: run
          emptyDir: {}
        - name: tmp
          emptyDir: {}
        {{- if not .persistence.enabled }}
        - name: data
          emptyDir: {}
        {{- end }}
  {{- if .persistence.enabled }}
  volumeClaimTemplates:
    - apiVersion: v1
      kind: PersistentVolumeClaim
      metadata:
        name: data
        labels:
          {{- include "floe-common.labels.matchLabels" $meta | nindent 10 }}
      spec:
        accessModes: ["ReadWriteOnce"]
        {{- $sc := default $ctx.Values.global.storageClass .persistence.storageClass }}
        {{- if $sc }}
        storageClassName: {{ $sc | quote }}
        {{- end }}
        resources:
          requests:
            storage: {{ .persistence.size | quote }}
  {{- end }}
{{- end }}
{{- end -}}
