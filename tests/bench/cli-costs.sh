#!/bin/sh
# Whole-process costs of the command that a loaded machine does not change: instructions
# executed (valgrind's callgrind, every thread) and page faults (perf stat), for `validate` and
# `export --to cdk-ts` on a generated 500-resource template (bench_rules --write), the same
# template written as JSON, and the Beanstalk example (7 KB). Also `--version`: start-up alone.
# Wall-clock times (cli-vs-aws.sh) need an idle machine; these figures compare two builds on
# any machine. With a second build directory, both are measured side by side.
#
# Usage: tests/bench/cli-costs.sh [BUILD_DIR=build] [OTHER_BUILD_DIR] [WORK_DIR=/tmp/stackcanvas-cli-costs]
# Needs valgrind; perf is optional (without it the faults column says so).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
build=$(cd "${1:-build}" && pwd)
other=${2:-}
[ -n "$other" ] && other=$(cd "$other" && pwd)
work=${3:-/tmp/stackcanvas-cli-costs}

command -v valgrind >/dev/null || { echo "cli-costs.sh: valgrind is not installed" >&2; exit 2; }
cmake --build "$build" --target stackcanvas bench_rules >/dev/null
rm -rf "$work"
mkdir -p "$work"
"$build/tests/bench/bench_rules" --resources 500 --write "$work/t500.yaml" >/dev/null
"$build/app/stackcanvas" export "$work/t500.yaml" --to cfn-json -o "$work/t500.json"
small="$source_dir/examples/beanstalk-blue-green/template.yaml"

instructions() { # command... -> instructions of the whole process, all threads
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null \
        | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
faults() { # command... -> page faults, the mean of five runs
    if command -v perf >/dev/null && perf stat -e page-faults true >/dev/null 2>&1; then
        perf stat -r 5 -x, -e page-faults "$@" 2>&1 >/dev/null | sed -n 's/^\([0-9.]*\),.*page-faults.*/\1/p'
    else
        echo "(no perf)"
    fi
}
row() { # label, arguments...
    label=$1
    shift
    line="$label"
    for b in "$build" ${other:+"$other"}; do
        # Both validators' exit code 1 (findings) still means the whole work was done.
        "$b/app/stackcanvas" "$@" >/dev/null 2>&1 || [ $? -eq 1 ] || { echo "cli-costs.sh: failed: $b $*" >&2; exit 1; }
        line="$line | $(instructions "$b/app/stackcanvas" "$@") | $(faults "$b/app/stackcanvas" "$@")"
    done
    echo "$line"
}

echo "command | instructions | page faults${other:+ | instructions ($other) | page faults ($other)}"
row "--version" --version
row "validate, 500 resources, YAML" validate "$work/t500.yaml"
row "validate, 500 resources, JSON" validate "$work/t500.json"
row "export cdk-ts, 500 resources, YAML" export "$work/t500.yaml" --to cdk-ts -o "$work/out-yaml"
row "export cdk-ts, 500 resources, JSON" export "$work/t500.json" --to cdk-ts -o "$work/out-json"
row "validate, Beanstalk example" validate "$small"
row "export cdk-ts, Beanstalk example" export "$small" --to cdk-ts -o "$work/out-small"
