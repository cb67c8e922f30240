{{/*
A helm test pod: one integration point, one real check (HTTP status/body or SQL), security like every other
pod. Params: ctx, name (suffix), covers (requirement ids for the coverage matrix), point (human text),
image, sc (securityContext values), env (list), script.
*/}}
{{- define "floe.testPod" -}}
{{- $ctx := .ctx }}
---
apiVersion: v1
kind: Pod
metadata:
  {{- include "floe-common.metadata" (dict "ctx" $ctx "component" "test" "name" (include "floe-common.names.component" (dict "ctx" $ctx "component" (printf "test-%s" .name))) "annotations" (dict "helm.sh/hook" "test" "helm.sh/hook-delete-policy" "before-hook-creation" "floe.dev/covers" .covers "floe.dev/integration-point" .point)) | nindent 2 }}
spec:
  restartPolicy: Never
  serviceAccountName: {{ include "floe.tests.serviceAccount" $ctx }}
  automountServiceAccountToken: false
  {{- include "floe-common.images.pullSecrets" $ctx | nindent 2 }}
  securityContext:
    {{- include "floe-common.security.pod" .sc | nindent 4 }}
  containers:
    - name: check
      {{- include "floe-common.images.container" (dict "image" .image "ctx" $ctx) | nindent 6 }}
      securityContext:
        {{- include "floe-common.security.container" .sc | nindent 8 }}
      command: ["sh", "-c"]
      args:
        - |
          {{- /* The NetworkPolicy-ready preamble every floe test pod shares (floe-common). */}}
          {{- include "floe-common.test.networkReady" . | nindent 10 }}
          {{- .script | nindent 10 }}
      env:
        - name: HOME
          value: /tmp
        {{- with .env }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      resources:
        {{- toYaml $ctx.Values.tests.resources | nindent 8 }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
  volumes:
    - name: tmp
      emptyDir: {}
{{- end -}}

{{/* Shell snippet: OAuth token of the Polaris root principal into $token. */}}
{{- define "floe.test.polarisToken" -}}
token=$(curl -fsS "$POLARIS/api/catalog/v1/oauth/tokens" -d grant_type=client_credentials \
  -d "client_id=$ROOT_CLIENT_ID" -d "client_secret=$ROOT_CLIENT_SECRET" -d scope=PRINCIPAL_ROLE:ALL \
  | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "FAIL: Polaris issued no token"; exit 1; }
{{- end -}}

{{/* The test pods' ServiceAccount (see tests/serviceaccount.yaml for why "tests"). */}}
{{- define "floe.tests.serviceAccount" -}}
{{- include "floe-common.names.component" (dict "ctx" . "component" "tests") -}}
{{- end -}}
