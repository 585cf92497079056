#!/usr/bin/env bash
# Builds the installable workbench with jlink + jpackage, options kept in @argfiles under packaging/.
#
#   packaging/build-app.sh [app-image|installer|all]     (default: app-image)
#
#   app-image  target/dist/mifid-workbench/ (Linux), target/dist/MiFID Workbench.app (macOS) or
#              target/dist/mifid-workbench/ (Windows): launcher, jlink'ed runtime, the jar, target/lib and the
#              npm-fetched assets in <app dir>/assets, where AppPaths looks for them (beside the jar).
#   installer  from that app image: a .deb (Linux, packaging/linux/make-deb.sh), .dmg (macOS) or .msi (Windows)
#              in target/dist.
#   all        both.
#
# Builds the jar first (mvn package -DskipTests) when target/mifid-workbench.jar, target/lib or
# target/assets is missing; `mvn -Ppackage-app package` runs this script with "all" after the jar.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-app-image}
case "$what" in app-image|installer|all) ;; *) echo "usage: $0 [app-image|installer|all]" >&2; exit 2 ;; esac

case "$(uname -s)" in
  Linux) os=linux; installer_type=deb ;;
  Darwin) os=mac; installer_type=dmg ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; installer_type=msi ;;
  *) echo "build-app: unsupported system $(uname -s)" >&2; exit 1 ;;
esac

command -v unzip >/dev/null || { echo "build-app: unzip not found (apt-get install unzip)" >&2; exit 1; }
command -v jpackage >/dev/null || { echo "build-app: jpackage not found (JDK 17 or later with jpackage/jlink and jmods)" >&2; exit 1; }

target=target
if [ ! -f "$target/mifid-workbench.jar" ] || [ ! -d "$target/lib" ] || [ ! -f "$target/assets/.complete-v1" ]; then
  echo "build-app: building the jar (mvn package -DskipTests)"
  mvn -B -q package -DskipTests
fi

# jpackage wants a numeric version: 0.1.0-SNAPSHOT -> 0.1.0, read from the jar's manifest.
version=$(unzip -p "$target/mifid-workbench.jar" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *\([0-9.]*\).*/\1/p' | tr -d '\r')
[ -n "$version" ] || { echo "build-app: no Implementation-Version in the jar manifest" >&2; exit 1; }

dist=$target/dist
runtime=$target/jlink-runtime
input=$target/package-input
app_name=mifid-workbench
[ "$os" = mac ] && app_image="$dist/MiFID Workbench.app" || app_image="$dist/$app_name"

build_app_image() {
  rm -rf "$runtime" "$input" "$app_image"
  mkdir -p "$dist"
  echo "build-app: jlink runtime"
  jlink @packaging/jlink.args --output "$runtime"

  # The input folder becomes <app dir>: jar, lib/ (its manifest Class-Path) and assets/. Hard links where the
  # file system allows: jpackage copies them anyway.
  mkdir -p "$input"
  cp "$target/mifid-workbench.jar" "$input/"
  cp -al "$target/lib" "$input/lib" 2>/dev/null || cp -a "$target/lib" "$input/lib"
  cp -al "$target/assets" "$input/assets" 2>/dev/null || cp -a "$target/assets" "$input/assets"

  echo "build-app: jpackage app image $version"
  jpackage --type app-image @packaging/jpackage/common.args @packaging/jpackage/launcher.args @packaging/jpackage/$os.args \
    --app-version "$version" --input "$input" --runtime-image "$runtime" --dest "$dist"
  rm -rf "$input"
  echo "build-app: $app_image ($(du -sh "$app_image" | cut -f1))"
}

build_installer() {
  [ -d "$app_image" ] || { echo "build-app: no app image at $app_image; run $0 app-image first" >&2; exit 1; }
  rm -f "$dist"/*."$installer_type"
  if [ "$os" = linux ]; then
    # dpkg-deb rather than jpackage: the package then owns its menu entry, icons and /usr/bin link as files
    packaging/linux/make-deb.sh "$app_image" "$version" "$dist"
    return
  fi
  echo "build-app: jpackage $installer_type"
  jpackage --type "$installer_type" @packaging/jpackage/common.args @packaging/jpackage/$os-$installer_type.args \
    --app-version "$version" --app-image "$app_image" --dest "$dist"
  ls -l "$dist"/*."$installer_type"
}

case "$what" in
  app-image) build_app_image ;;
  installer) build_installer ;;
  all) build_app_image; build_installer ;;
esac
