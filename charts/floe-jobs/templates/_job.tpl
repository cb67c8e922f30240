{{/* The pod-bearing spec shared by the CronJobs (cronjobs.yaml) and the hook Jobs (jobs.yaml) of one entry of
.Values.jobs. Usage: include "floe-jobs.jobSpec" (dict "ctx" $ "job" $job "name" $name "config" $config "labels" $labels) */}}
{{- define "floe-jobs.jobSpec" -}}
{{- $ := .ctx -}}
{{- $job := .job -}}
backoffLimit: {{ $job.backoffLimit }}
activeDeadlineSeconds: {{ $job.activeDeadlineSeconds }}
ttlSecondsAfterFinished: {{ $job.ttlSecondsAfterFinished }}
template:
  metadata:
    labels:
      {{- include "floe-common.labels.standard" .labels | nindent 6 }}
  spec:
    restartPolicy: Never
    serviceAccountName: {{ include "floe-common.names.fullname" $ }}
    automountServiceAccountToken: false
    {{- include "floe-common.images.pullSecrets" $ | nindent 4 }}
    securityContext:
      {{- include "floe-common.security.pod" $.Values.securityContext | nindent 6 }}
    {{- with $.Values.nodeSelector }}
    nodeSelector:
      {{- toYaml . | nindent 6 }}
    {{- end }}
    {{- with $.Values.tolerations }}
    tolerations:
      {{- toYaml . | nindent 6 }}
    {{- end }}
    {{- with $.Values.affinity }}
    affinity:
      {{- toYaml . | nindent 6 }}
    {{- end }}
    containers:
      - name: {{ .name }}
        image: {{ include "floe-common.images.image" (dict "image" $.Values.image "ctx" $) | quote }}
        imagePullPolicy: {{ $.Values.image.pullPolicy }}
        securityContext:
          {{- include "floe-common.security.container" $.Values.securityContext | nindent 10 }}
        {{- with $job.command }}
        command:
          {{- toYaml . | nindent 10 }}
        {{- end }}
        {{- with $job.args }}
        args:
          {{- toYaml . | nindent 10 }}
        {{- end }}
        workingDir: /tmp
        envFrom:
          - configMapRef:
              name: {{ .config }}
        env:
          - name: HOME
            value: /tmp
          - name: FLOE_JOB
            value: {{ .name | quote }}
          - name: OTEL_SERVICE_NAME
            value: {{ printf "floe-jobs-%s" .name | quote }}
          {{- range $k := keys $.Values.credentials.secretEnv | sortAlpha }}
          - name: {{ $k }}
            valueFrom:
              secretKeyRef:
                name: {{ $.Values.credentials.existingSecret }}
                key: {{ get $.Values.credentials.secretEnv $k }}
          {{- end }}
          {{- range $k := keys $job.env | sortAlpha }}
          - name: {{ $k }}
            value: {{ get $job.env $k | quote }}
          {{- end }}
        resources:
          {{- toYaml $job.resources | nindent 10 }}
        volumeMounts:
          - name: tmp
            mountPath: /tmp
          - name: dbt-profiles
            mountPath: /etc/floe/dbt
            readOnly: true
    volumes:
      - name: tmp
        emptyDir: {}
      - name: dbt-profiles
        configMap:
          name: {{ .config }}
          items:
            - key: profiles.yml
              path: profiles.yml
          optional: true
{{- end -}}
