#!/usr/bin/env bash
# Scans generated hostile inputs (tools/hostile/generate.py) one at a time with a Release build and prints, per
# case, the exit code, wall time, peak memory and the first diagnostics: the figures behind "never hang, never
# exceed 1 GB". Usage: tools/hostile-bench.sh [TIMEOUT_SECONDS]   (default 30; needs python3 and GNU time)
set -euo pipefail
cd "$(dirname "$0")/.."
limit="${1:-30}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
command -v python3 >/dev/null || { echo "hostile-bench: python3 is needed to generate the inputs" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "hostile-bench: GNU time (/usr/bin/time, Debian package 'time') is needed" >&2; exit 2; }

dotnet build src/Shipshape.Cli -c Release -o "$work/bin" -v q -nologo >/dev/null
python3 tools/hostile/generate.py "$work/cases"
cd "$work/cases"
printf '%-22s %4s %8s %9s  %s\n' case exit seconds "peak MiB" "first diagnostics"
worst_time=0; worst_mem=0
for dir in */; do
  name="${dir%/}"
  [ "$name" = outside ] && continue
  args="$(cat "$name.args" 2>/dev/null || true)"
  set +e
  # shellcheck disable=SC2086
  /usr/bin/time -f '%e %M' -o "$work/time" timeout "$limit" dotnet "$work/bin/shipshape.dll" scan "$name" --format json $args >"$work/out.json" 2>"$work/err.txt"
  code=$?
  set -e
  read -r seconds kib < <(tail -n 1 "$work/time")
  mib=$((kib / 1024))
  first="$( (grep -v '^Scanning' "$work/err.txt" || true) | head -n 2 | cut -c1-110 | tr '\n' '|')"
  printf '%-22s %4s %8s %9s  %s\n' "$name" "$code" "$seconds" "$mib" "$first"
  worst_mem=$(( mib > worst_mem ? mib : worst_mem ))
  worst_time=$(python3 -c "print(max($worst_time, $seconds))")
done
echo "slowest case: ${worst_time} s; largest peak memory: ${worst_mem} MiB (exit 124 would be a hang past ${limit} s)"
