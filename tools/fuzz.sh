#!/usr/bin/env bash
# Fuzzes one Shipshape component with afl-fuzz through SharpFuzz (tools/fuzz/Shipshape.Fuzz).
#
# Usage: tools/fuzz.sh TARGET MINUTES     build, instrument, seed, run afl-fuzz, summarise
#        tools/fuzz.sh list               the targets
#        tools/fuzz.sh repro TARGET FILE... rerun the harness on inputs, printing each exception and stack
#        tools/fuzz.sh triage TARGET      rerun the last run's crashes and hangs, group them by stack
#        tools/fuzz.sh shrink TARGET FILE shrink a crashing input, keeping its exception and frames (FILE.min)
#        tools/fuzz.sh tmin TARGET FILE   minimise with afl-tmin (FILE.min; may drift to another crash)
#
# Everything is written outside the repository, under $SHIPSHAPE_FUZZ_DIR (default /tmp/shipshape-fuzz):
#   bin/                 the Release build with the Shipshape assemblies (and YamlDotNet, Tomlyn) instrumented
#   TARGET/corpus        the seeds, from samples/, tests/Shipshape.Tests/Fixtures/, builtin.toml, generated
#                        archives and a git pack made with git in a temporary repository (and ../shared/corpus
#                        when it is there)
#   TARGET/out/default/  afl-fuzz's state: crashes/, hangs/, queue/, fuzzer_stats
#   TARGET/triage.txt    each crash rerun: exception and top frames
# Installs afl++ (apt-get, as root) and the sharpfuzz dotnet tool when they are missing.
# Environment: FUZZ_TIMEOUT_MS (per-execution timeout, default 3000), SHIPSHAPE_FUZZ_DIR.
set -euo pipefail

cd "$(dirname "$0")/.."
repo="$(pwd)"
work_root="${SHIPSHAPE_FUZZ_DIR:-/tmp/shipshape-fuzz}"
bin="$work_root/bin"
timeout_ms="${FUZZ_TIMEOUT_MS:-3000}"
sharpfuzz_version=2.3.0
targets=(yaml-json hcl-parse hcl-eval cfn dockerfile gitleaks-toml archive git-pack)
export PATH="$PATH:$HOME/.dotnet/tools"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say() { echo "fuzz: $*"; }
die() { echo "fuzz: error: $*" >&2; exit 1; }

usage() {
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
  echo "targets: ${targets[*]}" >&2
  exit 2
}

is_target() {
  local t
  for t in "${targets[@]}"; do [[ "$t" == "$1" ]] && return 0; done
  return 1
}

ensure_tools() {
  if ! command -v afl-fuzz > /dev/null; then
    command -v apt-get > /dev/null || die "afl-fuzz is missing and there is no apt-get to install afl++"
    [[ "$(id -u)" == 0 ]] || die "afl-fuzz is missing: run 'apt-get install -y afl++' as root"
    say "installing afl++"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ > /dev/null \
      || die "apt-get install afl++ failed"
  fi
  if ! command -v sharpfuzz > /dev/null; then
    say "installing the sharpfuzz tool (SharpFuzz.CommandLine $sharpfuzz_version)"
    dotnet tool install --global SharpFuzz.CommandLine --version "$sharpfuzz_version" > /dev/null \
      || die "dotnet tool install SharpFuzz.CommandLine failed"
  fi
  command -v git > /dev/null || die "git is needed (the git-pack seeds are made with it)"
}

