#!/usr/bin/env bash
# CI check of the .deb (issue #18): install, run, upgrade and remove it in a throwaway root that has no desktop
# menu system (no /etc/xdg/menus, no /usr/share/desktop-directories), the way a headless scoring server is.
#
#   packaging/deb-test.sh            builds the app image and an uncompressed .deb first (DEB_TEST_SKIP_BUILD=1:
#                                    use target/dist/mifid-workbench_*.deb as it is)
#
# The root is an empty dpkg database under a scratch folder; dpkg runs the package's maintainer scripts there
# with --force-script-chrootless (they see it as $DPKG_ROOT), so no debootstrap and no network are needed.
# Asserted, each with exit 0: install over nothing; `mifid-workbench --version` and `mifid-workbench score`
# on a small feature pair (MiFID as in the engine's reference figures) through /usr/bin; an upgrade from a
# stand-in for 0.1.0-1 whose removal script fails as jpackage's did on servers; reinstall; removal; purge;
# nothing of the package left in the root and no menu directory created. Needs root (dpkg's ownership).
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "deb-test: FAIL: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "needs root (dpkg sets file ownership)"
for tool in dpkg dpkg-deb python3; do command -v "$tool" >/dev/null || fail "$tool not found"; done

if [ "${DEB_TEST_SKIP_BUILD:-0}" != 1 ]; then
  start=$(date +%s)
  [ -x target/dist/mifid-workbench/bin/mifid-workbench ] || packaging/build-app.sh app-image
  DEB_COMPRESSION=none packaging/build-app.sh installer
  echo "deb-test: .deb built in $(( $(date +%s) - start )) s"
fi
deb=$(ls -t target/dist/mifid-workbench_*.deb 2>/dev/null | head -n1)
[ -n "$deb" ] || fail "no target/dist/mifid-workbench_*.deb"
version=$(dpkg-deb -f "$deb" Version)

scratch=$(mktemp -d "${TMPDIR:-/tmp}/deb-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
root=$scratch/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/triggers"
touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
# --force-depends: the empty root has none of the libraries; the host's are used to run the app.
in_root() { dpkg --root="$root" --log="$scratch/dpkg.log" --force-script-chrootless --force-depends "$@"; }
status_of() { dpkg-query --admindir="$root/var/lib/dpkg" -W -f='${db:Status-Abbrev}${Version}' mifid-workbench 2>/dev/null || true; }
menu_dirs() { for d in etc/xdg/menus usr/share/desktop-directories; do [ ! -e "$root/$d" ] || echo "$d"; done; }
[ -z "$(menu_dirs)" ] || fail "the root has menu directories"

# A stand-in for 0.1.0-1: same package name, and a prerm that exits 3 as xdg-desktop-menu made it do.
old=$scratch/old
mkdir -p "$old/DEBIAN" "$old/opt/mifid-workbench"
printf 'Package: mifid-workbench\nVersion: 0.1.0-1\nArchitecture: %s\nMaintainer: test <test@example.invalid>\nDescription: stand-in for the jpackage build\n' \
  "$(dpkg --print-architecture)" > "$old/DEBIAN/control"
printf '#!/bin/sh\necho "xdg-desktop-menu: No writable system menu directory found." >&2\nexit 3\n' > "$old/DEBIAN/prerm"
chmod 755 "$old/DEBIAN/prerm"
echo old > "$old/opt/mifid-workbench/marker"
dpkg-deb --root-owner-group -Znone --build "$old" "$scratch/old.deb" >/dev/null

step() { echo "deb-test: $*"; }
in_root -i "$scratch/old.deb" >/dev/null || fail "installing the 0.1.0-1 stand-in exited $?"
step "upgrade from a 0.1.0-1 whose prerm fails"
in_root -i "$deb" > "$scratch/install.log" 2>&1 || { cat "$scratch/install.log" >&2; fail "install (upgrade) exited $?"; }
[ "$(status_of)" = "ii $version" ] || fail "after the upgrade the package is '$(status_of)', expected 'ii $version'"
[ ! -e "$root/opt/mifid-workbench/marker" ] || fail "the old version's files stayed"

step "mifid-workbench on the PATH"
link=$(readlink "$root/usr/bin/mifid-workbench") || fail "/usr/bin/mifid-workbench is not a link"
[ "$link" = /opt/mifid-workbench/bin/mifid-workbench ] || fail "/usr/bin/mifid-workbench points to $link"
app="$root$link"
export MIFID_DATA="$scratch/data" MIFID_CACHE="$scratch/cache"
out=$("$app" --version 2>&1) || fail "mifid-workbench --version exited $?: $out"
[[ "$out" == "mifid-workbench ${version%-*}"* ]] || fail "--version printed '$out'"
step "--version: $out"
ref=src/test/resources/reference/engine
json=$("$app" score --features "$ref/fullrank_gen.npy" --train-features "$ref/fullrank_train.npy" --device cpu --json \
  2> "$scratch/score.err") || { cat "$scratch/score.err" >&2; fail "mifid-workbench score exited $?"; }
python3 - "$json" "$ref/expected.json" <<'EOF' || fail "score printed $json"
import json, sys
got = json.loads(sys.argv[1])
want = next(c for c in json.load(open(sys.argv[2])) if c["name"] == "fullrank")
assert abs(got["mifid"] - want["mifid"]) < 1e-6 * want["mifid"], (got["mifid"], want["mifid"])
print("deb-test: score: MiFID %.9f (reference %.9f)" % (got["mifid"], want["mifid"]))
EOF

step "desktop files present, inert without a menu system"
for f in usr/share/applications/mifid-workbench.desktop usr/share/icons/hicolor/256x256/apps/mifid-workbench.png \
  usr/share/man/man1/mifid-workbench.1.gz usr/share/doc/mifid-workbench/copyright; do
  [ -f "$root/$f" ] || fail "/$f missing"
done

step "reinstall (prerm upgrade, postinst configure over the same version)"
in_root -i "$deb" > "$scratch/reinstall.log" 2>&1 || { cat "$scratch/reinstall.log" >&2; fail "reinstall exited $?"; }
[ "$(status_of)" = "ii $version" ] || fail "after reinstall: '$(status_of)'"

step "removal and purge"
in_root -r mifid-workbench > "$scratch/remove.log" 2>&1 || { cat "$scratch/remove.log" >&2; fail "dpkg -r exited $?"; }
[ ! -e "$root/opt/mifid-workbench" ] && [ ! -L "$root/usr/bin/mifid-workbench" ] || fail "files left after dpkg -r"
in_root -P mifid-workbench > "$scratch/purge.log" 2>&1 || { cat "$scratch/purge.log" >&2; fail "dpkg -P exited $?"; }
[ -z "$(status_of | grep -v '^un')" ] || fail "after purge the package is '$(status_of)'"
left=$(cd "$root" && find . -path ./var/lib/dpkg -prune -o \( -type f -o -type l \) -print | head)
[ -z "$left" ] || fail "left in the root after purge: $left"
[ -z "$(menu_dirs)" ] || fail "the package created menu directories: $(menu_dirs)"
echo "deb-test: OK ($(basename "$deb"))"
