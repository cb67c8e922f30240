"""Dagster code location of the example data product: one job that runs the dbt project's `dbt build`.

dbt runs as a subprocess (the dbt CLI), not through dagster-dbt: dagster-dbt 0.25.6, the release that goes with
Dagster 1.9.6, requires dbt-core < 1.9, and the platform pins dbt 1.9.0 (README "Images built here").

Where things are, all from the environment (the image sets the defaults, charts/floe-jobs and the platform's
run launcher hand the rest):
  DBT_PROJECT_DIR   the dbt project (the image: /opt/dagster/app/orders)
  DBT_PROFILES_DIR  profiles.yml (charts/floe-jobs mounts it at /etc/floe/dbt; the image: the project's own)
  DBT_TARGET_PATH   where dbt writes run_results.json and the manifest (the image: under /tmp)
  FLOE_DB_*         the connection, read by profiles.yml
  OTEL_EXPORTER_OTLP_ENDPOINT  where the run's trace goes: an OTLP/HTTP endpoint (the platform hands its run
                    pods its OpenTelemetry Collector's, port 4318); unset or empty: no trace is exported
  OTEL_SERVICE_NAME the trace's service (default "orders")
  OPENLINEAGE_URL   Marquez (or any OpenLineage HTTP endpoint; the platform hands run pods its Marquez when it runs
                    one): START and COMPLETE/FAIL events of the run go to <url>/api/v1/lineage; unset or empty: none
  OPENLINEAGE_NAMESPACE the lineage job's namespace (default "orders")

The trace: one span around `dbt build`, carrying the Dagster run id (dagster.run_id) and job (dagster.job), from
a resource that names the pod (k8s.pod.name, host.name), so a trace in Jaeger can be told to be the run's own.
It is exported before the op returns; a collector that cannot be reached is logged, never a failed run.

The lineage: OpenLineage run events (spec 2-0-2) under the Dagster run id (a UUID, as OpenLineage wants), for
the job <namespace>/<Dagster job>; the COMPLETE (or FAIL) event names the seed files read as inputs and every
relation dbt built as outputs, from dbt's own manifest and run results. Sent with the standard library; a
lineage endpoint that cannot be reached is logged, never a failed run.

The Iceberg table (E2E-003): once dbt build has passed, orders.daily_totals is written to the catalog of
POLARIS_URI/POLARIS_CATALOG with the run id in its snapshot summary (iceberg_table.py, which says what it reads);
no catalog set: none, logged; a catalog that cannot be reached or refuses the write is logged as a warning, never a
failed run, like the trace and the lineage: the run's product is dbt's, the table is its published copy.
"""

import json
import os
import socket
import subprocess
import tempfile
import urllib.request
from datetime import datetime, timezone
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from dagster import Config, Definitions, Failure, MetadataValue, OpExecutionContext, Output, job, op

from orders_pipeline.iceberg_table import write_run_table

PROJECT_DIR = Path(os.environ.get("DBT_PROJECT_DIR", Path(__file__).resolve().parent.parent))


class DbtBuildConfig(Config):
    """What to build: dbt's node selection (empty: the whole project) and exclusion."""

    select: str = ""
    exclude: str = ""


def dbt_build_args(config: DbtBuildConfig, target_path: str) -> list[str]:
    """The dbt command line of one build (pure, so it can be checked without running dbt)."""
    args = ["dbt", "build", "--project-dir", str(PROJECT_DIR), "--target-path", target_path]
    profiles = os.environ.get("DBT_PROFILES_DIR")
    args += ["--profiles-dir", profiles or str(PROJECT_DIR)]
    if config.select:
        args += ["--select", config.select]
    if config.exclude:
        args += ["--exclude", config.exclude]
    return args


def summarize(run_results: dict) -> dict[str, int]:
    """Counts of dbt's node results by status (success, pass, fail, error, skipped, warn)."""
    return dict(Counter(r["status"] for r in run_results.get("results", [])))


