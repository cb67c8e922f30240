{{/*
Security defaults (Pod Security Standards "restricted", kubesec >= 9): non-root UID from values,
read-only root filesystem (writable paths are emptyDirs in each template), no privilege escalation, every
capability dropped, RuntimeDefault seccomp. Not configurable off on purpose: only the UID/GID can change.
*/}}

{{/* Usage: include "floe.podSecurityContext" .Values.polaris.securityContext */}}
{{- define "floe.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .runAsUser }}
runAsGroup: {{ .runAsGroup }}
fsGroup: {{ .fsGroup }}
fsGroupChangePolicy: OnRootMismatch
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Usage: include "floe.containerSecurityContext" .Values.polaris.securityContext */}}
{{- define "floe.containerSecurityContext" -}}
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

{{/* Scheduling block of a pod spec. Usage: include "floe.scheduling" .Values.polaris */}}
{{- define "floe.scheduling" -}}
{{- with .nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{/* Rolling update that never drops below the current number of serving replicas (maxUnavailable 0). */}}
{{- define "floe.rollingUpdate" -}}
strategy:
  type: RollingUpdate
  rollingUpdate:
    maxUnavailable: 0
    maxSurge: 1
{{- end -}}