# Release build into $bin, then SharpFuzz's in-place instrumentation of the assemblies under test.
build() {
  say "building tools/fuzz/Shipshape.Fuzz (Release) into $bin"
  rm -rf "$bin"
  mkdir -p "$work_root"
  if ! dotnet publish tools/fuzz/Shipshape.Fuzz -c Release -o "$bin" -nologo -v:q > "$work_root/build.log" 2>&1; then
    tail -30 "$work_root/build.log" >&2
    die "build failed (log: $work_root/build.log)"
  fi
  local dll
  for dll in "$bin"/Shipshape.*.dll "$bin"/YamlDotNet.dll "$bin"/Tomlyn.dll; do
    [[ "$(basename "$dll")" == Shipshape.Fuzz.dll ]] && continue
    [[ -f "$dll" ]] || continue
    sharpfuzz "$dll" > /dev/null 2>> "$work_root/build.log" || die "sharpfuzz could not instrument $dll (log: $work_root/build.log)"
  done
  say "instrumented: $(cd "$bin" && ls Shipshape.*.dll YamlDotNet.dll Tomlyn.dll | grep -v Shipshape.Fuzz.dll | tr '\n' ' ')"
}

harness() { dotnet "$bin/Shipshape.Fuzz.dll" "$@"; }

# Copies the repository's files matching the find expression into $1 (at most $2, each under 64 KB), then
# up to $2/2 more from ../shared/corpus when it is there (the smallest of at least 100 bytes).
seed_files() {
  local dest="$1" max="$2"; shift 2
  local roots=()
  local r
  for r in samples tests/Shipshape.Tests/Fixtures; do [[ -d "$r" ]] && roots+=("$r"); done
  {
    find "${roots[@]}" -type f -size -64k \( "$@" \) -printf '%s %p\n' | sort -n | sed -n "1,${max}p"
    if [[ -d ../shared/corpus ]]; then
      find ../shared/corpus -type f -size +99c -size -64k \( "$@" \) -printf '%s %p\n' | sort -n | sed -n "1,$((max / 2))p"
    fi
  } | while read -r _ path; do cp "$path" "$dest/$(echo "$path" | tr -d . | tr '/' '_')"; done
}

seed() {
  local target="$1" corpus="$2" dict="$3"
  rm -rf "$corpus"
  mkdir -p "$corpus"
  local words=()
  case "$target" in
    yaml-json)
      seed_files "$corpus" 40 -name '*.yaml' -o -name '*.yml' -o -name '*.json'
      printf 'a: &x [1, {b: *x}]\nc: !!str 3\n---\n- ? k\n  : v\n' > "$corpus/inline-anchors.yaml"
      printf '{"a":[1,2.5e3,true,null,{"b":"\\u00e9\\n"}]}\n' > "$corpus/inline.json"
      printf 'k: |\n  block\n  text\nm: >-\n  folded\n' > "$corpus/inline-block.yaml"
      words=('"&"' '"*"' '"!!"' '"!Ref"' '"---"' '"..."' '"? "' '": "' '"- "' '"|-"' '">+"' '"%YAML 1.2"' '"%TAG"' '"<<: "' '"{"' '"}"' '"["' '"]"' '"\\u"' '"true"' '"null"' '"1e9"')
      ;;
    hcl-parse | hcl-eval)
      seed_files "$corpus" 40 -name '*.tf' -o -name '*.tfvars'
      cat > "$corpus/inline-exprs.tf" << 'EOF'
