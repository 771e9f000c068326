#!/bin/sh
# Whole-process figures, side by side in one run, measured with hyperfine: on a generated
# 500-resource template (bench_rules --write), `stackcanvas validate` against AWS's validator
# (tests/aws/validate.mjs, one node process per file as a CI job runs it), and
# `stackcanvas export --to cdk-ts` against the real CDK synthesizing that very app
# (node --import tsx, as tests/aws does); both also on the same template written as JSON. Also
# `stackcanvas --version`: the process start-up alone, before any reading. hyperfine's JSON
# results are kept in WORK_DIR.
#
# Usage: tests/bench/cli-vs-aws.sh [BUILD_DIR=build] [RUNS=20] [WORK_DIR=/tmp/stackcanvas-cli-bench]
# Needs hyperfine, node and tests/aws/node_modules (installer/install-deps.sh); the machine
# should be otherwise idle: wall-clock times on a loaded machine say little, so the user and
# system CPU times hyperfine prints beside them are the figures to compare then.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
build=$(cd "${1:-build}" && pwd)
runs=${2:-20}
work=${3:-/tmp/stackcanvas-cli-bench}
sc="$build/app/stackcanvas"
modules="$source_dir/tests/aws/node_modules"

for tool in hyperfine node; do
    command -v "$tool" >/dev/null || { echo "cli-vs-aws.sh: $tool is not installed" >&2; exit 2; }
done
[ -d "$modules/aws-cdk-lib" ] || { echo "cli-vs-aws.sh: $modules has no aws-cdk-lib (installer/install-deps.sh)" >&2; exit 2; }
cmake --build "$build" --target stackcanvas bench_rules >/dev/null

rm -rf "$work"
mkdir -p "$work/home"
template="$work/template500.yaml"
"$build/tests/bench/bench_rules" --resources 500 --write "$template" >/dev/null
"$sc" export "$template" --to cdk-ts -o "$work/app"
ln -s "$modules" "$work/app/node_modules"
synth="cd '$work/app' && HOME='$work/home' CDK_OUTDIR='$work/app/cdk.out' CDK_VALIDATION=false node --import tsx bin/app.ts"

# Both validators exit 1 when they find errors (AWS's finds the generator's repeated subnet
# ranges); that is still the whole work, so exit codes 0 and 1 are accepted here and ignored
# (-i) in the timing, and each command is checked once to run to the end.
ran() { "$@" >/dev/null 2>&1 || [ $? -eq 1 ] || { echo "cli-vs-aws.sh: failed: $*" >&2; exit 1; }; }
ran "$sc" validate "$template"
ran node "$source_dir/tests/aws/validate.mjs" --quiet "$template"
sh -c "$synth"
test -s "$work/app/cdk.out/"*.template.json

# The same template in JSON, which reads without yaml-cpp: what the rest of the command costs.
json_template="$work/template500.json"
"$sc" export "$template" --to cfn-json -o "$json_template"
hyperfine -N -i --warmup 3 --runs "$runs" --export-json "$work/stackcanvas.json" \
    -n 'stackcanvas --version' "$sc --version" \
    -n 'stackcanvas validate' "$sc validate $template" \
    -n 'stackcanvas export --to cdk-ts' "$sc export $template --to cdk-ts -o $work/export" \
    -n 'stackcanvas validate (JSON)' "$sc validate $json_template" \
    -n 'stackcanvas export --to cdk-ts (JSON)' "$sc export $json_template --to cdk-ts -o $work/export-json"
# The exports above write into the same directory every run, so from the second run on every
# file already holds its bytes and nothing is written. Into a directory that does not exist yet,
# every file of the project is written (and synced to disk) each run:
hyperfine -N -i --warmup 3 --runs "$runs" --export-json "$work/fresh.json" --prepare "rm -rf $work/fresh" \
    -n 'stackcanvas export --to cdk-ts (JSON, new directory)' "$sc export $json_template --to cdk-ts -o $work/fresh"
hyperfine -i --warmup 1 --runs "$(( runs < 5 ? runs : 5 ))" --export-json "$work/aws.json" \
    -n "AWS's validator" "node $source_dir/tests/aws/validate.mjs --quiet $template" \
    -n 'CDK synthesis' "$synth"

# The ratios, from the means and from the CPU time (user + system) of each command.
node -e '
const fs = require("fs");
const all = process.argv.slice(1).flatMap(file => JSON.parse(fs.readFileSync(file)).results);
const by = Object.fromEntries(all.map(r => [r.command, r]));
const cpu = r => r.user + r.system;
const ms = s => (s * 1000).toFixed(1) + " ms";
for (const [ours, theirs] of [["stackcanvas validate", "AWS\x27s validator"], ["stackcanvas export --to cdk-ts", "CDK synthesis"],
                              ["stackcanvas validate (JSON)", "AWS\x27s validator"], ["stackcanvas export --to cdk-ts (JSON)", "CDK synthesis"],
                              ["stackcanvas export --to cdk-ts (JSON, new directory)", "CDK synthesis"]]) {
    const a = by[ours], b = by[theirs];
    console.log(`${ours}: mean ${ms(a.mean)} (CPU ${ms(cpu(a))}) vs ${theirs}: mean ${ms(b.mean)} (CPU ${ms(cpu(b))}): ` +
                `${(b.mean / a.mean).toFixed(0)}x by wall clock, ${(cpu(b) / cpu(a)).toFixed(0)}x by CPU time`);
}
' "$work/stackcanvas.json" "$work/fresh.json" "$work/aws.json"