def trace_settings(env: Mapping[str, str], hostname: str) -> dict | None:
    """Where and as what the run's trace is exported (pure), or None when no OTLP endpoint is set (then no
    export is attempted). The exporter reads the endpoint itself (OTEL_EXPORTER_OTLP_ENDPOINT, /v1/traces added)."""
    endpoint = (env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") or env.get("OTEL_EXPORTER_OTLP_ENDPOINT") or "").strip()
    if not endpoint:
        return None
    # In a pod the host name is the pod's name (HOSTNAME is set by the container runtime).
    pod = env.get("HOSTNAME") or hostname
    return {
        "endpoint": endpoint,
        "resource": {
            "service.name": env.get("OTEL_SERVICE_NAME") or "orders",
            "host.name": hostname,
            "k8s.pod.name": pod,
        },
    }


def span_attributes(run_id: str, job_name: str, config: DbtBuildConfig) -> dict[str, str]:
    """The dbt build span's attributes (pure): the run it belongs to and what it builds."""
    attrs = {"dagster.run_id": run_id, "dagster.job": job_name, "dbt.command": "build"}
    if config.select:
        attrs["dbt.select"] = config.select
    if config.exclude:
        attrs["dbt.exclude"] = config.exclude
    return attrs


OPENLINEAGE_SCHEMA = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/definitions/RunEvent"
PRODUCER = "https://github.com/floe/helm-action/tree/main/examples/orders"


def lineage_datasets(manifest: dict, run_results: dict, env: Mapping[str, str]) -> tuple[list[dict], list[dict]]:
    """The run's input and output datasets (pure): the seed files dbt read, and each relation it built with
    success, named as OpenLineage names them (file paths; postgres://host:port with database.schema.table)."""
    host = env.get("FLOE_DB_HOST") or "localhost"
    port = env.get("FLOE_DB_PORT") or "5432"
    nodes = manifest.get("nodes", {})
    built = [r["unique_id"] for r in run_results.get("results", []) if r.get("status") == "success"]
    inputs, outputs = [], []
    for uid in built:
        n = nodes.get(uid)
        if not n or n.get("resource_type") not in ("model", "seed", "snapshot"):
            continue
        name = ".".join(str(p) for p in (n.get("database"), n.get("schema"), n.get("alias") or n.get("name")) if p)
        outputs.append({"namespace": f"postgres://{host}:{port}", "name": name})
        if n.get("resource_type") == "seed":
            inputs.append({"namespace": "file", "name": str(PROJECT_DIR / n["original_file_path"])})
    key = lambda d: (d["namespace"], d["name"])  # noqa: E731
    return sorted(inputs, key=key), sorted(outputs, key=key)


def lineage_event(event_type: str, run_id: str, job: str, env: Mapping[str, str], inputs=(), outputs=(), now=None) -> dict:
    """One OpenLineage RunEvent (pure; `now` for a fixed time)."""
    t = now or datetime.now(timezone.utc)
    return {
        "eventType": event_type,
        "eventTime": t.isoformat().replace("+00:00", "Z"),
        "run": {"runId": run_id, "facets": {}},
        "job": {"namespace": env.get("OPENLINEAGE_NAMESPACE") or "orders", "name": job, "facets": {}},
        "inputs": list(inputs),
        "outputs": list(outputs),
        "producer": PRODUCER,
        "schemaURL": OPENLINEAGE_SCHEMA,
    }


def send_lineage(url: str, event: dict) -> str:
    """POSTs one event to <url>/api/v1/lineage; "ok", or why not (never raises: lineage never fails a run)."""
    req = urllib.request.Request(
        url.rstrip("/") + "/api/v1/lineage",
        data=json.dumps(event).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return "ok" if 200 <= r.status < 300 else f"HTTP {r.status}"
    except Exception as e:  # e.g. the endpoint's host does not resolve, or it refused the event
        return f"{type(e).__name__}: {e}"


def tracer_provider(settings: dict):
    """An SDK TracerProvider that exports each span over OTLP/HTTP when it ends (so before the op returns),
    and its exporter, which keeps each export's outcome for the run's log."""
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor, SpanExporter, SpanExportResult

    class Recording(SpanExporter):
        def __init__(self, inner: SpanExporter):
            self.inner = inner
            self.outcomes: list[str] = []

        def export(self, spans):
            try:
                result = self.inner.export(spans)
            except Exception as e:  # e.g. the endpoint's host does not resolve
                self.outcomes.append(f"{type(e).__name__}: {e}")
                raise
            self.outcomes.append("ok" if result == SpanExportResult.SUCCESS else "refused")
            return result

        def shutdown(self):
            self.inner.shutdown()

        def force_flush(self, timeout_millis: int = 30000) -> bool:
            return self.inner.force_flush(timeout_millis)

    exporter = Recording(OTLPSpanExporter(timeout=10))
    provider = TracerProvider(resource=Resource.create(settings["resource"]))
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    return provider, exporter


def run_dbt(context: OpExecutionContext, args: list[str]) -> tuple[int, list[str]]:
    """dbt's own output, line by line, into the run's log; returns its exit code and lines."""
    lines: list[str] = []
    with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            line = line.rstrip()
            lines.append(line)
            context.log.info(line)
    return proc.returncode, lines


@op(description="Runs `dbt build` of the data product (seeds, models, data tests) and fails when dbt does.")
def dbt_build(context: OpExecutionContext, config: DbtBuildConfig):
    target_path = os.environ.get("DBT_TARGET_PATH") or tempfile.mkdtemp(prefix="dbt-target-")
    args = dbt_build_args(config, target_path)
    context.log.info("running: " + " ".join(args))
    lineage_url = (os.environ.get("OPENLINEAGE_URL") or "").strip()
    sent: list[str] = []
    if lineage_url:
        start = lineage_event("START", context.run_id, context.job_name, os.environ)
        sent.append("START " + send_lineage(lineage_url, start))
    settings = trace_settings(os.environ, socket.gethostname())
    traced = None
    if settings is None:
        context.log.info("no trace: OTEL_EXPORTER_OTLP_ENDPOINT is not set")
    else:
        try:
            traced = tracer_provider(settings)
        except Exception as e:  # tracing must never fail the run
            context.log.warning(f"no trace: the OpenTelemetry SDK could not start: {e}")
    if traced is None:
        returncode, lines = run_dbt(context, args)
    else:
        from opentelemetry.trace import Status, StatusCode

        provider, exporter = traced
        tracer = provider.get_tracer("orders_pipeline")
        try:
            with tracer.start_as_current_span(
                "dbt build", attributes=span_attributes(context.run_id, context.job_name, config)
            ) as span:
                returncode, lines = run_dbt(context, args)
                span.set_attribute("dbt.exit_code", returncode)
                if returncode != 0:
                    span.set_status(Status(StatusCode.ERROR, f"dbt build exited with {returncode}"))
        finally:
            # The span was exported when it ended; the outcome goes into the run's log.
            provider.shutdown()
            outcome = ", ".join(exporter.outcomes) or "nothing exported"
            message = f"trace of run {context.run_id} to {settings['endpoint']}: {outcome}"
            if exporter.outcomes == ["ok"]:
                context.log.info(message)
            else:
                context.log.warning(message)
    results_file = Path(target_path) / "run_results.json"
    run_results = json.loads(results_file.read_text()) if results_file.exists() else {}
    counts = summarize(run_results)
    if lineage_url:
        manifest_file = Path(target_path) / "manifest.json"
        manifest = json.loads(manifest_file.read_text()) if manifest_file.exists() else {}
        inputs, outputs = lineage_datasets(manifest, run_results, os.environ)
        end = lineage_event(
            "COMPLETE" if returncode == 0 else "FAIL", context.run_id, context.job_name, os.environ, inputs, outputs
        )
        sent.append(f"{end['eventType']} {send_lineage(lineage_url, end)}")
        message = f"lineage of run {context.run_id} to {lineage_url}: {', '.join(sent)} ({len(inputs)} input(s), {len(outputs)} output(s))"
        if all(x.endswith(" ok") for x in sent):
            context.log.info(message)
        else:
            context.log.warning(message)
    else:
        context.log.info("no lineage: OPENLINEAGE_URL is not set")
    if returncode != 0:
        raise Failure(
            description=f"dbt build exited with {returncode} ({counts or 'no run_results.json'})",
            metadata={"dbt output (last 40 lines)": MetadataValue.text("\n".join(lines[-40:]))},
        )
    context.log.info(f"dbt build passed: {counts}")
    level, message = write_run_table(os.environ, PROJECT_DIR, context.run_id)
    getattr(context.log, level)(message)
    return Output(counts, metadata={status: count for status, count in counts.items()})


@job(description="The example data product's dbt build (seeds, staging views, the customer_orders mart, tests).")
def orders_dbt_build():
    dbt_build()


defs = Definitions(jobs=[orders_dbt_build])
