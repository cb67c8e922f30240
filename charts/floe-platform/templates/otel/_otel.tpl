{{/* Collector config: OTLP gRPC/HTTP in, memory_limiter + batch, out to Jaeger (OTLP) and/or debug. */}}
{{- define "floe.otel.config" -}}
{{- $ctx := .ctx -}}
{{- $v := $ctx.Values.otelCollector -}}
extensions:
  health_check:
    endpoint: {{ printf "0.0.0.0:%v" $v.service.healthPort | quote }}
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: "0.0.0.0:4317"
      http:
        endpoint: "0.0.0.0:4318"
processors:
  memory_limiter:
    check_interval: 1s
    limit_percentage: 80
    spike_limit_percentage: 25
  batch: {}
exporters:
  {{- if has "otlp/jaeger" .exporters }}
  otlp/jaeger:
    endpoint: {{ printf "%s:%s" (include "floe.jaeger.host" $ctx) (include "floe.jaeger.otlpGrpcPort" $ctx) | quote }}
    tls:
      insecure: true
  {{- end }}
  {{- if has "debug" .exporters }}
  debug:
    verbosity: {{ $v.debugExporter.verbosity }}
  {{- end }}
service:
  extensions: [health_check]
  telemetry:
    metrics:
      level: none
  pipelines:
    traces:
      receivers: [otlp]
      processors: [memory_limiter, batch]
      exporters: {{ toJson .exporters }}
{{- end -}}

{{/* Memory quantity (Mi/Gi/M/G) as an integer number of MiB, for GOMEMLIMIT. */}}
{{- define "floe.memoryMiB" -}}
{{- $m := toString . -}}
{{- if hasSuffix "Gi" $m -}}{{ mul (trimSuffix "Gi" $m | int) 1024 }}
{{- else if hasSuffix "Mi" $m -}}{{ trimSuffix "Mi" $m | int }}
{{- else if hasSuffix "G" $m -}}{{ div (mul (trimSuffix "G" $m | int) 1000000000) 1048576 }}
{{- else if hasSuffix "M" $m -}}{{ div (mul (trimSuffix "M" $m | int) 1000000) 1048576 }}
{{- else -}}{{ div ($m | int64) 1048576 }}
{{- end -}}
{{- end -}}