locals {
  a = [for i, v in var.list : upper(v) if i > 0]
  b = { for k, v in local.m : k => v... }
  c = "x-${local.a[0]}-%{ if true }y%{ else }z%{ endif }"
  d = var.obj[*].id
  e = try(jsondecode("{\"k\":1}").k, 0) + length(split(",", "a,b"))
  f = <<-EOT
    heredoc ${format("%05.1f", 3.14159)}
  EOT
}
a = cidrsubnet("10.0.0.0/16", 8, 2)
b = templatefile("self.tpl", { x = 1 })
c = a == "" ? tostring(null) : merge({ a = 1 }, { b = [1, 2] })
EOF
      words=('"${"' '"%{"' '"}"' '"<<EOF"' '"<<-EOT"' '"EOT"' '"for"' '"in"' '"if"' '"else"' '"endif"' '"endfor"' '"=>"' '"..."' '"[*]"' '".*"' '"?"' '":"' '"=="' '"!="' '"&&"' '"||"' '"local."' '"var."' '"count.index"' '"each.key"' '"jsondecode("' '"jsonencode("' '"templatefile(\x22self.tpl\x22, "' '"file(\x22x.tf\x22)"' '"format("' '"regex("' '"cidrsubnet("' '"try("' '"can("' '"lookup("' '"merge("' '"flatten("' '"range("' '"base64decode("' '"replace("' '"substr("' '"tonumber("' '"1e308"' '"0x"' '"~}"')
      ;;
    cfn)
      seed_files "$corpus" 30 -path '*cloudformation*' \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' \)
      cat > "$corpus/inline-intrinsics.yaml" << 'EOF'
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env: {Type: String, Default: prod}
Mappings:
  M: {prod: {Size: "2"}}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  Both: !And [!Condition IsProd, !Not [!Equals ["a", "b"]]]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Condition: Both
    Properties:
      BucketName: !Sub "${AWS::StackName}-${Env}-b"
      Tags:
        - Key: k
          Value: !If [IsProd, !FindInMap [M, !Ref Env, Size], !Ref "AWS::NoValue"]
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: !Join ["", [ecs, ".amazonaws.com"]]}, Action: "sts:AssumeRole"}]}
      ManagedPolicyArns: [!GetAtt Bucket.Arn, !Select [0, !Split [",", "a,b"]]]
EOF
      words=('"!Ref"' '"!Sub"' '"!GetAtt"' '"!If"' '"!Join"' '"!Select"' '"!Split"' '"!FindInMap"' '"!Equals"' '"!And"' '"!Or"' '"!Not"' '"!Condition"' '"!Base64"' '"!ImportValue"' '"!GetAZs"' '"!Cidr"' '"Fn::If"' '"Fn::Sub"' '"Fn::GetAtt"' '"Ref"' '"Condition"' '"Conditions"' '"Parameters"' '"Mappings"' '"Resources"' '"Properties"' '"Type"' '"AWS::"' '"AWS::NoValue"' '"${"' '"AWS::ECS::TaskDefinition"' '"AWS::S3::Bucket"' '"AWS::IAM::Role"' '"Fn::ForEach"')
      ;;
    dockerfile)
      seed_files "$corpus" 40 -name 'Dockerfile*' -o -name '*.dockerfile' -o -name 'Containerfile*'
      cat > "$corpus/inline.Dockerfile" << 'DOCKERFILE'
# syntax=docker/dockerfile:1
# escape=\
ARG BASE=alpine:3.19
FROM ${BASE} AS build
RUN apk add --no-cache curl && \
    curl -fsSL https://example.com/x | sh ; echo "$(id -u)" > /tmp/u
COPY --chown=1000:1000 --from=build ["a b", "/dst/"]
RUN <<EOF
set -e
echo heredoc
EOF
ENV A=1 B="two words"
USER root
HEALTHCHECK --interval=5s CMD ["curl", "-f", "http://localhost/"]
ENTRYPOINT ["/bin/sh", "-c"]
DOCKERFILE
      words=('"FROM"' '"AS"' '"RUN"' '"CMD"' '"ENTRYPOINT"' '"USER"' '"ENV"' '"ARG"' '"COPY"' '"ADD"' '"HEALTHCHECK"' '"ONBUILD"' '"SHELL"' '"EXPOSE"' '"WORKDIR"' '"--mount=type=secret"' '"--chown="' '"--from="' '"<<EOF"' '"\\\x0a"' '"&&"' '"||"' '";"' '"|"' '"$("' '"`"' '"${"' '"sudo"' '"curl"' '"apt-get install -y"' '"# escape=`"')
      ;;
    gitleaks-toml)
      # One seed per 25th built-in rule (the whole file, 150 KB and 275 regexes, is too slow per execution).
      awk -v dir="$corpus" '
        /^\[\[rules\]\]/ { n++; if (out) close(out); out = (n % 25 == 1) ? sprintf("%s/builtin-rule-%03d.toml", dir, n) : "" }
        out { print > out }' src/Shipshape.Secrets/Rules/builtin.toml
      cat > "$corpus/inline-config.toml" << 'EOF'
