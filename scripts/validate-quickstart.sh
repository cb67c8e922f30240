#!/usr/bin/env bash
# T121: the README's quick start, run as written. The two commands a newcomer copies from README.md ("Run the
# main job on this repository" and "Run the tests") are read from the README itself, so a README that drifts
# from what works fails here, not on a newcomer's machine.
#
#   scripts/validate-quickstart.sh --print gate|test   print the command as the README writes it
#   scripts/validate-quickstart.sh gate                run the main job's command in a fresh clone of HEAD
#                                                       (git clone: committed files only, no .tools, no
#                                                       node_modules), and check it wrote the gate's results
#   scripts/validate-quickstart.sh test                run the tests' command here, in this checkout (.ci/run
#                                                       does, on its clean clone: a second clone would only
#                                                       run the whole suite twice)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readme=$root/README.md
die() { printf 'validate-quickstart: %s\n' "$*" >&2; exit 1; }

# The first ```sh block after the line that introduces it; its first line is the command (the tests' block
# has a second line, the docker stop, that is not part of the command).
command_of() {
  local intro
  case $1 in
    gate) intro='Run the main job on this repository:' ;;
    test) intro='Run the tests:' ;;
    *) die "unknown command '$1' (expected gate or test)" ;;
  esac
  grep -qxF "$intro" "$readme" || die "README.md has no line '$intro' (the quick start moved? update this script with it)"
  awk -v intro="$intro" '
    $0 == intro { seen = 1; next }
    seen && /^```sh$/ { inblock = 1; next }
    inblock { print; exit }
  ' "$readme"
}

case ${1:-} in
  --print)
    [ -n "${2:-}" ] || die "--print needs gate or test"
    cmd=$(command_of "$2")
    [ -n "$cmd" ] || die "README.md: no \`\`\`sh block after the $2 command's introduction"
    printf '%s\n' "$cmd"
    ;;
  gate)
    cmd=$(command_of gate)
    [ -n "$cmd" ] || die "README.md: no command for the main job"
    clone=$(mktemp -d "${TMPDIR:-/tmp}/floe-quickstart-XXXXXX")
    trap 'rm -rf "$clone"' EXIT
    git -C "$root" rev-parse --verify -q HEAD >/dev/null || die "$root is not a git checkout with a commit"
    printf 'validate-quickstart: a fresh clone of %s at %s in %s\n' "$root" "$(git -C "$root" rev-parse --short HEAD)" "$clone"
    git clone -q --no-hardlinks "$root" "$clone/repo"
    printf 'validate-quickstart: running, as the README writes it:\n  %s\n' "$cmd"
    start=$SECONDS
    # The results go to a folder of the clone's own (the CLI's FLOE_HELM_WORK_DIR), so nothing of the
    # runner's is read or left behind; the command itself is the README's, unchanged.
    work=$clone/work
    (cd "$clone/repo" && FLOE_HELM_WORK_DIR=$work bash -euo pipefail -c "$cmd") ||
      die "the main job's command from README.md failed (exit $?) on a fresh clone: $cmd"
    [ -s "$work/gate.results.json" ] || die "the main job's command exited 0 but wrote no $work/gate.results.json"
    node -e '
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      const checks = r.checks ?? [];
      if (!checks.length) { console.error("validate-quickstart: gate.results.json records no check"); process.exit(1); }
      if (r.status !== "pass") { console.error(`validate-quickstart: the gate exited 0 but its results say ${r.status}`); process.exit(1); }
      const by = {};
      for (const c of checks) by[c.state] = (by[c.state] ?? 0) + 1;
      console.log(`validate-quickstart: the gate ran ${checks.length} checks (${Object.entries(by).map(([k, v]) => `${v} ${k}`).join(", ")})`);
    ' "$work/gate.results.json"
    printf 'validate-quickstart: the README quick start (main job) works on a fresh clone (%ss)\n' "$((SECONDS - start))"
    ;;
  test)
    cmd=$(command_of test)
    [ -n "$cmd" ] || die "README.md: no command for the tests"
    printf 'validate-quickstart: running, as the README writes it:\n  %s\n' "$cmd"
    (cd "$root" && bash -euo pipefail -c "$cmd") || die "the tests' command from README.md failed: $cmd"
    ;;
  *)
    die "usage: scripts/validate-quickstart.sh gate | test | --print gate|test"
    ;;
esac
