#!/usr/bin/env bash
# Times the Native AOT `shipshape` binary scanning the samples, next to the framework-dependent build
# (`dotnet shipshape.dll`) for comparison: startup dominates on inputs this small, which is what AOT improves.
#
# Usage: tools/bench.sh [RUNS]       (from any directory; RUNS defaults to 10)
# Uses hyperfine when installed (apt-get install hyperfine), otherwise a plain bash loop.
# Builds artifacts/aot/shipshape and artifacts/fdd/shipshape.dll first when missing (tools/aot-check.sh
# builds and verifies both).
set -euo pipefail

cd "$(dirname "$0")/.."

runs="${1:-10}"
aot=artifacts/aot/shipshape
fdd=artifacts/fdd/shipshape.dll

case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
  *) echo "bench: unsupported architecture $(uname -m)" >&2; exit 2 ;;
esac

if [[ ! -x "$aot" ]]; then
  echo "bench: publishing $aot (see tools/aot-check.sh for the toolchain prerequisites)"
  dotnet publish src/Shipshape.Cli -c Release -r "$rid" -p:PublishAot=true -o artifacts/aot -nologo -v:q > /dev/null
fi
if [[ ! -f "$fdd" ]]; then
  echo "bench: building $fdd"
  dotnet build src/Shipshape.Cli -c Release -o artifacts/fdd -nologo -v:q > /dev/null
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Each scan is checked once before timing: 0 (clean) and 1 (findings) are normal outcomes, anything else
# (usage or internal error) would make the timings meaningless.
check() {
  local code=0
  "$@" > /dev/null 2>&1 || code=$?
  if [[ "$code" != 0 && "$code" != 1 ]]; then
    echo "bench: '$*' exited $code" >&2
    exit 1
  fi
}

# Prints "mean min" in milliseconds for RUNS runs of the command (after one warm-up run, so the file cache
# is warm for both builds alike).
measure() {
  if command -v hyperfine > /dev/null; then
    # --ignore-failure: a scan with findings exits 1 by design. -N: no intermediate shell, so the shell's
    # own startup is not counted.
    hyperfine -N --ignore-failure --warmup 1 --runs "$runs" --style none \
      --export-csv "$work/result.csv" -- "$(printf '%q ' "$@")" > /dev/null 2>&1
    # CSV columns: command,mean,stddev,median,user,system,min,max (seconds).
    awk -F, 'NR == 2 { printf "%.1f %.1f\n", $2 * 1000, $7 * 1000 }' "$work/result.csv"
  else
    local i start elapsed total=0 min=
    "$@" > /dev/null 2>&1 || true
    for ((i = 0; i < runs; i++)); do
      start="$(date +%s%N)"
      "$@" > /dev/null 2>&1 || true
      elapsed=$(($(date +%s%N) - start))
      total=$((total + elapsed))
      if [[ -z "$min" || "$elapsed" -lt "$min" ]]; then min="$elapsed"; fi
    done
    awk -v total="$total" -v min="$min" -v n="$runs" 'BEGIN { printf "%.1f %.1f\n", total / n / 1e6, min / 1e6 }'
  fi
}

if command -v hyperfine > /dev/null; then tool="hyperfine $(hyperfine --version | cut -d' ' -f2)"; else tool="bash loop"; fi
echo "bench: $runs runs each ($tool), times in ms; binary $aot is $(numfmt --to=iec-i --suffix=B "$(stat -c %s "$aot")")"
printf '%-22s %-20s %10s %10s\n' target build mean min
printf '%-22s %-20s %10s %10s\n' ---------------------- -------------------- ---------- ----------

row() {
  local target="$1" build="$2"
  shift 2
  check "$@"
  read -r mean min < <(measure "$@")
  printf '%-22s %-20s %10s %10s\n' "$target" "$build" "$mean" "$min"
}

# `version` isolates process startup; the scans add discovery, parsing, rules and the JSON report.
row "version" aot "$aot" version
row "version" framework-dependent dotnet "$fdd" version
for target in samples/ecs-insecure samples/ecs-hardened samples; do
  row "$target" aot "$aot" scan "$target" --format json
  row "$target" framework-dependent dotnet "$fdd" scan "$target" --format json
done

# A larger, real-world corpus (when checked out next to the repository): one timed AOT scan.
corpus=../shared/corpus/realworld
if [[ -d "$corpus" ]]; then
  code=0
  start="$(date +%s%N)"
  "$aot" scan "$corpus" --format json > "$work/corpus.json" 2> /dev/null || code=$?
  elapsed=$(($(date +%s%N) - start))
  files="$(jq -r '.summary.filesScanned // "?"' "$work/corpus.json" 2> /dev/null || echo '?')"
  findings="$(jq -r '.summary.findings // "?"' "$work/corpus.json" 2> /dev/null || echo '?')"
  echo
  echo "bench: $corpus (aot, 1 run): $files files scanned, $findings findings, exit $code, $((elapsed / 1000000)) ms"
fi