title = "custom"
[extend]
useDefault = true
disabledRules = ["generic-api-key"]
[allowlist]
paths = ['''(^|/)vendor/''']
regexes = ['''EXAMPLE''']
[[allowlists]]
targetRules = ["my-token"]
condition = "AND"
regexTarget = "line"
stopwords = ["dummy"]
[[rules]]
id = "my-token"
description = "My token"
regex = '''(?i)my_token\s*[:=]\s*["']?(?P<secret>[a-z0-9]{32})'''
secretGroup = 1
entropy = 3.5
keywords = ["my_token"]
tags = ["custom"]
[[rules.allowlists]]
regexes = ['''^0+$''']
my_token = "0123456789abcdef0123456789abcdef"
EOF
      words=('"[[rules]]"' '"[extend]"' '"[allowlist]"' '"[[allowlists]]"' '"[[rules.allowlists]]"' '"id = "' '"regex = "' '"secretGroup = "' '"entropy = "' '"keywords = "' '"path = "' '"tags = "' '"stopwords = "' '"regexTarget = "' '"condition = "' '"useDefault = true"' '"disabledRules"' '"targetRules"' '"\x27\x27\x27"' '"(?P<"' '"(?i)"' '"[[:alpha:]]"' '"\\b"' '"{1,99}"' '"\\x"')
      ;;
    archive)
      harness archive-seeds "$corpus" > /dev/null
      words=('"PK\x03\x04"' '"PK\x01\x02"' '"PK\x05\x06"' '"PK\x06\x06"' '"\x1f\x8b\x08"' '"ustar\x00"' '"ustar  \x00"' '"././@LongLink"' '"path="' '"size="')
      ;;
    inventory)
      printf 'lodash@^4.17.21:\n  version "4.17.21"\n\n"@types/node@npm:^20.0.0":\n  version: 20.11.5\n  linkType: hard\n' > "$corpus/yarn.lock"
      printf "lockfileVersion: '6.0'\n\npackages:\n\n  /react-dom@18.2.0(react@18.2.0):\n    resolution: {integrity: x}\n" > "$corpus/pnpm-lock.yaml"
      printf 'module x\n\ngo 1.21\n\nrequire (\n\tgithub.com/a/b v1.0.0 // indirect\n)\nreplace github.com/a/b => github.com/c/d v1.1.0\n' > "$corpus/go.mod"
      printf 'github.com/a/b v1.0.0 h1:x=\ngithub.com/a/b v1.0.0/go.mod h1:y=\n' > "$corpus/go.sum"
      # An rpmdb.sqlite as rpm 4.16 writes it: 20 rows of one header blob (index entries, then the data store), spilling onto overflow pages.
      if command -v python3 > /dev/null; then
        python3 - "$corpus/rpmdb.sqlite" <<'PY'
