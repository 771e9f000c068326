#!/usr/bin/env bash
# Installs what is needed, builds the application and starts it on its default example
# (or on the files given). The README's run command.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
STACKCANVAS_SKIP_NPM=1 ./installer/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$(nproc)" --target stackcanvas
exec ./build/app/stackcanvas "$@"
