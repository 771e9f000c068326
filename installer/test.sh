#!/usr/bin/env bash
# Installs what is needed, builds everything and runs every test. The README's test command.
#
# Stages (each prints its time at the end):
#   deps        Debian packages and the pinned AWS tools (installer/install-deps.sh)
#   build       the application, every test and benchmark (gcc, -O2, no debug information)
#   test        every CTest: unit, window, CLI, durability, fuzz replays and AWS's own tools
#   sanitize    the model, exporter and CLI tests again (not the window's, the AWS tools' or the
#               kill tests), built with clang, AddressSanitizer and UndefinedBehaviorSanitizer (a
#               finding ends the test), in build-sanitize/
#   fuzz        every libFuzzer target for STACKCANVAS_FUZZ_SECONDS (default 30) seconds, in the
#               same build: its corpus includes the regression inputs the replay tests check
#   package     the Debian package and its checks (installer/test-package.sh: a clean Debian 12
#               root with debootstrap), only with STACKCANVAS_TEST_PACKAGE=1 (needs root)
# STACKCANVAS_STAGES="build test" runs only those stages.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
jobs=$(nproc)
# A compiler cache keyed on paths relative to the clone, so every clone of the project shares it:
# an unchanged file is not compiled twice, by the gcc build or by the clang one.
launcher=()
if command -v ccache >/dev/null; then
    export CCACHE_BASEDIR="$root"
    # The sanitizer build carries line tables (-g), for which ccache would also hash the build
    # directory's path: a new clone would then compile everything again.
    export CCACHE_NOHASHDIR=1
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
stages=${STACKCANVAS_STAGES:-deps build test sanitize fuzz package}
timings=()

want() { [[ " $stages " == *" $1 "* ]]; }
run_stage() {
    local name=$1
    shift
    want "$name" || return 0
    echo "=== $name"
    local start=$SECONDS
    "$@"
    timings+=("$(printf '%-10s %4d s' "$name" $((SECONDS - start)))")
}

deps() { ./installer/install-deps.sh; }

build() {
    cmake -S . -B build -G Ninja "${launcher[@]}" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
          -DSTACKCANVAS_WERROR="${STACKCANVAS_WERROR:-OFF}"
    cmake --build build -j"$jobs"
}

test_all() { ctest --test-dir build --output-on-failure -j"$jobs" --timeout 900; }

# The model, exporter and CLI tests and the fuzz targets in one clang build: the libraries are
# compiled once with the sanitizers and libFuzzer's coverage and serve both. Only the targets
# those tests need are built; the replay tests are left to the fuzz stage, whose runs start with
# the same inputs.
sanitize() {
    cmake -S . -B build-sanitize -G Ninja "${launcher[@]}" -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=Release \
          -DCMAKE_CXX_FLAGS_RELEASE="-O1 -gline-tables-only -DNDEBUG" -DSTACKCANVAS_FUZZ=ON \
          -DSTACKCANVAS_BUILD_BENCH=OFF -DSTACKCANVAS_WERROR="${STACKCANVAS_WERROR:-OFF}"
    local labels='template|document|catalog|rules|rollout|study|exporters|cli' excluded='gui|aws|durability|fuzz'
    # The executables of those tests (a test that runs a script, such as reader_agreement, only
    # needs the command).
    mapfile -t targets < <(comm -12 \
        <(ctest --test-dir build-sanitize -N -L "$labels" -LE "$excluded" | sed -n 's/^ *Test *#[0-9]*: //p' | sort) \
        <(ninja -C build-sanitize -t targets all | sed -n 's/^\([^:]*\): phony$/\1/p' | sort))
    cmake --build build-sanitize -j"$jobs" --target stackcanvas fuzz_all "${targets[@]}"
    LSAN_OPTIONS="suppressions=$root/tests/fuzz/lsan.supp:print_suppressions=0" \
    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" ASAN_OPTIONS="detect_leaks=1" \
        ctest --test-dir build-sanitize --output-on-failure -j"$jobs" --timeout 900 -L "$labels" -LE "$excluded"
}

fuzz() { tests/fuzz/run-fuzzers.sh build-sanitize "${STACKCANVAS_FUZZ_SECONDS:-30}"; }

package() {
    if [ "${STACKCANVAS_TEST_PACKAGE:-0}" != 1 ]; then
        echo "(skipped: STACKCANVAS_TEST_PACKAGE=1 builds the package and installs it into a clean Debian 12 root)"
        return 0
    fi
    (cd build && cpack -G DEB)
    ./installer/test-package.sh build
}

run_stage deps deps
run_stage build build
run_stage test test_all
run_stage sanitize sanitize
run_stage fuzz fuzz
run_stage package package
echo "=== stage times"
printf '%s\n' "${timings[@]}"
