#!/bin/sh
# peers.sh -- kiji against its peers on the same Japanese sentences, in one run.
#
#   bench/peers.sh [KIJI] [SENTENCES] [ROUNDS]     (defaults: build/tools/kiji 500 3)
#
# Installs Microsoft Recognizers-Text (@microsoft/recognizers-text-suite) and
# chrono-node from the npm registry into a temporary directory, npm's cache
# included (removed at exit: nothing is written anywhere else), draws the
# first SENTENCES sentences from ../shared/corpus/ja_news.jsonl and times each
# peer and kiji over them ROUNDS times (bench/peers_driver.js), printing MB/s,
# sentences/s and kiji's speed ratio to each peer, by wall clock and by CPU
# time. kiji runs in process as the peers do (parse_bench --records from the
# same build: KIJI's ../bench/parse_bench, or $KIJI_PARSE_BENCH) and, for
# comparison, as `kiji parse --jsonl`, which also decodes each JSON line. Bounded: the install and the measurement each run under a
# timeout. Without the corpus, node or npm it says so and exits 0.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
kiji=${1:-$here/../build/tools/kiji}
sentences=${2:-500}
rounds=${3:-3}
corpus=${KIJI_CORPUS:-$here/../../shared/corpus/ja_news.jsonl}

if [ ! -r "$corpus" ]; then
    echo "peers: $corpus is absent: nothing to measure"
    exit 0
fi
for tool in node npm timeout; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "peers: $tool is not installed: nothing to measure"
        exit 0
    fi
done
if [ ! -x "$kiji" ]; then
    echo "peers: $kiji is not an executable (build kiji first, or pass its path)" >&2
    exit 2
fi
case "$sentences$rounds" in
    *[!0-9]*) echo "usage: peers.sh [KIJI] [SENTENCES] [ROUNDS]" >&2; exit 2 ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/kiji-peers.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

echo "peers: installing into $work (npm registry)..." >&2
if ! timeout 300 npm install --prefix "$work" --cache "$work/npm-cache" --no-audit --no-fund \
        --no-save --loglevel=error @microsoft/recognizers-text-suite chrono-node >"$work/npm.log" 2>&1; then
    echo "peers: npm install failed or timed out:" >&2
    tail -20 "$work/npm.log" >&2
    exit 1
fi
for pkg in @microsoft/recognizers-text-suite chrono-node; do
    printf 'peers: %s %s\n' "$pkg" "$(node -p "require('$work/node_modules/$pkg/package.json').version")"
done

# kiji in process: parse_bench from the same build (bench/ beside tools/).
pbench=${KIJI_PARSE_BENCH:-$(dirname "$kiji")/../bench/parse_bench}
[ -x "$pbench" ] || pbench=

NODE_PATH="$work/node_modules" timeout 900 \
    node "$here/peers_driver.js" "$corpus" "$kiji" "$sentences" "$rounds" "$work" "$pbench"
