#!/bin/sh
# callgrind.sh -- a stable cost figure for the parser: instructions per input
# byte, counted by callgrind over the parse loop only (parse_bench --callgrind
# brackets kiji_parse + kiji_doc_json with client requests), plus the top
# functions by inclusive cost. Wall-clock figures on this shared machine are
# noisy; instruction counts are not.
#
# usage: bench/callgrind.sh [BUILD_DIR] [ARTICLES] [ja|en|ref] [SHARED_DIR]
#   defaults: build, 100 articles, ja, ../shared next to the repo
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build}
limit=${2:-100}
only=${3:-ja}
shared=${4:-$repo/../shared}
bench=$build/bench/parse_bench

if [ ! -f "$shared/corpus/ja_news.jsonl" ]; then
    echo "callgrind.sh: no corpus under $shared/corpus: nothing to measure"
    exit 0
fi
command -v valgrind >/dev/null || { echo "callgrind.sh: valgrind not installed"; exit 0; }
[ -x "$bench" ] || { echo "callgrind.sh: $bench not built" >&2; exit 2; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
nice -n 10 valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$out/cg.out" \
    "$bench" --shared "$shared" --limit "$limit" --only "$only" --callgrind >"$out/log" 2>&1 || {
    cat "$out/log" >&2
    exit 1
}
# parse_bench prints "<corpus>: N articles, B bytes x 1 pass(es) instrumented"
bytes=$(sed -n 's/.* articles, \([0-9]*\) bytes x.*/\1/p' "$out/log" | head -1)
arts=$(sed -n 's/.*: \([0-9]*\) articles, .*/\1/p' "$out/log" | head -1)
callgrind_annotate --inclusive=yes "$out/cg.out" >"$out/annotate" 2>/dev/null
ir=$(sed -n 's/^ *\([0-9,]*\) .*PROGRAM TOTALS.*/\1/p' "$out/annotate" | tr -d , | head -1)
echo "callgrind: $only, $arts articles, $bytes bytes: $ir instructions"
awk -v ir="$ir" -v b="$bytes" -v a="$arts" 'BEGIN {
    printf "  %.0f instructions/byte, %.0f instructions/article\n", ir / b, ir / a }'
echo "top functions (inclusive):"
# one line per function: the rows that name their object file
grep -E '^ *[0-9,]+ +\(.*\[' "$out/annotate" | head -25
