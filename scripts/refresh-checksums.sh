#!/usr/bin/env bash
# Refreshes src/tools/checksums.json from the official checksum files of the pinned versions in
# src/tools/versions.json (get.helm.sh, the kind and kubesec GitHub releases, dl.k8s.io), then rebuilds
# dist/ so the action carries the new table. Needs network; the table is left untouched if any file fails.
#
#   scripts/refresh-checksums.sh                 from the official sites
#   scripts/refresh-checksums.sh --mirror URL    from a mirror with the installer's layout
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
npm run -s build   # the bundle carries versions.json: pick up pin changes first
node dist/index.js tools refresh-checksums --file src/tools/checksums.json "$@"
npm run -s build
git --no-pager diff --stat -- src/tools/checksums.json || true
