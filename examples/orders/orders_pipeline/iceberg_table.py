"""The run's Iceberg table (E2E-003): after `dbt build`, the job writes orders.daily_totals (per order date: the
orders and the revenue, returned orders not counted, rows with a negative amount left out as the data test does)
from the orders seed to the platform's Iceberg REST catalog (Polaris), the snapshot's summary carrying the run's
id (dagster.run_id), so a reader of the catalog can tell the run's own snapshot. Overwritten each run: the table
holds the latest totals, its history one snapshot pair (delete, append) per run.

Where, all from the environment (the platform hands run pods POLARIS_URI and POLARIS_CATALOG; charts/floe-jobs
hands its jobs the same):
  POLARIS_URI            the catalog's Iceberg REST API (Polaris: http://<host>:8181/api/catalog); unset or empty:
                         no table is written (logged)
  POLARIS_CATALOG        the catalog (Polaris: the warehouse name the REST client asks /v1/config for)
  POLARIS_CLIENT_ID, POLARIS_CLIENT_SECRET  an OAuth2 client-credentials principal (Polaris requires one); unset:
                         no token is asked for (a catalog without auth)
  S3_ENDPOINT            the object store the table's files go to (the catalog vends the credentials);
                         AWS_REGION its region (default us-east-1, MinIO's)

Kept apart from definitions.py (no Dagster import) so that it runs, and is tested, with pyiceberg alone. pyiceberg
is imported only when a table is written.
"""

import csv
import io
from collections.abc import Mapping
from pathlib import Path

NAMESPACE = "orders"
TABLE = "daily_totals"
RUN_ID_PROPERTY = "dagster.run_id"


def catalog_settings(env: Mapping[str, str]) -> dict | None:
    """pyiceberg's REST catalog properties from the environment (pure), or None when no catalog is set."""
    uri = (env.get("POLARIS_URI") or "").strip().rstrip("/")
    if not uri:
        return None
    props = {
        "type": "rest",
        "uri": uri,
        # Polaris vends the run short-lived object store credentials for the table's location; a catalog that
        # does not vend any ignores the header.
        "header.X-Iceberg-Access-Delegation": "vended-credentials",
    }
    catalog = (env.get("POLARIS_CATALOG") or "").strip()
    if catalog:
        props["warehouse"] = catalog
    client_id = (env.get("POLARIS_CLIENT_ID") or "").strip()
    client_secret = (env.get("POLARIS_CLIENT_SECRET") or "").strip()
    if client_id and client_secret:
        props["credential"] = f"{client_id}:{client_secret}"
        props["scope"] = "PRINCIPAL_ROLE:ALL"
        # The token endpoint of the spec (Polaris serves it): said outright, pyiceberg warns when it guesses.
        props["oauth2-server-uri"] = f"{uri}/v1/oauth/tokens"
    s3 = (env.get("S3_ENDPOINT") or "").strip()
    if s3:
        props["s3.endpoint"] = s3
        # Said outright, so the AWS SDK does not go looking for one (MinIO's default region otherwise).
        props["s3.region"] = (env.get("AWS_REGION") or "").strip() or "us-east-1"
    return props


def describe(settings: dict) -> str:
    """The catalog as the run's log names it (never the credential)."""
    return f"{settings['uri']} (catalog {settings.get('warehouse') or '-'})"


def daily_totals(orders_csv: str) -> list[dict]:
    """Per order date of the raw orders (pure): orders, returned orders and revenue in cents (returned orders not
    counted); rows with a negative amount are left out, as the data test keeps them out of the models."""
    days: dict[str, dict] = {}
    for row in csv.DictReader(io.StringIO(orders_csv)):
        amount = int(row["amount_cents"])
        if amount < 0:
            continue
        d = days.setdefault(row["ordered_at"], {"order_date": row["ordered_at"], "orders": 0, "returned_orders": 0, "revenue_cents": 0})
        d["orders"] += 1
        if row["status"] == "returned":
            d["returned_orders"] += 1
        else:
            d["revenue_cents"] += amount
    return [days[k] for k in sorted(days)]


def write_daily_totals(settings: dict, rows: list[dict], run_id: str) -> dict:
    """Writes the rows as orders.daily_totals (namespace and table made when missing, then overwritten) with the
    run id in the snapshot summary; what was written. Raises what pyiceberg raises."""
    import pyarrow as pa
    from pyiceberg.catalog import load_catalog

    schema = pa.schema(
        [
            pa.field("order_date", pa.string(), nullable=False),
            pa.field("orders", pa.int64(), nullable=False),
            pa.field("returned_orders", pa.int64(), nullable=False),
            pa.field("revenue_cents", pa.int64(), nullable=False),
        ]
    )
    data = pa.Table.from_pylist(rows, schema=schema)
    catalog = load_catalog(settings.get("warehouse") or "floe", **settings)
    catalog.create_namespace_if_not_exists(NAMESPACE)
    table = catalog.create_table_if_not_exists((NAMESPACE, TABLE), schema=schema)
    # A new table is appended to (an overwrite would first delete nothing, and pyiceberg warns of that).
    write = table.overwrite if table.current_snapshot() else table.append
    write(data, snapshot_properties={RUN_ID_PROPERTY: run_id})
    snapshot = table.current_snapshot()
    return {
        "table": f"{NAMESPACE}.{TABLE}",
        "rows": data.num_rows,
        "snapshot_id": snapshot.snapshot_id if snapshot else None,
        "metadata_location": table.metadata_location,
    }


def write_run_table(env: Mapping[str, str], project_dir: Path, run_id: str) -> tuple[str, str]:
    """The whole step, never raising (a catalog that cannot be reached must not fail a run whose dbt build
    passed, as with the trace and the lineage): ("info" | "warning", what happened, for the run's log)."""
    settings = catalog_settings(env)
    if settings is None:
        return "info", "no Iceberg table: POLARIS_URI is not set"
    try:
        rows = daily_totals((project_dir / "seeds" / "raw_orders.csv").read_text())
        w = write_daily_totals(settings, rows, run_id)
    except Exception as e:  # e.g. the catalog does not answer, refuses the token, or the object store the files
        why = f"{type(e).__name__}: {e}"
        why = why if len(why) <= 500 else why[:500] + " ..."
        return "warning", f"Iceberg table {NAMESPACE}.{TABLE} of run {run_id} not written to {describe(settings)}: {why}"
    return "info", (
        f"Iceberg table {w['table']} of run {run_id} written to {describe(settings)}: {w['rows']} rows, "
        f"snapshot {w['snapshot_id']} ({w['metadata_location']})"
    )
