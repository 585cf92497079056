#!/usr/bin/env bash
# Launch check of the packaged workbench, run by CI:
#   1. builds the Linux app image (packaging/build-app.sh app-image), unless SMOKE_SKIP_BUILD=1;
#   2. runs its launcher with --version: exit 0 and the jar's version printed;
#   3. starts the GUI with no arguments (the demo competition) under a private Xvfb display, waits up to
#      SMOKE_WINDOW_TIMEOUT seconds (default 60) for the "MiFID Workbench" window, keeps it running until
#      SMOKE_SECONDS (default 20) have passed, checks the process is still alive and a screenshot of the
#      window is not one flat colour, then stops it.
# Exits non-zero with a one-line reason on any failure. The screenshot and the app's output stay in
# target/smoke/. Installs xvfb, libgtk-3-0, x11-utils, imagemagick and unzip through apt when missing and
# root.
set -euo pipefail
cd "$(dirname "$0")/.."
app=target/dist/mifid-workbench
launcher=$app/bin/mifid-workbench
out=target/smoke
run_seconds=${SMOKE_SECONDS:-20}
window_timeout=${SMOKE_WINDOW_TIMEOUT:-60}
fail() { echo "smoke-test: FAIL: $*" >&2; exit 1; }

need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xwininfo >/dev/null || need+=(x11-utils)
command -v unzip >/dev/null || need+=(unzip)
[ -x /usr/bin/import ] && [ -x /usr/bin/convert ] || need+=(imagemagick)
ldconfig -p 2>/dev/null | grep 'libgtk-3\.so\.0' >/dev/null || need+=(libgtk-3-0)
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || fail "missing ${need[*]} (apt-get install ${need[*]})"
  echo "smoke-test: installing ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; } \
    || fail "could not install ${need[*]}"
fi

if [ "${SMOKE_SKIP_BUILD:-0}" != 1 ]; then
  start=$(date +%s)
  packaging/build-app.sh app-image
  echo "smoke-test: app image built in $(( $(date +%s) - start )) s, $(du -sh "$app" | cut -f1)"
fi
[ -x "$launcher" ] || fail "no launcher at $launcher"
rm -rf "$out" && mkdir -p "$out"

# 1. The CLI through the native launcher.
expected=$(unzip -p target/mifid-workbench.jar META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')
version_out=$("$launcher" --version 2>&1) || fail "'$launcher --version' exited $?: $version_out"
[[ "$version_out" == *"mifid-workbench $expected"* ]] || fail "--version printed '$version_out', expected 'mifid-workbench $expected'"
echo "smoke-test: --version ok ($version_out)"

# 2. The GUI on a private X display; its data and cache go to a scratch folder.
scratch=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup() {
  local status=$?
  if [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; then
    for _ in $(seq 20); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$app_pid" 2>/dev/null || true
  fi
  [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$scratch"
  exit "$status"
}
trap cleanup EXIT
exec 3> "$scratch/displayfd"
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp > "$out/xvfb.log" 2>&1 &
xvfb_pid=$!
exec 3>&-
for _ in $(seq 50); do [ -s "$scratch/displayfd" ] && break; sleep 0.1; done
display=$(head -n1 "$scratch/displayfd")
[ -n "$display" ] || fail "Xvfb did not start (see $out/xvfb.log)"
export DISPLAY=":$display"

now_ms() { date +%s%3N; }
started=$(now_ms)
MIFID_DATA="$scratch/data" MIFID_CACHE="$scratch/cache" "$launcher" > "$out/app.log" 2>&1 &
app_pid=$!
window=""
while [ -z "$window" ]; do
  kill -0 "$app_pid" 2>/dev/null || { tail -n 20 "$out/app.log" >&2; app_pid=""; fail "the app exited before showing a window (log: $out/app.log)"; }
  window=$(xwininfo -root -tree 2>/dev/null | grep -m1 '"MiFID Workbench' || true)
  if [ -z "$window" ]; then
    [ $(( $(now_ms) - started )) -lt $(( window_timeout * 1000 )) ] || fail "no window after $window_timeout s (log: $out/app.log)"
    sleep 0.2
  fi
done
first_window_ms=$(( $(now_ms) - started ))
window_id=$(echo "$window" | awk '{print $1}')
echo "smoke-test: window after $(printf '%d.%03d' $(( first_window_ms / 1000 )) $(( first_window_ms % 1000 ))) s: $(echo "$window" | sed 's/^ *//')"

remaining_ms=$(( run_seconds * 1000 - first_window_ms ))
[ "$remaining_ms" -le 0 ] || sleep "$(printf '%d.%03d' $(( remaining_ms / 1000 )) $(( remaining_ms % 1000 )))"
kill -0 "$app_pid" 2>/dev/null || { tail -n 20 "$out/app.log" >&2; app_pid=""; fail "the app died after showing its window (log: $out/app.log)"; }
# The window's own pixels: a window that is mapped but never painted is one flat colour.
/usr/bin/import -display "$DISPLAY" -window "$window_id" "$out/screenshot.png" || fail "could not capture window $window_id"
spread=$(/usr/bin/convert "$out/screenshot.png" -colorspace Gray -format '%[fx:int(standard_deviation*100000)]' info:)
[ "$spread" -gt 100 ] || fail "the window is blank (grey standard deviation $spread/100000): $out/screenshot.png"
echo "smoke-test: still running after $run_seconds s; window screenshot $out/screenshot.png $(/usr/bin/identify -format '%wx%h' "$out/screenshot.png"), grey standard deviation $spread/100000"
echo "smoke-test: OK"
