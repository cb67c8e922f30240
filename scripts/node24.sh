#!/usr/bin/env bash
# Runs its arguments with the Node 24 binary that scripts/tools.sh installs (GitHub runs actions on 24).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
node24=${FLOE_TOOLS_DIR:-$root/.tools}/bin/node24
if [ ! -x "$node24" ]; then
  echo "node24 is not installed ($node24 missing): run scripts/tools.sh node24" >&2
  exit 2
fi
exec "$node24" "$@"
