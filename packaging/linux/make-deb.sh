#!/usr/bin/env bash
# Builds the .deb from the Linux app image with dpkg-deb, so that the package owns its menu entry, icons and
# the command on the PATH as ordinary files (jpackage's own .deb registers them with xdg-desktop-menu in its
# maintainer scripts, which fails on servers without menu directories: issue #18).
#
#   packaging/linux/make-deb.sh APP_IMAGE VERSION DEST_DIR
#
# Package layout:
#   /opt/mifid-workbench/                   the app image (launcher, jlink'ed runtime, jar, lib/, assets/)
#   /usr/bin/mifid-workbench                -> /opt/mifid-workbench/bin/mifid-workbench
#   /usr/share/applications/mifid-workbench.desktop, /usr/share/icons/hicolor/SIZE/apps/mifid-workbench.png
#   /usr/share/man/man1/mifid-workbench.1.gz, /usr/share/doc/mifid-workbench/{copyright,changelog.Debian.gz}
#   /usr/share/lintian/overrides/mifid-workbench   the lintian tags that a self-contained bundle keeps, explained
# DEB_REVISION (default 2, the first without jpackage's scripts) and DEB_COMPRESSION (xz, or none for a fast
# CI build) can be set from the environment.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 APP_IMAGE VERSION DEST_DIR" >&2; exit 2; }
app_image=$1
version=$2
dest=$3
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
name=mifid-workbench
revision=${DEB_REVISION:-2}
compression=${DEB_COMPRESSION:-xz}
arch=$(dpkg --print-architecture)
command -v objdump >/dev/null || { echo "make-deb: objdump not found (apt-get install binutils)" >&2; exit 1; }
[ -x "$app_image/bin/$name" ] || { echo "make-deb: no launcher at $app_image/bin/$name" >&2; exit 1; }

root=$(mktemp -d "${TMPDIR:-/tmp}/$name-deb.XXXXXX")
trap 'rm -rf "$root"' EXIT
install -d "$root/opt" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/man/man1" \
  "$root/usr/share/doc/$name" "$root/usr/share/lintian/overrides" "$root/DEBIAN"
cp -al "$app_image" "$root/opt/$name" 2>/dev/null || cp -a "$app_image" "$root/opt/$name"
ln -s "/opt/$name/bin/$name" "$root/usr/bin/$name"

sed -e "s|^Exec=.*|Exec=$name|" -e "s|^Icon=.*|Icon=$name|" \
  -e "s|^Comment=.*|Comment=Scoring, memorization inspection and verdicts for generative-image competitions|" \
  -e "s|^Categories=.*|Categories=Science;DataVisualization;|" -e '/^DESKTOP_MIMES$/d' \
  "$here/$name.desktop" > "$root/usr/share/applications/$name.desktop"
chmod 644 "$root/usr/share/applications/$name.desktop"
for size in 16 24 32 48 64 128 256 512; do
  install -D -m 644 "$repo/icons/app/png/$name-$size.png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/$name.png"
done
gzip -9n < "$here/debian/$name.1" > "$root/usr/share/man/man1/$name.1.gz"
gzip -9n < "$here/debian/changelog" > "$root/usr/share/doc/$name/changelog.Debian.gz"
install -m 644 "$here/debian/copyright" "$root/usr/share/doc/$name/copyright"
install -m 644 "$here/debian/lintian-overrides" "$root/usr/share/lintian/overrides/$name"
install -m 755 "$here/debian/postinst" "$here/debian/prerm" "$here/debian/postrm" "$root/DEBIAN/"
chmod -R u+w,go-w "$root"

# Depends: the packages providing the shared libraries that the bundled runtime's command-line half links
# against, found as dpkg finds them. The GUI half (AWT's X11 toolkit, the splash screen, JavaFX's GTK and GL)
# goes to Recommends, so that a server installs no desktop libraries.
gui_libs='libawt_xawt.so|libjawt.so|libsplashscreen.so|libjsound.so|libatk-wrapper.so'
packages_of() {
  local lib path owner
  for lib in "$@"; do
    path=$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64/ {print $NF; exit}')
    [ -n "$path" ] || { echo "make-deb: $lib (needed by the runtime) is not installed here" >&2; exit 1; }
    # dpkg records the path it unpacked (/lib/... or /usr/lib/... depending on the merged-/usr state)
    owner=$(for p in "$path" "$(readlink -f "$path")" "${path#/usr}"; do dpkg -S "$p" 2>/dev/null && break; done \
      | head -n1 | cut -d: -f1)
    [ -n "$owner" ] || { echo "make-deb: no package owns $path" >&2; exit 1; }
    echo "$owner"
  done | sort -u
}
# NEEDED entries of the app image's ELF files (launcher and runtime), except the runtime's own libraries.
# $1: "cli" for everything but the GUI libraries, "gui" for those alone.
needed_by() {
  local filter=(-v -E "$gui_libs")
  [ "$1" = gui ] && filter=(-E "$gui_libs")
  find "$root/opt/$name" \( -name '*.so' -o -path "*/bin/$name" \) -type f | grep "${filter[@]}" \
    | xargs -r objdump -p | awk '/NEEDED/ {print $2}' | sort -u \
    | while read -r lib; do [ -n "$(find "$root/opt/$name" -name "$lib" -print -quit)" ] || echo "$lib"; done
}
cli_needs=$(needed_by cli)
gui_needs=$(needed_by gui)
# shellcheck disable=SC2086
cli_packages=$(packages_of $cli_needs)
depends=$(echo "$cli_packages" | paste -sd, | sed 's/,/, /g')
# shellcheck disable=SC2086
recommends=$( (echo libgtk-3-0; echo libgl1; packages_of $gui_needs) | sort -u | grep -v -x -F "$cli_packages" \
  | paste -sd, | sed 's/,/, /g')

installed_kb=$(du -sk --apparent-size --exclude=DEBIAN "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<EOF
Package: $name
Version: $version-$revision
Architecture: $arch
Maintainer: MiFID Workbench maintainers <maintainers@mifid-workbench.invalid>
Installed-Size: $installed_kb
Depends: $depends
Recommends: $recommends
Section: science
Priority: optional
Homepage: https://mifid-workbench.invalid/
Description: MiFID scoring and review for generative-image competitions
 MiFID Workbench scores submissions to generative-image competitions with
 MiFID (FID with a memorization penalty, Kaggle 2019 semantics), shows each
 generated image beside its nearest training images, and records the
 organizer's verdicts in a workspace.
 .
 The same command, mifid-workbench, opens the desktop window when run without
 arguments and runs the command line (score, extract, import-results, analyze,
 export, verdict) otherwise, so a server without a desktop can score in batch.
 The package is self-contained under /opt/mifid-workbench: a Java 17 runtime,
 libtorch (CPU) and the nsfwjs networks; nothing is downloaded at run time.
EOF

mkdir -p "$dest"
deb="$dest/${name}_$version-${revision}_$arch.deb"
rm -f "$deb"
dpkg-deb --root-owner-group -Z"$compression" --build "$root" "$deb" >/dev/null
echo "make-deb: $deb ($(du -h "$deb" | cut -f1)); Depends: $depends; Recommends: $recommends"
