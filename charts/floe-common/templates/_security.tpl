{{/*
Security defaults (Pod Security Standards "restricted", kubesec >= 9): non-root UID from values,
read-only root filesystem (writable paths are emptyDirs in each template), no privilege escalation, every
capability dropped, RuntimeDefault seccomp. Not configurable off on purpose: only the UID/GID can change.
*/}}

{{/* Usage: include "floe-common.security.pod" .Values.polaris.securityContext */}}
{{- define "floe-common.security.pod" -}}
runAsNonRoot: true
runAsUser: {{ .runAsUser }}
runAsGroup: {{ .runAsGroup }}
fsGroup: {{ .fsGroup }}
fsGroupChangePolicy: OnRootMismatch
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Usage: include "floe-common.security.container" .Values.polaris.securityContext */}}
{{- define "floe-common.security.container" -}}
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
