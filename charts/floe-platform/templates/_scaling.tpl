{{/* HPA (autoscaling/v2) and PDB for a stateless Deployment. Params: ctx, component, values (with
autoscaling/pdb). Rendered only when enabled. */}}
{{- define "floe.hpa" -}}
{{- if .values.autoscaling.enabled }}
{{- $name := include "floe-common.names.component" (dict "ctx" .ctx "component" .component) }}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  {{- include "floe-common.metadata" (dict "ctx" .ctx "component" .component "name" $name) | nindent 2 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ $name }}
  minReplicas: {{ .values.autoscaling.minReplicas }}
  maxReplicas: {{ .values.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .values.autoscaling.targetCPUUtilizationPercentage }}
  {{- with .values.autoscaling.behavior }}
  behavior:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
{{- end -}}

{{- define "floe.pdb" -}}
{{- if .values.pdb.enabled }}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  {{- include "floe-common.metadata" (dict "ctx" .ctx "component" .component "name" (include "floe-common.names.component" (dict "ctx" .ctx "component" .component))) | nindent 2 }}
spec:
  minAvailable: {{ .values.pdb.minAvailable }}
  selector:
    matchLabels:
      {{- include "floe-common.labels.matchLabels" (dict "ctx" .ctx "component" .component) | nindent 6 }}
{{- end }}
{{- end -}}

{{/* replicas line: omitted when an HPA owns the count (so upgrades don't fight the autoscaler). */}}
{{- define "floe.replicas" -}}
{{- if not .autoscaling.enabled }}
replicas: {{ .replicaCount }}
{{- end }}
{{- end -}}

{{/* Ingress to one Service port. Params: ctx, component, ingress (values), service (name), port. */}}
{{- define "floe.ingress" -}}
{{- if .ingress.enabled }}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  {{- include "floe-common.metadata" (dict "ctx" .ctx "component" .component "name" (include "floe-common.names.component" (dict "ctx" .ctx "component" .component)) "annotations" .ingress.annotations) | nindent 2 }}
spec:
  {{- with .ingress.className }}
  ingressClassName: {{ . }}
  {{- end }}
  {{- if .ingress.tlsSecretName }}
  tls:
    - hosts: [{{ .ingress.host | quote }}]
      secretName: {{ .ingress.tlsSecretName }}
  {{- end }}
  rules:
    - host: {{ .ingress.host | quote }}
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: {{ .service }}
                port:
                  number: {{ .port }}
{{- end }}
{{- end -}}