import sqlite3, struct, sys
db = sqlite3.connect(sys.argv[1])
db.execute("CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)")
data = b"bash\x005.1.8\x009.el9\x00x86_64\x00" + b"x" * 3000 + b"\x00"
tags = [(1000, 6, 0), (1001, 6, 5), (1002, 6, 11), (1022, 6, 17), (1005, 9, 24)]
blob = struct.pack(">ii", len(tags), len(data)) + b"".join(struct.pack(">iiii", t, ty, o, 1) for t, ty, o in tags) + data
db.executemany("INSERT INTO Packages (blob) VALUES (?)", [(blob,)] * 20)
db.commit()
PY
      fi
      words=('"SQLite format 3\x00"' '"\x0d"' '"\x05"' '"\x7fELF"' '"\xff Go buildinf:"' '"mod\t"' '"dep\t"' '"=>\t"' '"version "' '"linkType: soft"' '"packages:"' '"require ("' '"replace "' '"/go.mod"' '"PK\x03\x04"' '"META-INF/MANIFEST.MF"')
      ;;
    git-pack)
      local tmp
      tmp="$(mktemp -d)"
      (
        cd "$tmp"
        git init -q -b main repo && cd repo
        g() { git -c user.name=fuzz -c user.email=fuzz@invalid -c commit.gpgsign=false "$@"; }
        seq 1 200 | sed 's/$/ line of text that git can delta against/' > a.txt
        printf 'aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"\n' > .env
        mkdir d && echo nested > d/n.txt
        g add -A && g commit -q -m one
        sed -i 's/^100 line/100 changed line/' a.txt && echo more >> d/n.txt
        g add -A && g commit -q -m two
        g tag -a v1 -m tag
        g repack -q -a -d -f --depth=10 --window=10
        mkdir -p ../ofs && cp .git/objects/pack/pack-*.idx ../ofs/p.idx && cp .git/objects/pack/pack-*.pack ../ofs/p.pack
        g -c repack.useDeltaBaseOffset=false repack -q -a -d -f --depth=10 --window=10
        mkdir -p ../ref && cp .git/objects/pack/pack-*.idx ../ref/p.idx && cp .git/objects/pack/pack-*.pack ../ref/p.pack
      ) || die "could not make the git seed repository in $tmp"
      harness git-seed "$tmp/ofs/p.idx" "$tmp/ofs/p.pack" "$corpus/ofs-delta.bin" > /dev/null
      harness git-seed "$tmp/ref/p.idx" "$tmp/ref/p.pack" "$corpus/ref-delta.bin" > /dev/null
      rm -rf "$tmp"
      words=('"PACK"' '"\x00\x00\x00\x02"' '"\xfftOc"')
      ;;
  esac
  printf '%s\n' "${words[@]}" > "$dict"
  local n
  n=$(find "$corpus" -type f | wc -l)
  [[ "$n" -gt 0 ]] || die "no seeds for $target"
  say "$n seeds in $corpus ($(du -sh "$corpus" | cut -f1)), $(wc -l < "$dict") dictionary words"
}

afl_env() {
  export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
  export AFL_NO_AFFINITY=1 AFL_FORKSRV_INIT_TMOUT=60000 AFL_SKIP_CRASHES=1
}

stat_of() { [[ -f "$2" ]] && awk -F' *: *' -v key="$1" '$1 == key { print $2; exit }' "$2"; }

# Reruns one input in its own process; a process that dies (stack overflow) or runs over 60 s gets a signature too.
repro_one() {
  local target="$1" f="$2" rc=0 out
  out="$(timeout 60 dotnet "$bin/Shipshape.Fuzz.dll" repro "$target" "$f" 2>&1)" || rc=$?
  case "$rc" in
    0 | 1) echo "$out" ;;
    124)
      echo "$f: HANG (still running after 60 s)"
      echo "SIGNATURE hang (over 60 s)"
      ;;
    *)
      echo "$f: PROCESS DIED (exit $rc)"
      if grep -q 'Stack overflow' <<< "$out"; then
        echo "SIGNATURE stack overflow at $(grep -m1 -E '^ +at ' <<< "$out" | sed -E 's/^ +at //; s/ in .*//')"
      else
        echo "SIGNATURE process died (exit $rc)"
      fi
      sed -n '1,40p' <<< "$out"
      ;;
  esac
}

