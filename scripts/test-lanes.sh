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
  { "$@"; echo $? >"$rcdir/$name"; } 2>&1 | tee "$rcdir/$name.log" | sed -u "s/^/[$name] /"
}

# The failed tests of a lane again, at the end: the two lanes' lines interleave over half an hour, and a CI log
# is often read from its tail. Each failure's heading, the first and last lines of its message (a failed CLI
# run's message is its whole output, whose end says why) and where it failed; without colours.
failures() {
  sed 's/\x1b\[[0-9;]*m//g' "$rcdir/$1.log" | awk -v lane="$1" '
    function flush(   i, from) {
      if (!n) return
      for (i = 1; i <= n && i <= 4; i++) print "[" lane "]     " block[i]
      from = n - 16 > 4 ? n - 16 : 5
      if (from > 5) print "[" lane "]     ..."
      for (i = from; i <= n; i++) print "[" lane "]     " block[i]
      n = 0
    }
    /Failed Tests [0-9]+|Failed Suites [0-9]+|Unhandled Errors/ { on = 1; next }
    !on { next }
    /^ *FAIL / { flush(); print "[" lane "] " $0; grab = 1; next }
    grab && /^ *(❯ |- Expected)/ { flush(); grab = 0; where = 1 }
    where && /^ *❯ / { print "[" lane "]     " $0; where = 0; next }
    grab && NF { block[++n] = $0 }
    /^ *Test Files / { flush(); print "[" lane "] " $0; on = 0 }' | head -c 16000
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
  for name in suite real; do
    [ "$(cat "$rcdir/$name" 2>/dev/null)" = 0 ] || { echo "=== lane $name: what failed"; failures "$name"; }
  done
  printf 'test-lanes: failed after %ss: %s\n' "$elapsed" "${failed[*]}" >&2
  exit 1
fi
printf 'test-lanes: both lanes passed in %ss\n' "$elapsed"
