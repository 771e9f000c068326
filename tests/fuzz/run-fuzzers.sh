#!/usr/bin/env bash
# Runs every libFuzzer target of a STACKCANVAS_FUZZ build for a bounded time each, on the seed
# corpus (examples/, tests/data/, the regression inputs) and the CloudFormation dictionary.
# Fails on a crash, a leak, an out-of-memory or a slow input (libFuzzer saves it under
# OUT/<target>/ as crash-*, leak-*, oom-* or timeout-*: copy it into regressions/<target>/
# with the fix). Prints the executions of each target.
#   tests/fuzz/run-fuzzers.sh BUILD_DIR [SECONDS_PER_TARGET] [OUT]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${1:?usage: run-fuzzers.sh BUILD_DIR [SECONDS_PER_TARGET] [OUT]}" && pwd)
seconds=${2:-60}
out=${3:-$build/fuzz-runs}
mkdir -p "$out" && out=$(cd "$out" && pwd)
targets=(yaml_reader json_reader rules cdk_writer sam_writer scenario_builder simulate)

# Leaks in Qt's and fontconfig's process-lifetime caches are not ours.
export LSAN_OPTIONS="suppressions=$here/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

status=0
total=0
for target in "${targets[@]}"; do
    exe=$build/tests/fuzz/fuzz_$target
    [ -x "$exe" ] || { echo "no $exe: build the fuzz_all target of a -DSTACKCANVAS_FUZZ=ON build" >&2; exit 2; }
    corpus=$out/$target/corpus
    mkdir -p "$corpus"
    log=$out/$target/log.txt
    seeds=("$root/examples" "$root/tests/data")
    [ -d "$here/regressions/$target" ] && seeds+=("$here/regressions/$target")
    # -timeout: one input over 10 s is a hang; -rss_limit_mb: a bounded reader stays far below.
    if (cd "$out/$target" && "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
            -max_len=16384 -dict="$here/cloudformation.dict" -print_final_stats=1 \
            "$corpus" "${seeds[@]}") >"$log" 2>&1; then
        result=ok
    else
        result=FAILED
        status=1
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    runs=${runs:-0}
    total=$((total + runs))
    printf '%-18s %s  %12s executions in %s s\n' "$target" "$result" "$runs" "$seconds"
    if [ "$result" = FAILED ]; then
        grep -E 'ERROR|SUMMARY|Test unit written|^(the |a |cdk|sam)' "$log" | head -20 >&2 || true
    fi
done
printf '%-18s %15s executions\n' total "$total"
exit $status