# Reruns the crashes and hangs on the harness directly and writes, for each distinct failure (exception type,
# throwing frame, first Shipshape frame), how many inputs hit it, the smallest such input and its stack trace.
triage() {
  local target="$1" out="$2" report="$3" raw="$work_root/$1/triage-raw.txt"
  local crashes=() hangs=() f rc=0
  for f in "$out"/crashes/id:*; do [[ -f "$f" ]] && crashes+=("$f"); done
  for f in "$out"/hangs/id:*; do [[ -f "$f" ]] && hangs+=("$f"); done
  : > "$raw"
  if [[ ${#crashes[@]} -gt 0 ]]; then
    # All crashes in one process first; if that process itself dies, one process per input.
    timeout 600 dotnet "$bin/Shipshape.Fuzz.dll" repro "$target" "${crashes[@]}" > "$raw" 2>&1 || rc=$?
    if [[ "$rc" != 0 && "$rc" != 1 ]]; then
      : > "$raw"
      for f in "${crashes[@]:0:60}"; do repro_one "$target" "$f" >> "$raw"; done
    fi
  fi
  for f in "${hangs[@]:0:10}"; do repro_one "$target" "$f" >> "$raw"; done
  awk '
    /^\/.*: (CRASH|ok|HANG|PROCESS DIED)/ {
      file = $0; sub(/: (CRASH|ok|HANG|PROCESS DIED).*/, "", file); sig = ""
      if ($0 ~ /: ok \(/) { missed++; missing = missing "  " file "\n" }
      next
    }
    /^SIGNATURE / {
      sig = substr($0, 11); count[sig]++
      cmd = "stat -c %s \"" file "\""; cmd | getline size; close(cmd)
      if (!(sig in best) || size + 0 < bestsize[sig]) { best[sig] = file; bestsize[sig] = size + 0; trace[sig] = ""; lines[sig] = 0; keep = 1 } else keep = 0
      next
    }
    sig != "" && keep && lines[sig]++ < 14 { trace[sig] = trace[sig] "    " $0 "\n" }
    END {
      if (missed) printf "%d input(s) did not crash when rerun (flaky, or the crash needed state from earlier inputs):\n%s\n", missed, missing
      for (s in count) {
        printf "%d input(s): %s\n  smallest: %s (%d bytes)\n%s\n", count[s], s, best[s], bestsize[s], trace[s]
      }
    }' "$raw" > "$report"
}

fuzz() {
  local target="$1" minutes="$2"
  local dir="$work_root/$target"
  ensure_tools
  build
  mkdir -p "$dir"
  seed "$target" "$dir/corpus" "$dir/dict.txt"
  rm -rf "$dir/out" "$dir/tmp"
  mkdir -p "$dir/tmp"
  afl_env
  local dict_args=()
  [[ -s "$dir/dict.txt" ]] && dict_args=(-x "$dir/dict.txt")
  say "afl-fuzz on $target for $minutes min, ${timeout_ms} ms per execution (log: $dir/afl.log)"
  local started=$SECONDS status=0
  TMPDIR="$dir/tmp" afl-fuzz -i "$dir/corpus" -o "$dir/out" -t "${timeout_ms}+" -m none -V "$((minutes * 60))" \
    "${dict_args[@]}" -- "$(command -v dotnet)" "$bin/Shipshape.Fuzz.dll" "$target" > "$dir/afl.log" 2>&1 || status=$?
  local wall=$((SECONDS - started))
  rm -rf "$dir/tmp"
  local stats="$dir/out/default/fuzzer_stats"
  if [[ ! -f "$stats" ]]; then
    tail -25 "$dir/afl.log" >&2
    die "afl-fuzz stopped before it wrote its statistics (exit $status; log: $dir/afl.log)"
  fi
  local execs crashes hangs speed corpus_count
  execs=$(stat_of execs_done "$stats")
  crashes=$(stat_of saved_crashes "$stats"); [[ -n "$crashes" ]] || crashes=$(stat_of unique_crashes "$stats")
  hangs=$(stat_of saved_hangs "$stats"); [[ -n "$hangs" ]] || hangs=$(stat_of unique_hangs "$stats")
  speed=$(stat_of execs_per_sec "$stats")
  corpus_count=$(stat_of corpus_count "$stats"); [[ -n "$corpus_count" ]] || corpus_count=$(stat_of paths_total "$stats")
  if [[ "${crashes:-0}" != 0 || "${hangs:-0}" != 0 ]]; then
    say "rerunning the crashes and hangs on the harness: $dir/triage.txt"
    triage "$target" "$dir/out/default" "$dir/triage.txt"
  fi
  echo
  echo "target:     $target"
  echo "wall time:  ${wall} s (afl-fuzz exit $status)"
  echo "execs:      ${execs:-?} (${speed:-?}/s), corpus grew to ${corpus_count:-?} inputs"
  echo "crashes:    ${crashes:-?}  -> $dir/out/default/crashes/"
  echo "hangs:      ${hangs:-?}  -> $dir/out/default/hangs/"
  [[ -f "$dir/triage.txt" && -s "$dir/triage.txt" ]] && echo "triage:     $dir/triage.txt"
  echo "rerun one:  tools/fuzz.sh repro $target FILE    minimise: tools/fuzz.sh shrink $target FILE"
}

[[ $# -ge 1 ]] || usage
case "$1" in
  list)
    cat << 'EOF'
yaml-json      positioned JSON/YAML tree (Ingest/Syntax/StructuredParser)
hcl-parse      HCL native syntax parser (Hcl/Syntax/HclParser: files, expressions, templates)
hcl-eval       HCL parse, then every attribute evaluated with Terraform's functions, within an HclBudget
cfn            CloudFormation templates with intrinsic functions (Ingest/CloudFormation via StructuredParser)
dockerfile     Dockerfiles (Ingest/Dockerfile: DockerfileReader, DockerfileParser, shell splitting)
gitleaks-toml  gitleaks configuration from text (Secrets/Config/GitleaksConfigLoader, SecretEngine.Create)
archive        tar, zip, gzip and tar.gz archives (Secrets/Sources/ArchiveReader)
git-pack       git v2 pack index + pack with deltas (Secrets/Git via GitRepository), commits and trees
EOF
    ;;
  repro)
    [[ $# -ge 3 ]] || usage
    is_target "$2" || die "unknown target '$2' (tools/fuzz.sh list)"
    [[ -f "$bin/Shipshape.Fuzz.dll" ]] || { ensure_tools; build; }
    shift
    harness repro "$@"
    ;;
  triage)
    [[ $# -eq 2 ]] || usage
    is_target "$2" || die "unknown target '$2' (tools/fuzz.sh list)"
    [[ -d "$work_root/$2/out/default" ]] || die "no afl-fuzz output for $2 under $work_root/$2/out"
    [[ -f "$bin/Shipshape.Fuzz.dll" ]] || { ensure_tools; build; }
    triage "$2" "$work_root/$2/out/default" "$work_root/$2/triage.txt"
    cat "$work_root/$2/triage.txt"
    ;;
  shrink)
    [[ $# -eq 3 ]] || usage
    is_target "$2" || die "unknown target '$2' (tools/fuzz.sh list)"
    [[ -f "$3" ]] || die "no such file: $3"
    [[ -f "$bin/Shipshape.Fuzz.dll" ]] || { ensure_tools; build; }
    harness shrink "$2" "$3" "$3.min"
    ;;
  tmin)
    [[ $# -eq 3 ]] || usage
    is_target "$2" || die "unknown target '$2' (tools/fuzz.sh list)"
    [[ -f "$3" ]] || die "no such file: $3"
    [[ -f "$bin/Shipshape.Fuzz.dll" ]] || { ensure_tools; build; }
    afl_env
    mkdir -p "$work_root/$2/tmp"
    TMPDIR="$work_root/$2/tmp" afl-tmin -i "$3" -o "$3.min" -t "$timeout_ms" -m none -- "$(command -v dotnet)" "$bin/Shipshape.Fuzz.dll" "$2"
    say "minimised: $3.min ($(stat -c %s "$3.min") bytes, from $(stat -c %s "$3"))"
    ;;
  -h | --help | help) usage ;;
  *)
    [[ $# -eq 2 ]] || usage
    is_target "$1" || die "unknown target '$1' (tools/fuzz.sh list)"
    [[ "$2" =~ ^[1-9][0-9]*$ ]] || die "MINUTES must be a whole number of minutes, not '$2'"
    fuzz "$1" "$2"
    ;;
esac
