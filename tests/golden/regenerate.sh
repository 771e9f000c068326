#!/bin/sh
# Rewrites the window goldens (tests/golden/shots.txt) from the application itself. Review the
# images (and the diff) before committing them: they are what the screenshot test holds the
# window to.
#   tests/golden/regenerate.sh [BUILD_DIR]   (default: build)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../../build}" && pwd)
app=$build/app/stackcanvas
[ -x "$app" ] || { echo "no $app: build the stackcanvas target first" >&2; exit 2; }
cd "$here/../.."
grep -v '^#' "$here/shots.txt" | while read -r name arguments; do
    [ -n "$name" ] || continue
    # shellcheck disable=SC2086 # the arguments are words
    QT_QPA_PLATFORM=offscreen QT_QUICK_BACKEND=software QT_QUICK_CONTROLS_STYLE=Fusion \
        "$app" --screenshot "$here/$name.png" $arguments
    echo "wrote $here/$name.png"
done
