#!/usr/bin/env bash
# Times Shipshape's secret scan against the keyword floor (ripgrep searching every rule keyword, which finds
# keywords only) and against secretlint with its recommended preset, on one corpus; then a git-history scan.
# Usage: tools/secrets-bench.sh [CORPUS_DIR]   (default: ../shared/corpus plus a generated tree in /tmp)
# Installs ripgrep (apt) and secretlint (npm, into a temp directory outside the repository) when missing.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${TMPDIR:-/tmp}/shipshape-secrets-bench"
# Eleven copies beside the shared corpus: about 150 MB of content, the size the secrets issue measures on.
copies="${BENCH_COPIES:-11}"
mkdir -p "$work"

now() { date +%s.%N; }
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", (b / 1048576) / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# The product is the Native AOT binary (BENCH_BUILD=jit times the framework-dependent build instead).
if [[ "${BENCH_BUILD:-aot}" == "aot" ]]; then
  echo "== build (Native AOT)" >&2
  dotnet publish "$repo/src/Shipshape.Cli" -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot" >/dev/null
  shipshape="$work/aot/shipshape"
else
  echo "== build (Release, JIT)" >&2
  dotnet publish "$repo/src/Shipshape.Cli" -c Release -o "$work/bin" -p:UseAppHost=true >/dev/null
  shipshape="$work/bin/shipshape"
fi

corpus="${1:-}"
if [[ -z "$corpus" ]]; then
  corpus="$work/corpus"
  rm -rf "$corpus" && mkdir -p "$corpus"
  shared="$repo/../shared/corpus"
  [[ -d "$shared" ]] || shared="$repo/samples"
  echo "== corpus: $shared and $copies generated copies with secrets planted" >&2
  cp -r "$shared" "$corpus/shared"
  for i in $(seq 1 "$copies"); do
    mkdir -p "$corpus/generated-$i"
    cp -r "$shared/." "$corpus/generated-$i/"
    # A few planted secrets per copy, so every tool has something to find.
    printf 'GH_TOKEN=ghp_4Rk9ZqT2mX7vB1nC8dE5fG3hJ6kL0pQ2s%04d\naws_access_key_id = AKIAZ3MHQWNN5YPK%04d\n' "$i" "$i" > "$corpus/generated-$i/planted.env"
  done
fi
# The bytes of the files' contents (du would add directory entries and block rounding).
bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
files=$(find "$corpus" -type f | wc -l)
echo "corpus: $corpus, $files files, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }') MiB, $(nproc) cores"

# Keywords of the built-in rules, one per line, for the ripgrep floor.
grep -E '^keywords = ' "$repo/src/Shipshape.Secrets/Rules/builtin.toml" | sed -E 's/^keywords = \[//; s/\]$//' | tr ',' '\n' \
  | sed -E 's/^ *"//; s/" *$//' | sort -u > "$work/keywords.txt"

if ! command -v rg >/dev/null; then
  echo "== installing ripgrep" >&2
  (apt-get update -qq && apt-get install -y -qq ripgrep) >/dev/null
fi

secretlint_dir="$work/secretlint"
if [[ ! -x "$secretlint_dir/node_modules/.bin/secretlint" ]]; then
  echo "== installing secretlint into $secretlint_dir" >&2
  mkdir -p "$secretlint_dir"
  (cd "$secretlint_dir" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund secretlint @secretlint/secretlint-rule-preset-recommend >/dev/null)
fi
printf '{ "rules": [ { "id": "@secretlint/secretlint-rule-preset-recommend" } ] }\n' > "$secretlint_dir/.secretlintrc.json"

echo "== warm-up (file cache)" >&2
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews every figure)"
find "$corpus" -type f -exec cat {} + >/dev/null 2>&1 || true

# Best of three runs each, alternating, so that a burst of other work on the machine does not decide the figure.
best() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'; }
shipshape_s=""
rg_s=""
for run in 1 2 3; do
  start=$(now)
  "$shipshape" scan "$corpus" --scanners secrets --format json --output "$work/shipshape.json" --quiet || true
  shipshape_s=$(best "$shipshape_s" "$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')")

  start=$(now)
  rg --no-ignore --hidden -i -F -c -f "$work/keywords.txt" "$corpus" >/dev/null || true
  rg_s=$(best "$rg_s" "$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')")
done
shipshape_findings=$(grep -c '"ruleId"' "$work/shipshape.json" || true)

