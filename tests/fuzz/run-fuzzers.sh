#!/usr/bin/env bash
# Runs every libFuzzer target of a STACKCANVAS_FUZZ build for a bounded time each, on the seed
# corpus (examples/, tests/data/, the regression inputs) and the CloudFormation dictionary.
# Fails on a crash, a leak, an out-of-memory or a slow input (libFuzzer saves it under
# OUT/<target>/ as crash-*, leak-*, oom-* or timeout-*: copy it into regressions/<target>/
# with the fix). Prints the executions of each target. Runs STACKCANVAS_FUZZ_JOBS targets at
# once (default: one per core); STACKCANVAS_FUZZ_TARGETS, a list separated by spaces, runs only
# those targets.
#   tests/fuzz/run-fuzzers.sh BUILD_DIR [SECONDS_PER_TARGET] [OUT]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${1:?usage: run-fuzzers.sh BUILD_DIR [SECONDS_PER_TARGET] [OUT]}" && pwd)
seconds=${2:-60}
out=${3:-$build/fuzz-runs}
mkdir -p "$out" && out=$(cd "$out" && pwd)
targets=(yaml_reader json_reader rules cdk_writer sam_writer scenario_builder simulate)
if [ -n "${STACKCANVAS_FUZZ_TARGETS:-}" ]; then
    read -r -a targets <<<"$STACKCANVAS_FUZZ_TARGETS"
fi

# Leaks in Qt's and fontconfig's process-lifetime caches are not ours.
export LSAN_OPTIONS="suppressions=$here/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

# One target per core at a time; each writes its result beside its log.
fuzz_one() {
    local target=$1 exe=$build/tests/fuzz/fuzz_$1
    local corpus=$out/$target/corpus log=$out/$target/log.txt
    mkdir -p "$corpus"
    local seeds=("$root/examples" "$root/tests/data")
    [ -d "$here/regressions/$target" ] && seeds+=("$here/regressions/$target")
    # -timeout: one input over 10 s is a hang; -rss_limit_mb: a bounded reader stays far below.
    if (cd "$out/$target" && "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
            -max_len=16384 -dict="$here/cloudformation.dict" -print_final_stats=1 \
            "$corpus" "${seeds[@]}") >"$log" 2>&1; then
        echo ok >"$out/$target/result"
    else
        echo FAILED >"$out/$target/result"
    fi
}
for target in "${targets[@]}"; do
    [ -x "$build/tests/fuzz/fuzz_$target" ] || { echo "no $build/tests/fuzz/fuzz_$target: build the fuzz_all target of a -DSTACKCANVAS_FUZZ=ON build" >&2; exit 2; }
    rm -f "$out/$target/result"
done
jobs=${STACKCANVAS_FUZZ_JOBS:-$(nproc)}
running=0
for target in "${targets[@]}"; do
    fuzz_one "$target" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait -n
        running=$((running - 1))
    fi
done
wait

status=0
total=0
for target in "${targets[@]}"; do
    log=$out/$target/log.txt
    result=$(cat "$out/$target/result" 2>/dev/null || echo FAILED)
    [ "$result" = ok ] || status=1
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
