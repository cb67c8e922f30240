"""Dagster code location of the example data product (examples/orders): see definitions.py."""
