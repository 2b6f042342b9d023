#!/bin/sh
# rt_replay.sh -- Recognizers-Text's own pass rate on its English date
# extractor and parser suites (DateExtractor ... DurationParser), which
# peer-specs/README.md lists as not replayed, and the English PercentModel
# cases the peer fails, by index. bench/conformance.py prints the date
# figures beside kiji's.
#
#   bench/rt_replay.sh [SHARED_DIR]        (default: ../shared next to the repo)
#
# Installs @microsoft/recognizers-text-suite 1.3.1 (the build
# peer-specs/README.md measured the model files with; it brings its own
# recognizers-text-date-time and recognizers-text-number) from the npm registry into a
# temporary directory, npm's cache included (removed at exit), and runs
# bench/rt_replay.js under a timeout. Without the specs, node or npm it says
# so and exits 0.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
shared=${1:-$here/../../shared}
specs=$shared/peer-specs/recognizers-text

if [ ! -d "$specs/DateTime/English" ]; then
    echo "rt_replay: $specs/DateTime/English is absent: nothing to replay"
    exit 0
fi
for tool in node npm timeout; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "rt_replay: $tool is not installed: nothing to replay"
        exit 0
    fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/kiji-rt.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

if ! timeout 300 npm install --prefix "$work" --cache "$work/npm-cache" --no-audit --no-fund \
        --no-save --loglevel=error @microsoft/recognizers-text-suite@1.3.1 >"$work/npm.log" 2>&1; then
    echo "rt_replay: npm install failed or timed out:" >&2
    tail -20 "$work/npm.log" >&2
    exit 1
fi
printf 'rt_replay: @microsoft/recognizers-text-date-time %s\n' \
    "$(node -p "require('$work/node_modules/@microsoft/recognizers-text-date-time/package.json').version")"
NODE_PATH="$work/node_modules" timeout 600 node "$here/rt_replay.js" "$specs"
