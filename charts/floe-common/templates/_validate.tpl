{{/*
Validation, bitnami-common style: a chart collects every invalid value into a list, then fails once with
all of them (a user fixes them in one round, not one per render). The schema checks types; these checks
are the ones that depend on several values.
Usage: include "floe-common.validate.fail" (dict "ctx" $ "errors" $errors)   (nothing when the list is empty)
*/}}
{{- define "floe-common.validate.fail" -}}
{{- if .errors -}}
{{- fail (printf "\n\n%s: invalid values:\n  - %s" .ctx.Chart.Name (join "\n  - " .errors)) -}}
{{- end -}}
{{- end -}}
