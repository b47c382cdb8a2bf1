#!/usr/bin/env bash
# Publishes the Native AOT `shipshape` binary and checks that it writes byte-identical reports to the
# framework-dependent build on the bundled samples (the AOT build must not change behaviour: trimming or
# missing metadata would show up here as a difference or a crash).
#
# Usage: tools/aot-check.sh          (from any directory; exits non-zero on any mismatch)
# Output: artifacts/aot/shipshape (the binary), artifacts/fdd/shipshape.dll (framework-dependent build),
#         artifacts/aot-check/ (the compared reports, kept for inspection on failure).
set -euo pipefail

cd "$(dirname "$0")/.."

# The RID follows the machine: Native AOT does not cross-compile between OSes/architectures by default.
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
  *) echo "aot-check: unsupported architecture $(uname -m)" >&2; exit 2 ;;
esac

# Native AOT links with the platform C toolchain. The SDK tries `clang` first and falls back to `gcc`, so
# either one is enough; a versioned clang (e.g. Debian's clang-14 without the `clang` alternative) is passed
# explicitly. zlib1g-dev is not needed: since .NET 9 the runtime pack ships its own static libz.a.
publish_args=()
if ! command -v clang > /dev/null && ! command -v gcc > /dev/null; then
  versioned_clang="$(compgen -c clang- | grep -E '^clang-[0-9]+$' | sort -V | tail -n 1 || true)"
  if [[ -n "$versioned_clang" ]]; then
    publish_args+=("-p:CppCompilerAndLinker=$versioned_clang")
  elif [[ "$(id -u)" == 0 ]] && command -v apt-get > /dev/null; then
    echo "aot-check: installing clang (Native AOT linker)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq > /dev/null
    apt-get install -y -qq --no-install-recommends clang > /dev/null
  else
    echo "aot-check: Native AOT needs clang or gcc on PATH (e.g. sudo apt-get install clang)" >&2
    exit 2
  fi
fi

echo "aot-check: publishing the Native AOT binary ($rid)"
publish_log="$(mktemp)"
trap 'rm -f "$publish_log"' EXIT
if ! dotnet publish src/Shipshape.Cli -c Release -r "$rid" -p:PublishAot=true -o artifacts/aot \
    "${publish_args[@]}" -nologo > "$publish_log" 2>&1; then
  cat "$publish_log" >&2
  echo "aot-check: FAIL (publish)" >&2
  exit 1
fi
# TreatWarningsAsErrors covers the C# compiler; the trim/AOT analysis (IL2xxx/IL3xxx, including the IL2104
# summaries for packages) runs in ILC, so its warnings are checked here: the publish must be warning-free.
if grep -E 'warning [A-Z]+[0-9]+' "$publish_log" >&2; then
  echo "aot-check: FAIL (the AOT publish has warnings)" >&2
  exit 1
fi

echo "aot-check: building the framework-dependent CLI"
# A separate output directory keeps it apart from the RID-specific publish intermediates.
if ! dotnet build src/Shipshape.Cli -c Release -o artifacts/fdd -nologo -v:q > "$publish_log" 2>&1; then
  cat "$publish_log" >&2
  echo "aot-check: FAIL (build)" >&2
  exit 1
fi

aot=artifacts/aot/shipshape
fdd=(dotnet artifacts/fdd/shipshape.dll)
out=artifacts/aot-check
rm -rf "$out"
mkdir -p "$out"

failures=0

# Runs one command line with both builds and compares standard output byte for byte. Exit codes must match
# and be 0 (clean) or 1 (findings); 2 (usage) and 3 (internal error) are failures even when both agree.
compare() {
  local name="$1"
  shift
  local aot_code=0 fdd_code=0
  "$aot" "$@" > "$out/$name.aot" 2> "$out/$name.aot.err" || aot_code=$?
  "${fdd[@]}" "$@" > "$out/$name.fdd" 2> "$out/$name.fdd.err" || fdd_code=$?

  local verdict=PASS detail="exit $aot_code, $(wc -c < "$out/$name.aot") bytes"
  if [[ "$aot_code" != "$fdd_code" ]]; then
    verdict=FAIL detail="exit codes differ: aot $aot_code, framework-dependent $fdd_code"
  elif [[ "$aot_code" != 0 && "$aot_code" != 1 ]]; then
    verdict=FAIL detail="exit $aot_code: $(head -n 1 "$out/$name.aot.err" | cut -c 1-160)"
  elif ! cmp -s "$out/$name.aot" "$out/$name.fdd"; then
    verdict=FAIL detail="outputs differ: $(cmp "$out/$name.aot" "$out/$name.fdd" 2>&1 || true)"
  fi

  printf '%-4s  %-28s  %s\n' "$verdict" "$name" "$detail"
  if [[ "$verdict" == FAIL ]]; then
    failures=$((failures + 1))
  fi
}

for sample in ecs-insecure ecs-hardened; do
  for format in json sarif; do
    compare "$sample.$format" scan "samples/$sample" --format "$format"
  done
done
# ASFF and OCSF carry the export time: SOURCE_DATE_EPOCH fixes it, so both builds must write the same bytes.
export SOURCE_DATE_EPOCH=1767225600
for format in asff ocsf; do
  compare "ecs-insecure.$format" scan samples/ecs-insecure --format "$format" --aws-account-id 111122223333 --aws-region eu-west-1
done
unset SOURCE_DATE_EPOCH
# The rule catalogue comes from embedded YAML resources: a cheap check that they survive AOT compilation.
compare rules.json rules --format json

size="$(stat -c %s "$aot")"
echo "aot-check: binary $aot is $size bytes ($(numfmt --to=iec-i --suffix=B "$size"))"

if ((failures > 0)); then
  echo "aot-check: FAIL ($failures mismatch(es); reports in $out/)" >&2
  exit 1
fi
echo "aot-check: PASS"
