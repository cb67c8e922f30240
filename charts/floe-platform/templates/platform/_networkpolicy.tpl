{{/*
The allowed connections of the release, one edge per service dependency (analysis "Service Dependency
Flow"). Ports are POD ports (NetworkPolicy matches after Service translation). An edge is
  from: [components] | fromNamespaceLabels: {labels} | fromPodLabels: {labels}   ->   to: component | toCidrs: [cidrs]
networkpolicy.yaml turns every edge into an egress rule on the client and an ingress rule on the server.
*/}}
{{- define "floe.networkPolicy.edges" -}}
{{- $v := .Values -}}
{{- $dagster := list "dagster-webserver" "dagster-daemon" "dagster-run" -}}
{{- $polaris := ternary (list "polaris") (list) $v.polaris.enabled -}}
{{- $pgClients := concat $dagster (ternary (list "polaris" "polaris-bootstrap") (list) $v.polaris.enabled) (list "test") -}}
{{- if ne $v.postgresql.mode "external" }}
- {from: {{ toJson $pgClients }}, to: postgresql, ports: [5432]}
{{- else }}
- {from: {{ toJson $pgClients }}, toCidrs: {{ toJson $v.networkPolicy.externalEgressCidrs }}, ports: [{{ $v.postgresql.external.port }}]}
{{- end }}
{{- if eq $v.postgresql.mode "cnpg" }}
{{- /* CNPG instances replicate to each other; the operator (any namespace) polls the status port. */}}
- {from: [postgresql], to: postgresql, ports: [5432, 8000]}
- {fromNamespaceLabels: {}, to: postgresql, ports: [8000]}
{{- /* The CNPG instance manager inside each instance pod watches its Cluster through the API server. */}}
- {from: [postgresql], toCidrs: {{ toJson $v.networkPolicy.apiServer.cidrs }}, ports: {{ toJson $v.networkPolicy.apiServer.ports }}}
{{- end }}
{{- $s3Clients := concat $polaris (list "dagster-run" "test") -}}
{{- if eq $v.objectStorage.mode "minio" }}
- {from: {{ toJson (append $s3Clients "minio-setup") }}, to: minio, ports: [9000]}
{{- else }}
- {from: {{ toJson $s3Clients }}, toCidrs: {{ toJson $v.networkPolicy.externalEgressCidrs }}, ports: [443, 80]}
{{- end }}
{{- if $v.polaris.enabled }}
- {from: {{ toJson (concat $dagster (list "polaris-catalog-setup" "test")) }}, to: polaris, ports: [8181, 8182]}
{{- end }}
- {from: {{ toJson (concat $dagster $polaris (list "marquez" "postgresql" "minio" "jaeger" "marquez-web" "marquez-postgresql" "test")) }}, to: otel-collector, ports: [4317, 4318]}
- {from: [test], to: dagster-webserver, ports: [3000]}
- {fromNamespaceLabels: {{ toJson $v.networkPolicy.ingressControllerNamespaceLabels }}, to: dagster-webserver, ports: [3000]}
- {from: [dagster-webserver, dagster-daemon], toCidrs: {{ toJson $v.networkPolicy.apiServer.cidrs }}, ports: {{ toJson $v.networkPolicy.apiServer.ports }}}
{{- if $v.dagster.codeLocations }}
{{- $ports := list }}
{{- range $v.dagster.codeLocations }}{{ $ports = append $ports .port }}{{ end }}
- {from: [dagster-webserver, dagster-daemon, dagster-run], toPods: {}, ports: {{ toJson ($ports | uniq) }}}
{{- end }}
{{- if $v.jaeger.enabled }}
- {from: [otel-collector, test], to: jaeger, ports: [4317, 4318]}
- {from: [test], to: jaeger, ports: [16686, 14269]}
{{- end }}
{{- if $v.marquez.enabled }}
- {from: [dagster-webserver, dagster-daemon, dagster-run, marquez-web, test], to: marquez, ports: [5000, 5001]}
- {from: [marquez, test], to: marquez-postgresql, ports: [5432]}
{{- if $v.marquez.web.enabled }}
- {fromNamespaceLabels: {{ toJson $v.networkPolicy.ingressControllerNamespaceLabels }}, to: marquez-web, ports: [3000]}
{{- end }}
{{- end }}
{{- /* Pods of other releases that use the platform (networkPolicy.clientPodLabels, e.g. a floe-jobs release's
jobs): in to the services a data product talks to. Ingress only: their egress is their own chart's policy. */}}
{{- with $v.networkPolicy.clientPodLabels }}
{{- if ne $v.postgresql.mode "external" }}
- {fromPodLabels: {{ toJson . }}, to: postgresql, ports: [5432]}
{{- end }}
{{- if eq $v.objectStorage.mode "minio" }}
- {fromPodLabels: {{ toJson . }}, to: minio, ports: [9000]}
{{- end }}
{{- if $v.polaris.enabled }}
- {fromPodLabels: {{ toJson . }}, to: polaris, ports: [8181]}
{{- end }}
- {fromPodLabels: {{ toJson . }}, to: otel-collector, ports: [4317, 4318]}
{{- if $v.marquez.enabled }}
- {fromPodLabels: {{ toJson . }}, to: marquez, ports: [5000]}
{{- end }}
{{- end }}
{{- end -}}

{{/* Components whose pods this release runs (a NetworkPolicy per component). */}}
{{- define "floe.networkPolicy.components" -}}
{{- $v := .Values -}}
{{- $c := list "dagster-webserver" "dagster-daemon" "dagster-run" -}}
{{- if $v.polaris.enabled }}{{ $c = concat $c (list "polaris" "polaris-bootstrap" "polaris-catalog-setup") }}{{ end -}}
{{- $c = append $c "otel-collector" -}}
{{- if eq $v.postgresql.mode "internal" }}{{ $c = append $c "postgresql" }}{{ end -}}
{{- if eq $v.postgresql.mode "cnpg" }}{{ $c = append $c "postgresql" }}{{ end -}}
{{- if eq $v.objectStorage.mode "minio" }}{{ $c = concat $c (list "minio" "minio-setup") }}{{ end -}}
{{- if $v.jaeger.enabled }}{{ $c = append $c "jaeger" }}{{ end -}}
{{- if $v.marquez.enabled }}{{ $c = concat $c (list "marquez" "marquez-postgresql") }}{{ end -}}
{{- if and $v.marquez.enabled $v.marquez.web.enabled }}{{ $c = append $c "marquez-web" }}{{ end -}}
{{- if $v.tests.enabled }}{{ $c = append $c "test" }}{{ end -}}
{{ toJson $c }}
{{- end -}}
