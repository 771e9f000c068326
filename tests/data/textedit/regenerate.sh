#!/bin/sh
# Rewrites every expected/NAME file from `stackcanvas edit` as built now. Review the diff
# (git diff tests/data/textedit) before committing: each file is the exact text a user gets.
# Usage: tests/data/textedit/regenerate.sh [BUILD_DIR]
set -e
build=${1:-build}
cmake --build "$build" --target tst_textedit
SC_REGENERATE_GOLDENS=1 "$build/tests/template/tst_textedit" goldens
