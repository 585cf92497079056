#!/usr/bin/env bash
# Exports the hand-drawn SVG icons to the bitmaps each platform needs. The outputs are committed, so the build
# does not need these tools; run this again after editing an SVG.
#   needs: rsvg-convert (apt librsvg2-bin), ImageMagick's convert (apt imagemagick; /usr/bin/convert is used
#   because another convert may come first on PATH), png2icns (apt icnsutils, optional: skips the .icns).
#
#   app/png/mifid-workbench-N.png  N = 16 24 32 48 64 128 256 512 1024 (Linux hicolor sizes, macOS iconset)
#   app/mifid-workbench.ico        16 24 32 48 64 256 (Windows, jpackage --icon on Windows)
#   app/mifid-workbench.icns       16 32 48 128 256 512 1024 (macOS, jpackage --icon on macOS)
#   toolbar/{16,24,32}/NAME.png       dark strokes for light themes
#   toolbar/dark/{16,24,32}/NAME.png  light strokes for dark themes
# 16-32 px app icons come from app/mifid-workbench-small.svg, drawn on a 16-unit pixel grid; larger ones from
# app/mifid-workbench.svg. Toolbar SVGs stroke with currentColor (24-unit grid, 2-unit round strokes).
set -euo pipefail
cd "$(dirname "$0")"
convert=/usr/bin/convert
[ -x "$convert" ] || convert=$(command -v magick || command -v convert)
command -v rsvg-convert >/dev/null || { echo "export.sh: rsvg-convert missing (apt-get install librsvg2-bin)" >&2; exit 1; }

app_sizes=(16 24 32 48 64 128 256 512 1024)
rm -rf app/png && mkdir -p app/png
for s in "${app_sizes[@]}"; do
  src=app/mifid-workbench.svg
  [ "$s" -le 32 ] && src=app/mifid-workbench-small.svg
  rsvg-convert -w "$s" -h "$s" "$src" -o "app/png/mifid-workbench-$s.png"
done

"$convert" $(for s in 16 24 32 48 64 256; do echo "app/png/mifid-workbench-$s.png"; done) app/mifid-workbench.ico

if command -v png2icns >/dev/null; then
  png2icns app/mifid-workbench.icns $(for s in 16 32 48 128 256 512 1024; do echo "app/png/mifid-workbench-$s.png"; done) >/dev/null
else
  echo "export.sh: png2icns missing (apt-get install icnsutils); app/mifid-workbench.icns not refreshed" >&2
fi

light='#37474f'
dark='#d0d7e1'
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -rf toolbar/16 toolbar/24 toolbar/32 toolbar/dark
for svg in toolbar/svg/*.svg; do
  name=$(basename "$svg" .svg)
  sed "s/currentColor/$light/g" "$svg" > "$tmp/$name-light.svg"
  sed "s/currentColor/$dark/g" "$svg" > "$tmp/$name-dark.svg"
  for s in 16 24 32; do
    mkdir -p "toolbar/$s" "toolbar/dark/$s"
    rsvg-convert -w "$s" -h "$s" "$tmp/$name-light.svg" -o "toolbar/$s/$name.png"
    rsvg-convert -w "$s" -h "$s" "$tmp/$name-dark.svg" -o "toolbar/dark/$s/$name.png"
  done
done
echo "export.sh: exported $(ls app/png | wc -l) app sizes, .ico, .icns and $(ls toolbar/svg | wc -l) toolbar icons x 3 sizes x 2 themes"
