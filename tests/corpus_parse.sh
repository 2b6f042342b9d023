#!/bin/sh
# Parses every article of the shared corpora with `kiji parse --jsonl` and
# fails on a crash or an unreadable record; rejected articles are listed with
# their reasons. Exit 77 (skipped) when the shared data is absent.
set -u
kiji=$1
shared=$2
if [ ! -f "$shared/corpus/ja_news.jsonl" ]; then
    echo "corpus.parse: $shared/corpus not found: skipped"
    exit 77
fi
rc=0
for f in "$shared/corpus/ja_news.jsonl" "$shared/corpus/en_news.jsonl"; do
    [ -f "$f" ] || continue
    "$kiji" parse --jsonl --quiet "$f" 2>/tmp/kiji-corpus-$$.log
    st=$?
    grep -v 'unreadable date' /tmp/kiji-corpus-$$.log | tail -20
    if [ $st -ne 0 ]; then
        echo "corpus.parse: $f: exit status $st"
        rc=1
    fi
    rm -f /tmp/kiji-corpus-$$.log
done
[ $rc -eq 0 ] && echo "corpus.parse: 1 passed, 0 failed"
exit $rc
