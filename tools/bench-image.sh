#!/usr/bin/env bash
# Times `shipshape image` (Release build) on a generated ~300 MB image: a docker-save archive (OCI layout inside) of
# 12 gzip layers, each with random binary files (which neither compress nor get searched) and text files of config-like
# lines (searched by the secrets scanner), one secret in a file a later layer deletes, one whiteout per layer.
# Usage: tools/bench-image.sh [SIZE_MB] (default 300). Writes under ${TMPDIR:-/tmp}/shipshape-bench-image.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb="${1:-300}"
work="${TMPDIR:-/tmp}/shipshape-bench-image"
mkdir -p "$work"
image="$work/image-${size_mb}mb.tar"

if [[ ! -f "$image" ]]; then
  python3 - "$image" "$size_mb" <<'PY'
import gzip, hashlib, io, json, os, random, sys, tarfile
out, size_mb = sys.argv[1], int(sys.argv[2])
rng = random.Random(14)
layers_n = 12
per_layer = size_mb * 1024 * 1024 // layers_n
words = "server port host timeout retries region bucket queue cache level path user group mode replicas image tag".split()

def layer(i):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        def add(name, data, mode=0o644):
            info = tarfile.TarInfo(name); info.size = len(data); info.mode = mode; info.mtime = 1700000000
            tar.addfile(info, io.BytesIO(data))
        written = 0; n = 0
        while written < per_layer * 0.8:          # binary: random bytes, 256 KiB to 2 MiB
            data = rng.randbytes(rng.randint(256 * 1024, 2 * 1024 * 1024))
            add(f"opt/layer{i}/bin/blob{n}.so", data, 0o755); written += len(data); n += 1
        n = 0
        while written < per_layer:                # text: config-like lines, 4 to 32 KiB
            lines = [f"{rng.choice(words)}_{rng.randint(0, 999)} = {rng.choice(words)}-{rng.randint(0, 99999)}" for _ in range(rng.randint(100, 800))]
            data = ("\n".join(lines) + "\n").encode()
            add(f"etc/layer{i}/conf{n}.ini", data); written += len(data); n += 1
        if i == 1:
            add("root/.aws/credentials", b"[default]\naws_access_key_id = AKIA" + b"Q3ZKXN7PLMW2RT5V" + b"\naws_secret_access_key = " + b"k7Pq2Xn9Lm4Rt6Vw8Yz1Ab3Cd5Ef7Gh9Ij0KlMnOp" + b"\n", 0o600)
        if i == 2:
            add("root/.aws/.wh.credentials", b"")
        if i > 2:
            add(f"etc/layer{i-1}/.wh.conf0.ini", b"")
    tar_bytes = buf.getvalue()
    return tar_bytes, gzip.compress(tar_bytes, compresslevel=1, mtime=0)

blobs = {}
def add_blob(data):
    d = hashlib.sha256(data).hexdigest(); blobs[d] = data; return d

diff_ids, layer_descs = [], []
for i in range(layers_n):
    tar_bytes, gz = layer(i)
    diff_ids.append("sha256:" + hashlib.sha256(tar_bytes).hexdigest())
    layer_descs.append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": "sha256:" + add_blob(gz), "size": len(gz)})
    del tar_bytes
config = json.dumps({"architecture": "amd64", "os": "linux", "created": "2026-11-01T00:00:00Z",
    "config": {"User": "10001", "Env": ["PATH=/usr/bin"], "Healthcheck": {"Test": ["CMD", "true"]}},
    "history": [{"created_by": "RUN /bin/sh -c make"}] * layers_n, "rootfs": {"type": "layers", "diff_ids": diff_ids}}).encode()
config_digest = add_blob(config)
manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
    "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": "sha256:" + config_digest, "size": len(config)},
    "layers": layer_descs}).encode()
manifest_digest = add_blob(manifest)
index = json.dumps({"schemaVersion": 2, "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:" + manifest_digest,
    "size": len(manifest), "annotations": {"io.containerd.image.name": "111122223333.dkr.ecr.eu-west-1.amazonaws.com/bench:1"}}]}).encode()
docker = json.dumps([{"Config": "blobs/sha256/" + config_digest, "RepoTags": ["111122223333.dkr.ecr.eu-west-1.amazonaws.com/bench:1"],
    "Layers": [ "blobs/sha256/" + l["digest"][7:] for l in layer_descs]}]).encode()
with tarfile.open(out, mode="w", format=tarfile.USTAR_FORMAT) as tar:
    def add(name, data):
        info = tarfile.TarInfo(name); info.size = len(data); info.mtime = 1700000000
        tar.addfile(info, io.BytesIO(data))
    for d, data in blobs.items():
        add("blobs/sha256/" + d, data)
    add("oci-layout", b'{"imageLayoutVersion":"1.0.0"}'); add("index.json", index); add("manifest.json", docker)
PY
fi

echo "image: $image ($(du -m "$image" | cut -f1) MB)"
dotnet build src/Shipshape.Cli -c Release -v q -nologo >/dev/null
bin="src/Shipshape.Cli/bin/Release/net10.0/shipshape"
for run in 1 2 3; do
  /usr/bin/time -f "run $run: %e s elapsed, %U s user, %M KiB peak memory" "$bin" image "$image" --format json --output "$work/report.json" --quiet --soft-fail || true
done
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print('findings:', [(f['ruleId'], f['location']['path'][-48:]) for f in r['findings']])" "$work/report.json" || true
