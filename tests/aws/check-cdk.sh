#!/usr/bin/env bash
# Proves the cdk-ts exporter with the real AWS CDK, offline: every template given is exported by
# the StackCanvas CLI to cdk-ts (the stack file) and to cfn-json; all stacks go into ONE project
# folder (node_modules symlinked from tests/aws), are type-checked by one `tsc --noEmit`,
# synthesized by one node process (cdk-synth-all.mts), compared with our cfn-json export by
# @aws-cdk/cloudformation-diff (cdk-diff-all.mjs), and validated by AWS's validator.
#
# usage: check-cdk.sh STACKCANVAS_CLI WORK_DIR TEMPLATE...
#   A TEMPLATE may be written NAME=PATH to choose the case name (default: the file's base name).
#   Environment: NODE; CDK_SKIP_LIST: files of "FILENAME  reason" lines, separated by colons
#   (tests/data/roundtrip/aws-skip.txt, tests/data/realworld/aws-skip.txt): those templates are
#   exported, type-checked, synthesized and diffed, but not given to AWS's validator, which
#   cannot accept them; CDK_EXPECTED_DIFFERENCES: see cdk-diff-all.mjs.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cli=${1:?usage: check-cdk.sh STACKCANVAS_CLI WORK_DIR TEMPLATE...}
work=${2:?usage: check-cdk.sh STACKCANVAS_CLI WORK_DIR TEMPLATE...}
shift 2
node=${NODE:-node}
modules=${STACKCANVAS_AWS_NODE_MODULES:-$here/node_modules}
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
export CDK_VALIDATION=false

if [ ! -d "$modules/aws-cdk-lib" ]; then
    echo "check-cdk: $modules has no aws-cdk-lib; run installer/install-deps.sh" >&2
    exit 2
fi

rm -rf "$work"
mkdir -p "$work/lib" "$work/expected" "$work/out" "$work/home"
ln -s "$modules" "$work/node_modules"
cp "$here/cdk-tsconfig.json" "$work/tsconfig.json"
export HOME="$work/home"

declare -A skip novalidate
IFS=: read -r -a skip_lists <<<"${CDK_SKIP_LIST:-}"
for list in "${skip_lists[@]}"; do
    while read -r name reason; do
        [ -z "$name" ] || [ "${name:0:1}" = "#" ] && continue
        skip[$name]=$reason
    done < "$list"
done

failures=0
cases=()
for arg in "$@"; do
    if [[ "$arg" == *=* ]]; then name=${arg%%=*}; template=${arg#*=}; else template=$arg; name=$(basename "$template"); name=${name%.*}; fi
    if [ -n "${skip[$(basename "$template")]:-}" ]; then
        echo "check-cdk: $name is not validated: ${skip[$(basename "$template")]}"
        novalidate[$name]=1
    fi
    if ! "$cli" export "$template" --to cdk-ts > "$work/lib/$name.ts" 2> "$work/lib/$name.notes"; then
        echo "$template: export --to cdk-ts failed:" >&2; sed 's/^/    /' "$work/lib/$name.notes" >&2
        failures=$((failures + 1)); continue
    fi
    if ! "$cli" export "$template" --to cfn-json -o "$work/expected/$name.json" 2>/dev/null; then
        echo "$template: export --to cfn-json failed" >&2
        failures=$((failures + 1)); continue
    fi
    cases+=("$name")
done
printf '%s\n' "${cases[@]}" > "$work/cases.txt"
cp "$here/cdk-synth-all.mts" "$work/synth-all.mts"

echo "check-cdk: ${#cases[@]} stack(s) exported"
start=$(date +%s.%N)
if ! "$node" "$modules/typescript/bin/tsc" --noEmit -p "$work/tsconfig.json"; then
    echo "check-cdk: tsc --noEmit found errors" >&2
    failures=$((failures + 1))
fi
t_tsc=$(date +%s.%N)
(cd "$work" && "$node" --import tsx synth-all.mts "$work/cases.txt" "$work/out") || failures=$((failures + 1))
t_synth=$(date +%s.%N)
"$node" "$here/cdk-diff-all.mjs" "$work/cases.txt" "$work/expected" "$work/out" ${CDK_EXPECTED_DIFFERENCES:-} || failures=$((failures + 1))
t_diff=$(date +%s.%N)
synthesized=()
for name in "${cases[@]}"; do
    [ -n "${novalidate[$name]:-}" ] && continue
    [ -f "$work/out/$name.template.json" ] && synthesized+=("$work/out/$name.template.json")
done
if [ ${#synthesized[@]} -gt 0 ]; then
    "$node" "$here/validate.mjs" --quiet --warnings "${synthesized[@]}" || failures=$((failures + 1))
fi
t_end=$(date +%s.%N)
awk -v a="$start" -v b="$t_tsc" -v c="$t_synth" -v d="$t_diff" -v e="$t_end" 'BEGIN {
    printf "check-cdk: tsc %.1f s, synth %.1f s, diff %.1f s, validate %.1f s\n", b-a, c-b, d-c, e-d }'
echo "check-cdk: ${#cases[@]} case(s), $failures failure(s)"
[ $failures -eq 0 ]
