#!/usr/bin/env bash
# Launches the workbench under Xvfb once per view and saves a PNG of each into docs/screenshots/.
#
#   packaging/screenshots.sh [WORKSPACE.db]
#
# Without an argument it uses the demo competition (<data>/demo/demo.db) when it exists, else it generates a
# small workspace with the test fixture (real SQLite, real PNG zips) in a temporary folder.
# Needs apt packages xvfb, libgtk-3-0 and imagemagick (installed here if missing and apt-get is allowed).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=docs/screenshots
mkdir -p "$OUT"

need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v import >/dev/null || need+=(imagemagick)
ldconfig -p | grep -q libgtk-3.so.0 || need+=(libgtk-3-0)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}"
  apt-get install -y -q "${need[@]}" >/dev/null
fi

mvn -B -q -o test-compile >/dev/null
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/screenshot-classpath.txt -Dmdep.includeScope=test >/dev/null
CP="target/classes:target/test-classes:$(cat target/screenshot-classpath.txt)"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DATA="$WORK/data"
mkdir -p "$DATA"
# the remembered window state puts the window over the whole virtual screen
printf 'window.x=0\nwindow.y=0\nwindow.width=1440\nwindow.height=900\nreviewer=organizer\n' > "$DATA/workbench-ui.properties"
WORKSPACE="${1:-}"
DEMO="${MIFID_DATA:-$HOME/.local/share/mifid-workbench}/demo/demo.db"
if [ -z "$WORKSPACE" ] && [ -f "$DEMO" ]; then
  WORKSPACE="$DEMO"
fi
if [ -z "$WORKSPACE" ]; then
  WORKSPACE=$(java -cp "$CP" org.mifid.workbench.ui.TestWorkspaces "$WORK/generated" 400 12 | tail -1)
  FOCUS_TEAM=${FOCUS_TEAM:-Team 000}
fi
echo "workspace: $WORKSPACE"

DISPLAY_NUM=:97
Xvfb "$DISPLAY_NUM" -screen 0 1440x900x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill "$XVFB" 2>/dev/null; rm -rf "$WORK"' EXIT
sleep 1

shoot() { # shoot NAME PAGE THEME [SIDE_BY_SIDE]
  local name=$1 page=$2 theme=$3 side=${4:-false}
  DISPLAY=$DISPLAY_NUM java -cp "$CP" -Dmifid.data="$DATA" -Dmifid.ui.workspace="$WORKSPACE" \
    -Dmifid.ui.sideBySide="$side" \
    -Dmifid.ui.page="$page" -Dmifid.ui.theme="$theme" -Dmifid.ui.focus="${FOCUS_TEAM:-}" \
    org.mifid.workbench.Launcher >"$WORK/$name.log" 2>&1 &
  local app=$!
  sleep "${SHOT_DELAY:-9}"
  DISPLAY=$DISPLAY_NUM import -window root "$OUT/$name.png"
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  echo "saved $OUT/$name.png"
}

shoot leaderboard leaderboard light
shoot histogram histogram light
shoot inspector inspector light
shoot scoring scoring light
shoot leaderboard-dark leaderboard dark
shoot side-by-side leaderboard light true
shoot comparison comparison light

# the image-to-prompt views, on the Emoji to Prompt demo when it exists (demo --kind image-to-prompt)
PROMPTS="${MIFID_DATA:-$HOME/.local/share/mifid-workbench}/demo-prompts/prompt-demo.db"
if [ -z "${1:-}" ] && [ -f "$PROMPTS" ]; then
  WORKSPACE="$PROMPTS"
  FOCUS_TEAM="Lookup Ltd"
  shoot prompt-leaderboard leaderboard light
  shoot prompt-histogram histogram light
  # a team that sent embeddings: the inspector reads them back as their nearest bank prompts
  FOCUS_TEAM="Vector Forge"
  shoot prompt-inspector inspector light
fi
