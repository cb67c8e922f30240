{{/*
Image reference: "<registry>/<repository>:<tag>", or "<registry>/<repository>@<digest>" when the image has
a digest (sha256:..., it wins over the tag: the tag stays as the human-readable version). global.imageRegistry
overrides every image's registry (air-gapped mirrors); tags are exact pins from values (the schema refuses
"latest").
Usage: include "floe-common.images.image" (dict "image" .Values.polaris.image "ctx" $)
*/}}
{{- define "floe-common.images.image" -}}
{{- $registry := default .image.registry .ctx.Values.global.imageRegistry -}}
{{- $repository := .image.repository -}}
{{- if $registry -}}
{{- $repository = printf "%s/%s" $registry .image.repository -}}
{{- end -}}
{{- if .image.digest -}}
{{- printf "%s@%s" $repository .image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repository .image.tag -}}
{{- end -}}
{{- end -}}

{{/* image + imagePullPolicy lines of a container.
Usage: include "floe-common.images.container" (dict "image" .Values.polaris.image "ctx" $) */}}
{{- define "floe-common.images.container" -}}
image: {{ include "floe-common.images.image" . | quote }}
imagePullPolicy: {{ .image.pullPolicy }}
{{- end -}}

{{/* imagePullSecrets of a pod from global.imagePullSecrets. Usage: include "floe-common.images.pullSecrets" . */}}
{{- define "floe-common.images.pullSecrets" -}}
{{- with .Values.global.imagePullSecrets }}
imagePullSecrets:
{{- range . }}
  - name: {{ . }}
{{- end }}
{{- end }}
{{- end -}}
