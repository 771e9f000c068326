#!/usr/bin/env bash
# Checks the Debian package the way a user meets it: its files (stripped executable, desktop
# entry and AppStream metadata that validate, hicolor icon, man page, no lintian error or
# warning), then installs it with `apt install ./stackcanvas_*.deb` into a clean Debian 12 root made with debootstrap and starts
# it there: --version, validate, a PNG export and the window rendered offscreen, which loads
# every QML module the package depends on (its screenshot is kept as BUILD_DIR/package-window.png);
# then purges it and checks that none of its files is left.
#   installer/test-package.sh [BUILD_DIR]        (default: build; run `cpack -G DEB` in it first)
# Needs root and Debian's mirror (DEBIAN_MIRROR, default http://deb.debian.org/debian).
# Downloads are kept in STACKCANVAS_DEB_CACHE (default /var/cache/stackcanvas-test-package).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_root=$(dirname "$here")
build=$(cd "${1:-$source_root/build}" && pwd)
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
cache=${STACKCANVAS_DEB_CACHE:-/var/cache/stackcanvas-test-package}

debs=("$build"/stackcanvas_*.deb)
[ -f "${debs[-1]}" ] || { echo "no stackcanvas_*.deb in $build: run cpack -G DEB there" >&2; exit 2; }
deb=${debs[-1]}
[ "$(id -u)" -eq 0 ] || { echo "test-package.sh needs root (debootstrap, chroot)" >&2; exit 2; }

work=$(mktemp -d /var/tmp/stackcanvas-package.XXXXXX)
root=$work/root
cleanup() {
    for m in "$root/var/cache/apt/archives" "$root/proc" "$root/dev"; do
        mountpoint -q "$m" 2>/dev/null && umount -l "$m"
    done
    rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "test-package: $*" >&2; exit 1; }

echo "== the package: $(basename "$deb"), $(du -h "$deb" | cut -f1)"
dpkg-deb --field "$deb" Package Version Architecture Installed-Size Depends Recommends
mkdir -p "$work/files"
dpkg-deb -x "$deb" "$work/files"
# The command, and the window's executable it hands drawing to.
for exe in "$work/files/usr/bin/stackcanvas" "$work/files/usr/libexec/stackcanvas/stackcanvas-window"; do
    [ -x "$exe" ] || fail "no executable $exe"
    file "$exe" | grep -q 'stripped' && ! file "$exe" | grep -q 'not stripped' || fail "$exe is not stripped"
done
desktop-file-validate "$work/files/usr/share/applications/io.stackcanvas.StackCanvas.desktop"
appstreamcli validate --no-net "$work/files/usr/share/metainfo/io.stackcanvas.StackCanvas.metainfo.xml"
[ -f "$work/files/usr/share/icons/hicolor/scalable/apps/io.stackcanvas.StackCanvas.svg" ] || fail "no hicolor icon"
lintian --fail-on error,warning "$deb" 2> >(grep -v "root privileges" >&2) || fail "lintian"
zcat "$work/files/usr/share/man/man1/stackcanvas.1.gz" | grep -q '^\.SH' || fail "no man page"

echo "== a clean Debian 12 root"
mkdir -p "$cache/debootstrap" "$cache/apt"
debootstrap --variant=minbase --cache-dir="$cache/debootstrap" bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log"; fail "debootstrap failed"; }
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind "$cache/apt" "$root/var/cache/apt/archives"
cp "$deb" "$root/tmp/"
cp "$source_root/examples/lambda-canary/template.yaml" "$root/tmp/template.yaml"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

echo "== apt install ./$(basename "$deb") (Depends only, no Recommends)"
in_root apt-get update -q >/dev/null
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "./tmp/$(basename "$deb")" \
    >"$work/apt.log" 2>&1 || { tail -30 "$work/apt.log"; fail "apt could not install the package"; }
grep -E '^(Need to get|After this operation)' "$work/apt.log" || true

echo "== it starts"
version=$(in_root stackcanvas --version) || fail "--version"
grep -qx "StackCanvas [0-9.]*" <<<"$version" || fail "--version said: $version"
in_root stackcanvas validate /tmp/template.yaml --format json >"$work/validate.json" || [ $? -eq 1 ] || fail "validate"
grep -q '"resources"' "$work/validate.json" || fail "validate printed no report"
in_root stackcanvas export /tmp/template.yaml --to png -o /tmp/diagram.png || fail "PNG export"
in_root env QT_QPA_PLATFORM=offscreen stackcanvas /tmp/template.yaml --screenshot /tmp/window.png --size 1280x800 \
    2>"$work/window.log" || { cat "$work/window.log"; fail "the window did not start"; }
if grep -E 'is not installed|module .* not found|failed to load' "$work/window.log"; then
    fail "the window misses a QML module"
fi
for png in diagram window; do
    [ -s "$root/tmp/$png.png" ] || fail "no $png.png"
    file "$root/tmp/$png.png"
done
no_display=$(in_root stackcanvas 2>&1) && fail "the window started without a display"
grep -q 'cannot open the window' <<<"$no_display" || fail "the window without a display did not say so: $no_display"
cp "$root/tmp/window.png" "$build/package-window.png"

echo "== apt purge stackcanvas leaves none of its files"
in_root dpkg-query -L stackcanvas >"$work/files.list"
in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q stackcanvas >"$work/purge.log" 2>&1 \
    || { tail -30 "$work/purge.log"; fail "apt could not remove the package"; }
in_root dpkg-query -W stackcanvas >/dev/null 2>&1 && fail "dpkg still knows the package after purge"
left=()
while read -r f; do
    [ -f "$root$f" ] || [ -L "$root$f" ] && left+=("$f")
done <"$work/files.list"
[ ${#left[@]} -eq 0 ] || fail "purge left: ${left[*]}"
echo "test-package: ok"