echo
printf '%-34s %8s s %10s MiB/s  (best of 3)\n' "shipshape --scanners secrets" "$(printf '%.2f' "$shipshape_s")" "$(mbps "$bytes" "$shipshape_s")"
printf '%-34s %8s s %10s MiB/s  (best of 3)\n' "ripgrep keyword floor ($(wc -l < "$work/keywords.txt") words)" "$(printf '%.2f' "$rg_s")" "$(mbps "$bytes" "$rg_s")"
echo "shipshape / ripgrep floor time: $(ratio "$shipshape_s" "$rg_s")x   (target: within 3x; 100 MB/s, here $(awk -v b="$bytes" -v s="$shipshape_s" 'BEGIN { printf "%.1f", b / 1e6 / s }') MB/s)"
echo "shipshape findings: $shipshape_findings"

# secretlint is far slower: it gets one slice of the corpus (the first directory) and its throughput is compared.
slice="$(find "$corpus" -mindepth 1 -maxdepth 1 -type d | sort | head -1)"
slice_bytes=$(du -sb "$slice" | cut -f1)
start=$(now)
secretlint_status=0
(cd "$secretlint_dir" && timeout "${SECRETLINT_TIMEOUT:-600}" ./node_modules/.bin/secretlint --secretlintrc .secretlintrc.json --format json "$slice/**/*" > "$work/secretlint.json" 2>/dev/null) || secretlint_status=$?
secretlint_s=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')
if [[ $secretlint_status -eq 124 ]]; then
  echo "secretlint did not finish within ${SECRETLINT_TIMEOUT:-600} s: its figures below are upper bounds on its speed"
fi
start=$(now)
"$shipshape" scan "$slice" --scanners secrets --format json --output "$work/shipshape-slice.json" --quiet || true
slice_s=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')
printf '%-34s %8s s %10s MiB/s  (slice %s, %.1f MiB)\n' "secretlint (preset-recommend)" "$(printf '%.2f' "$secretlint_s")" "$(mbps "$slice_bytes" "$secretlint_s")" "$(basename "$slice")" "$(awk -v b="$slice_bytes" 'BEGIN { print b / 1048576 }')"
printf '%-34s %8s s %10s MiB/s  (same slice)\n' "shipshape --scanners secrets" "$(printf '%.2f' "$slice_s")" "$(mbps "$slice_bytes" "$slice_s")"
echo "secretlint / shipshape time on the slice: $(ratio "$secretlint_s" "$slice_s")x"

# Git history: a repository built from the corpus over several commits, each changing a slice of the files.
history="$work/history-repo"
if ! git -C "$history" rev-parse -q --verify HEAD >/dev/null 2>&1; then
  echo "== building a history repository" >&2
  rm -rf "$history" && mkdir -p "$history"
  cp -r "${shared:-$corpus}/." "$history/"
  find "$history" -mindepth 2 -name .git -prune -exec rm -rf {} +
  git -C "$history" -c init.defaultBranch=main init -q
  git -C "$history" add -A && git -C "$history" -c user.name=bench -c user.email=bench@example.com commit -qm "import"
  mapfile -t all_files < <(cd "$history" && git ls-files)
  for c in $(seq 1 20); do
    for ((k = c; k < ${#all_files[@]}; k += 20)); do echo "# revision $c" >> "$history/${all_files[$k]}"; done
    git -C "$history" add -A && git -C "$history" -c user.name=bench -c user.email=bench@example.com commit -qm "revision $c"
  done
  git -C "$history" gc -q
fi
start=$(now)
"$shipshape" scan "$history" --scanners secrets --format json --output "$work/history-tree.json" --quiet || true
tree_s=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')
start=$(now)
"$shipshape" scan "$history" --git-history --scanners secrets --format json --output "$work/history.json" --quiet || true
history_s=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')
summary=$(grep -o 'git history: [^"]*' "$work/history.json" || echo "git history: (no summary)")
history_mib=$(echo "$summary" | sed -E 's/.* ([0-9.]+) MiB scanned.*/\1/')
echo "$summary"
# The history's own time: the scan with history less the same scan of the tree alone.
history_only_s=$(awk -v a="$history_s" -v b="$tree_s" 'BEGIN { d = a - b; print (d > 0.001 ? d : 0.001) }')
echo "git history alone: $(printf '%.2f' "$history_only_s") s, $(awk -v m="$history_mib" -v s="$history_only_s" 'BEGIN { printf "%.1f", m / s }') MiB/s of blob content (target: 50 MB/s)"
echo "git history (including the tree scan): $(printf '%.2f' "$history_s") s, $(awk -v m="$history_mib" -v s="$history_s" 'BEGIN { printf "%.1f", m / s }') MiB/s of file versions"
