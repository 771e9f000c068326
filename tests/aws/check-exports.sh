#!/usr/bin/env bash
# Exports every example with the StackCanvas CLI to cfn-yaml and cfn-json, then validates the
# exported templates with AWS's validator (validate.mjs). Any failed export or any
# error-severity finding fails the check.
#
# usage: check-exports.sh STACKCANVAS_CLI OUT_DIR [EXAMPLES_DIR]
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cli=${1:?usage: check-exports.sh STACKCANVAS_CLI OUT_DIR [EXAMPLES_DIR]}
out=${2:?usage: check-exports.sh STACKCANVAS_CLI OUT_DIR [EXAMPLES_DIR]}
examples=${3:-$root/examples}
node=${NODE:-node}

if [ ! -x "$cli" ]; then
    echo "check-exports: $cli is not an executable (build the stackcanvas target first)" >&2
    exit 2
fi
if ! command -v "$node" >/dev/null; then
    echo "check-exports: node not found; run installer/install-deps.sh" >&2
    exit 2
fi

rm -rf "$out"
mkdir -p "$out"
# The CLI links Qt; make sure it never needs a display.
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

failures=0
exported=()
for template in "$examples"/*/template.yaml; do
    name=$(basename "$(dirname "$template")")
    for format in cfn-yaml cfn-json; do
        ext=yaml
        [ "$format" = cfn-json ] && ext=json
        target="$out/$name.$ext"
        if ! "$cli" export "$template" --to "$format" -o "$target" 2>"$out/$name.$ext.stderr"; then
            echo "$template: export --to $format failed:" >&2
            sed 's/^/    /' "$out/$name.$ext.stderr" >&2
            failures=$((failures + 1))
            continue
        fi
        if [ ! -s "$target" ]; then
            echo "$template: export --to $format wrote no file at $target" >&2
            failures=$((failures + 1))
            continue
        fi
        exported+=("$target")
    done
done

if [ ${#exported[@]} -eq 0 ]; then
    echo "check-exports: nothing was exported" >&2
    exit 1
fi

"$node" "$here/validate.mjs" --warnings "${exported[@]}"
status=$?
echo "check-exports: ${#exported[@]} exported file(s), $failures failed export(s)"
if [ $failures -ne 0 ] || [ $status -ne 0 ]; then
    exit 1
fi
exit 0
