#!/usr/bin/env bash
# npm test's suites in two lanes side by side. The real lane (FLOE_KIND_REAL=1: kind clusters with the platform,
# the images' smoke tests) spends most of its time waiting for pods, so the rest of the suite runs beside it
# rather than after it (one vitest worker each: 2 cores):
#   lane "suite": the suite on this machine's Node (npm run test:current), then on Node 24 without the real files;
#   lane "real":  the real files on Node 24, one file and one cluster at a time.
# Every line is prefixed with its lane. Both lanes always run to their end (no result is lost to the other's
# failure); the script fails when either failed, naming it. `npm run test:current` and `npm run test:node24`
# still run one step each on their own.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
rcdir=$(mktemp -d "${TMPDIR:-/tmp}/floe-test-lanes-XXXXXX")
trap 'rm -rf "$rcdir"' EXIT
vitest=node_modules/vitest/vitest.mjs

lane() { # lane NAME COMMAND...: runs COMMAND, its exit code into $rcdir/NAME, its lines prefixed "[NAME] "
  local name=$1
  shift
  { "$@"; echo $? >"$rcdir/$name"; } 2>&1 | sed -u "s/^/[$name] /"
}

started=$SECONDS
lane suite bash -c "node $vitest run && FLOE_TEST_LANE=suite scripts/node24.sh $vitest run" &
suite=$!
lane real env FLOE_KIND_REAL=1 FLOE_TEST_LANE=real scripts/node24.sh "$vitest" run &
real=$!
wait "$suite" "$real"

failed=()
for name in suite real; do
  rc=$(cat "$rcdir/$name" 2>/dev/null || echo "no exit code")
  [ "$rc" = 0 ] || failed+=("$name (exit $rc)")
done
elapsed=$((SECONDS - started))
if [ ${#failed[@]} -gt 0 ]; then
  printf 'test-lanes: failed after %ss: %s\n' "$elapsed" "${failed[*]}" >&2
  exit 1
fi
printf 'test-lanes: both lanes passed in %ss\n' "$elapsed"
