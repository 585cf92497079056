#!/usr/bin/env bash
# Fetches the offline assets the workbench is built on, by package name through npm, and unpacks only what
# is used into DEST (default target/assets):
#   nsfwjs@4.4.0                    pretrained InceptionV3 / MobileNetV2 (TF.js, uint8-quantized), MIT
#   emoji-datasource-google@16.0.0  Noto emoji 64x64 PNG: the demo competition's training set, Apache-2.0
#   emoji-datasource-twitter@16.0.0 the same emoji in another style: the demo's "novel" source, CC-BY-4.0
# Idempotent: a marker file records what was unpacked, so later builds do nothing.
set -euo pipefail
dest=${1:-target/assets}
marker="$dest/.complete-v2"
[ -f "$marker" ] && exit 0
command -v npm >/dev/null && command -v node >/dev/null || { echo "fetch-assets: node and npm are needed to fetch the model and demo images (apt-get install nodejs npm)" >&2; exit 1; }
mkdir -p "$dest"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent nsfwjs@4.4.0 emoji-datasource-google@16.0.0 emoji-datasource-twitter@16.0.0 >/dev/null 2>&1) \
  || { echo "fetch-assets: npm pack failed (is the npm registry reachable?)" >&2; exit 1; }
rm -rf "$dest/nsfwjs" "$dest/emoji-google" "$dest/emoji-twitter"
mkdir -p "$dest/nsfwjs" "$dest/emoji-google" "$dest/emoji-twitter"
tar -xzf "$work/nsfwjs-4.4.0.tgz" -C "$dest/nsfwjs" --strip-components=3 \
  package/dist/models/inception_v3 package/dist/models/mobilenet_v2
# the models ship as browserify bundles: unwrap them to model.json + binary shards once, here
for m in inception_v3 mobilenet_v2; do
  node "$(dirname "$0")/tfjs-unwrap.js" "$dest/nsfwjs/$m"
  rm -f "$dest/nsfwjs/$m"/*.min.js
done
tar -xzf "$work/emoji-datasource-google-16.0.0.tgz" -C "$dest/emoji-google" --strip-components=1 \
  package/emoji.json package/img/google/64
tar -xzf "$work/emoji-datasource-twitter-16.0.0.tgz" -C "$dest/emoji-twitter" --strip-components=1 \
  package/img/twitter/64
touch "$marker"
echo "fetch-assets: unpacked into $dest"
