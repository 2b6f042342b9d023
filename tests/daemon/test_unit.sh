#!/bin/sh
# Checks systemd/kijid.service: `systemd-analyze verify` (with ExecStart
# pointed at the kijid just built, since verify requires the binary) and the
# offline security score, which must stay at exposure <= 1.2.
# usage: test_unit.sh UNIT KIJID
set -eu
unit=$1
kijid=$2
if ! command -v systemd-analyze >/dev/null 2>&1; then
    echo "systemd-analyze is missing (apt-get install systemd)" >&2
    exit 1
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT INT TERM
sed "s#/usr/local/sbin/kijid#$kijid#g" "$unit" > "$dir/kijid.service"
systemd-analyze verify --man=no "$dir/kijid.service"
systemd-analyze security --offline=yes --threshold=12 "$dir/kijid.service" > "$dir/score" || {
    cat "$dir/score"
    echo "exposure above 1.2" >&2
    exit 1
}
tail -1 "$dir/score"
