#!/usr/bin/env bash
# Installs everything StackCanvas needs to build, run and test on Debian 12:
# the Qt 6 / yaml-cpp / nlohmann-json toolchain from Debian, clang with its sanitizer and
# libFuzzer runtimes (the sanitizer and fuzz stages of the tests), the packaging tools (man page,
# desktop entry and AppStream checks, a clean Debian root), X tools for screenshots,
# ccache (rebuilds after a small change take seconds), Node.js, and the pinned AWS tools (CDK, validator) that the tests check exports with.
# Safe to run again: apt and npm skip what is already there.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

packages=(
    build-essential cmake ninja-build pkg-config git ccache
    qt6-base-dev qt6-declarative-dev qt6-declarative-dev-tools qt6-svg-dev
    libgl-dev libxkbcommon-dev libyaml-cpp-dev nlohmann-json3-dev
    qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript
    qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-templates
    qml6-module-qtquick-layouts qml6-module-qtquick-shapes qml6-module-qtquick-dialogs
    qml6-module-qt-labs-folderlistmodel qml6-module-qtquick-window qml6-module-qt-labs-settings
    qml6-module-qttest qt6-qpa-plugins qml6-module-qt-labs-platform
    xvfb xauth imagemagick x11-apps xdotool fonts-dejavu-core
    python3 python3-yaml
    clang-14 libclang-rt-14-dev llvm-14
    dpkg-dev file help2man desktop-file-utils appstream debootstrap lintian
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    missing+=(nodejs npm)
fi
if [ ${#missing[@]} -gt 0 ]; then
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

# The AWS tools used by tests/aws (versions pinned in its package.json).
if [ "${STACKCANVAS_SKIP_NPM:-0}" != 1 ]; then
    (cd "$root/tests/aws" && npm install --no-audit --no-fund --loglevel=error)
fi
