#!/bin/sh
# Rewrites the window goldens from the application itself. Review the images (and the diff)
# before committing them: they are what the screenshot test holds the window to.
#   tests/golden/regenerate.sh [BUILD_DIR]   (default: build)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
app=$build/app/stackcanvas
[ -x "$app" ] || { echo "no $app: build the stackcanvas target first" >&2; exit 2; }
for theme in light dark; do
    QT_QPA_PLATFORM=offscreen QT_QUICK_BACKEND=software QT_QUICK_CONTROLS_STYLE=Fusion \
        "$app" --screenshot "$here/window-$theme.png" --theme "$theme"
    echo "wrote $here/window-$theme.png"
done
