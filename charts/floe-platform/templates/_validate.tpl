{{/*
Cross-field validation the JSON Schema cannot express. Collects EVERY problem and fails once, listing them
all (one helm run shows every mistake, not the first one).
*/}}
{{- define "floe.validate" -}}
{{- $errs := list -}}
{{- $v := .Values -}}
{{- $groups := include "floe.credentials.groups" . | fromYamlArray -}}
{{- if not $v.credentials.allowGenerated -}}
{{- range $groups -}}
{{- if .generated -}}
{{- $errs = append $errs (printf "%s: credentials.allowGenerated is false but no credentials were given; set %s or enable externalSecrets" .group .existingKey) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if eq $v.postgresql.mode "external" -}}
{{- if not $v.postgresql.external.host -}}
{{- $errs = append $errs "postgresql.external.host: required when postgresql.mode is external" -}}
{{- end -}}
{{- if and (not $v.postgresql.auth.existingSecret) (not $v.externalSecrets.enabled) -}}
{{- $errs = append $errs "postgresql.auth.existingSecret: required when postgresql.mode is external (generated passwords would not match the external server), or enable externalSecrets" -}}
{{- end -}}
{{- end -}}
{{- if and (eq $v.postgresql.mode "cnpg") $v.postgresql.auth.existingSecret -}}
{{- $errs = append $errs "postgresql.auth.existingSecret: not supported with postgresql.mode cnpg (CloudNativePG needs basic-auth Secrets the chart derives); use generated credentials or externalSecrets" -}}
{{- end -}}
{{- if eq $v.objectStorage.mode "external" -}}
{{- if not $v.objectStorage.external.endpoint -}}
{{- $errs = append $errs "objectStorage.external.endpoint: required when objectStorage.mode is external" -}}
{{- end -}}
{{- if and (not $v.objectStorage.external.existingSecret) (not $v.externalSecrets.enabled) -}}
{{- $errs = append $errs "objectStorage.external.existingSecret: required when objectStorage.mode is external, or enable externalSecrets" -}}
{{- end -}}
{{- end -}}
{{- if and $v.externalSecrets.enabled (not $v.externalSecrets.secretStoreRef.name) -}}
{{- $errs = append $errs "externalSecrets.secretStoreRef.name: required when externalSecrets.enabled is true" -}}
{{- end -}}
{{- if and $v.networkPolicy.enabled (not $v.networkPolicy.apiServer.cidrs) -}}
{{- $errs = append $errs "networkPolicy.apiServer.cidrs: required when networkPolicy.enabled is true (the Dagster run launcher must reach the Kubernetes API)" -}}
{{- end -}}
{{- $scaled := list "dagster.webserver" "otelCollector" "marquez" "marquez.web" -}}
{{- if $v.polaris.enabled }}{{ $scaled = append $scaled "polaris" }}{{ end -}}
{{- range $c := $scaled -}}
{{- $cv := $v -}}
{{- range splitList "." $c -}}{{- $cv = index $cv . -}}{{- end -}}
{{- if $cv.autoscaling.enabled -}}
{{- if gt (int $cv.autoscaling.minReplicas) (int $cv.autoscaling.maxReplicas) -}}
{{- $errs = append $errs (printf "%s.autoscaling.minReplicas (%v) is greater than maxReplicas (%v)" $c $cv.autoscaling.minReplicas $cv.autoscaling.maxReplicas) -}}
{{- end -}}
{{- end -}}
{{- if $cv.pdb.enabled -}}
{{- $min := ternary $cv.autoscaling.minReplicas $cv.replicaCount $cv.autoscaling.enabled -}}
{{- if le (int $min) (int $cv.pdb.minAvailable) -}}
{{- $errs = append $errs (printf "%s.pdb.minAvailable (%v) must be below the replica count (%v), or node drains block forever" $c $cv.pdb.minAvailable $min) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- range $c := list "dagster.webserver" "marquez.web" -}}
{{- $cv := $v -}}
{{- range splitList "." $c -}}{{- $cv = index $cv . -}}{{- end -}}
{{- if and $cv.ingress.enabled (not $cv.ingress.host) -}}
{{- $errs = append $errs (printf "%s.ingress.host: required when %s.ingress.enabled is true" $c $c) -}}
{{- end -}}
{{- end -}}
{{- $names := list -}}
{{- range $v.dagster.codeLocations -}}
{{- if has .name $names -}}
{{- $errs = append $errs (printf "dagster.codeLocations: name %q is used twice" .name) -}}
{{- end -}}
{{- $names = append $names .name -}}
{{- end -}}
{{- include "floe-common.validate.fail" (dict "ctx" . "errors" $errs) -}}
{{- end -}}
