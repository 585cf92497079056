#!/usr/bin/env bash
# The gpu build (`mvn -Pgpu`: CUDA 12.4 libtorch plus the CPU libtorch of the same version) built beside the default
# build and run on its CPU path, as a machine without a GPU runs it:
#   - `score --device cpu` on features and on images (nsfwjs-mobilenet-v2) gives the default build's FID, distance and
#     MiFID to 1e-9 relative;
#   - `--device auto` says on standard error which device it took; without a GPU, `--device gpu` is one `error:` line
#     and exit 2;
#   - `bench gpu` on small shapes runs (its CPU half, or GPU against CPU where a GPU is found).
# The gpu build goes to target/gpu-build (a copy of the working tree), so target/ keeps the default build. The CUDA
# libtorch jar (2.5 GB, Maven Central) is downloaded into the local Maven repository once and reused after that:
# keep ~/.m2 between CI runs to pay the download once. Prints what the build cost (time, disk).
# Needs: java 17, mvn, python3, and the default build (target/mifid-workbench.jar; built here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$root/target/gpu-build
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "gpu-build-test: FAILED: $*" >&2; exit 1; }

if [ ! -f target/mifid-workbench.jar ]; then
  mvn -B -q package -DskipTests
fi

cuda_jar_dir=${HOME}/.m2/repository/ai/djl/pytorch/pytorch-native-cu124
cached=no
[ -d "$cuda_jar_dir" ] && cached=yes
rm -rf "$work"
mkdir -p "$work"
tar --exclude=./target --exclude=./.git -cf - . | tar -xf - -C "$work"
# the models and assets the default build fetched (npm): the gpu build uses the same files
mkdir -p "$work/target"
[ -d target/assets ] && cp -r target/assets "$work/target/"
start=$(date +%s)
(cd "$work" && mvn -B -q -Pgpu -DskipTests package)
seconds=$(( $(date +%s) - start ))
echo "gpu build: ${seconds} s (CUDA libtorch already in the Maven repository: ${cached});" \
  "$(du -sh "$cuda_jar_dir" | cut -f1) in the Maven repository, target/gpu-build/target/lib $(du -sh "$work/target/lib" | cut -f1)" \
  "against the default build's target/lib $(du -sh target/lib | cut -f1)"

default_jar=$root/target/mifid-workbench.jar
gpu_jar=$work/target/mifid-workbench.jar
ls "$work/target/lib" | grep -q '^pytorch-native-cu124-' || fail "the gpu build carries no CUDA libtorch"
ls "$work/target/lib" | grep -q '^pytorch-native-cpu-' || fail "the gpu build carries no CPU libtorch"

# each build with its own data and feature cache: the image scores are computed, never read from a cache
run() {
  local jar=$1 name=$2
  shift 2
  MIFID_DATA=$tmp/$name/data MIFID_CACHE=$tmp/$name/cache java -jar "$jar" "$@"
}

# small images: 8 training PNGs, a submission of 4 (two of them copies of training images)
python3 - "$tmp" <<'EOF'
import struct, sys, zipfile, zlib, os
def png(seed):
    rows = b''.join(b'\0' + bytes((x * 7 + y * 13 + seed * 29 + c * 71) % 256 for x in range(64) for c in range(3))
                    for y in range(64))
    chunk = lambda t, d: struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 64, 64, 8, 2, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b''))
root = sys.argv[1]
os.makedirs(root + '/train')
for i in range(8):
    open(f'{root}/train/{i}.png', 'wb').write(png(i))
with zipfile.ZipFile(root + '/sub.zip', 'w') as z:
    for i, seed in enumerate([0, 1, 100, 101]):
        z.writestr(f'g{i}.png', png(seed))
EOF

features=(--train-features src/test/resources/reference/engine/fullrank_train.npy
          --features src/test/resources/reference/engine/fullrank_gen.npy)
images=(--submission "$tmp/sub.zip" --train "$tmp/train" --model nsfwjs-mobilenet-v2)
same() {
  python3 - "$1" "$2" "$3" <<'EOF'
import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
for key in ('fid', 'distance', 'mifid'):
    x, y = a[key], b[key]
    if abs(x - y) > 1e-9 * max(abs(x), 1e-300):
        sys.exit(f'{sys.argv[3]}: {key} {y} in the gpu build, {x} in the default build')
print(f"{sys.argv[3]}: the gpu build's FID {b['fid']:.9g}, distance {b['distance']:.9g}, MiFID {b['mifid']:.9g}"
      " equal the default build's to 1e-9")
EOF
}
for what in features images; do
  if [ "$what" = features ]; then args=("${features[@]}"); else args=("${images[@]}"); fi
  run "$default_jar" default score "${args[@]}" --device cpu --json > "$tmp/default-$what.json" 2> "$tmp/default-$what.err" \
    || fail "the default build's score on $what: $(tail -3 "$tmp/default-$what.err")"
  run "$gpu_jar" gpu score "${args[@]}" --device cpu --json > "$tmp/gpu-$what.json" 2> "$tmp/gpu-$what.err" \
    || fail "the gpu build's score on $what: $(tail -3 "$tmp/gpu-$what.err")"
  same "$tmp/default-$what.json" "$tmp/gpu-$what.json" "score on $what" || fail "score on $what differs"
done
run "$gpu_jar" gpu score "${features[@]}" --json > "$tmp/gpu-auto.json" 2> "$tmp/gpu-features.err" \
  || fail "the gpu build's score with --device auto: $(tail -3 "$tmp/gpu-features.err")"
grep -q '^device: ' "$tmp/gpu-features.err" || fail "--device auto printed no device line: $(cat "$tmp/gpu-features.err")"
echo "gpu build, --device auto: $(grep '^device: ' "$tmp/gpu-features.err")"

if grep -q '^device: cpu' "$tmp/gpu-features.err"; then
  set +e
  run "$gpu_jar" gpu score "${features[@]}" --device gpu > "$tmp/gpu-forced.out" 2> "$tmp/gpu-forced.err"
  status=$?
  set -e
  [ "$status" = 2 ] || fail "--device gpu without a GPU: exit $status, expected 2"
  [ "$(wc -l < "$tmp/gpu-forced.err")" = 1 ] && grep -q '^error: --device gpu: no usable GPU' "$tmp/gpu-forced.err" \
    || fail "--device gpu without a GPU: expected one error line, got: $(cat "$tmp/gpu-forced.err")"
  echo "gpu build, --device gpu without a GPU: exit 2, $(cat "$tmp/gpu-forced.err")"
fi

run "$gpu_jar" gpu bench gpu --generated 500 --train 1000 --dim 256 --images 8 --batch 4 \
  --models nsfwjs-mobilenet-v2 > "$tmp/bench.out" 2> "$tmp/bench.err" || fail "bench gpu: $(tail -3 "$tmp/bench.out" "$tmp/bench.err")"
grep -E '^(no GPU found: |GPU results equal the CPU.s: yes)' "$tmp/bench.out" || fail "bench gpu: $(cat "$tmp/bench.out")"
echo "gpu-build-test: passed"
