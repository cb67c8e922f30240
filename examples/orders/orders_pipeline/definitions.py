"""Dagster code location of the example data product: one job that runs the dbt project's `dbt build`.

dbt runs as a subprocess (the dbt CLI), not through dagster-dbt: dagster-dbt 0.25.6, the release that goes with
Dagster 1.9.6, requires dbt-core < 1.9, and the platform pins dbt 1.9.0 (README "Images built here").

Where things are, all from the environment (the image sets the defaults, charts/floe-jobs and the platform's
run launcher hand the rest):
  DBT_PROJECT_DIR   the dbt project (the image: /opt/dagster/app/orders)
  DBT_PROFILES_DIR  profiles.yml (charts/floe-jobs mounts it at /etc/floe/dbt; the image: the project's own)
  DBT_TARGET_PATH   where dbt writes run_results.json and the manifest (the image: under /tmp)
  FLOE_DB_*         the connection, read by profiles.yml

Not yet: OpenTelemetry. The platform hands OTEL_EXPORTER_OTLP_ENDPOINT to every job, but the image has no
OpenTelemetry SDK (it is the platform's Dagster package set); traces of a run carrying its Dagster run id are
the next slice of issue 15 (T119).
"""

import json
import os
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

from dagster import Config, Definitions, Failure, MetadataValue, OpExecutionContext, Output, job, op

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


@op(description="Runs `dbt build` of the data product (seeds, models, data tests) and fails when dbt does.")
def dbt_build(context: OpExecutionContext, config: DbtBuildConfig):
    target_path = os.environ.get("DBT_TARGET_PATH") or tempfile.mkdtemp(prefix="dbt-target-")
    args = dbt_build_args(config, target_path)
    context.log.info("running: " + " ".join(args))
    # dbt's own output, line by line, into the run's log; the last lines go into the failure.
    lines: list[str] = []
    with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            line = line.rstrip()
            lines.append(line)
            context.log.info(line)
    results_file = Path(target_path) / "run_results.json"
    counts = summarize(json.loads(results_file.read_text())) if results_file.exists() else {}
    if proc.returncode != 0:
        raise Failure(
            description=f"dbt build exited with {proc.returncode} ({counts or 'no run_results.json'})",
            metadata={"dbt output (last 40 lines)": MetadataValue.text("\n".join(lines[-40:]))},
        )
    context.log.info(f"dbt build passed: {counts}")
    return Output(counts, metadata={status: count for status, count in counts.items()})


@job(description="The example data product's dbt build (seeds, staging views, the customer_orders mart, tests).")
def orders_dbt_build():
    dbt_build()


defs = Definitions(jobs=[orders_dbt_build])
