{{/*
Pod-spec blocks of the platform's workloads. The names, labels, metadata, image and security-context
helpers come from the floe-common library chart (charts/floe-common).
*/}}

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
