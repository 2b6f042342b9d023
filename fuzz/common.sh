# fuzz/common.sh -- sourced by fuzz/ci-fuzz, fuzz/run-all, fuzz/update-corpus
# and fuzz/seed-from-corpus: where the libFuzzer build lives and how to make it.
# shellcheck shell=bash

FUZZ_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$FUZZ_DIR/.." && pwd)
FUZZ_BUILD=${FUZZ_BUILD:-$ROOT/build-fuzz-clang}
FUZZ_JOBS=${FUZZ_JOBS:-2}
# Abort on the first error of any sanitizer, with a stack; leaks count.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# Configure and build every fuzz target with clang, libFuzzer, ASan+UBSan.
fuzz_build() {
    local cc=${FUZZ_CC:-}
    if [ -z "$cc" ]; then
        for c in clang clang-14; do
            command -v "$c" >/dev/null && cc=$c && break
        done
    fi
    [ -n "$cc" ] || { echo "fuzz: clang not found" >&2; return 1; }
    local t targets=() log=$FUZZ_BUILD/fuzz-build.log
    mkdir -p "$FUZZ_BUILD"
    for t in $(fuzz_targets); do targets+=(--target "fuzz_$t"); done
    # The build's output goes to a log, shown only when the build fails.
    if ! { cmake -S "$ROOT" -B "$FUZZ_BUILD" -DCMAKE_C_COMPILER="$cc" \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIJI_FUZZ=ON -DKIJI_SANITIZE=ON &&
        nice -n 10 cmake --build "$FUZZ_BUILD" -j "$FUZZ_JOBS" "${targets[@]}"; } >"$log" 2>&1; then
        tail -n 40 "$log" >&2
        echo "fuzz: the build failed (full log: $log)" >&2
        return 1
    fi
}

# Targets with a source file here (the daemon ones only when daemon/ has
# the code they drive; fuzz/CMakeLists.txt applies the same rule).
fuzz_targets() {
    local t
    for t in parse norm numeric date entity quote meta quadratic envelope config; do
        case $t in
        envelope) [ -e "$ROOT/daemon/envelope.c" ] || continue ;;
        config) [ -e "$ROOT/daemon/config.c" ] || continue ;;
        esac
        echo "$t"
    done
}

# The dictionary of a target (empty when it has none).
fuzz_dict() {
    [ -e "$FUZZ_DIR/dict/$1.dict" ] && echo "-dict=$FUZZ_DIR/dict/$1.dict"
}

# Seconds one input may take before libFuzzer calls it a timeout (wall
# time, on a shared machine). The quadratic target parses up to 1 MiB twice
# under ASan+UBSan (0.4-0.7 s of CPU in a plain build) and bounds its own
# work per byte, so only a real hang should stop it. Slow inputs are
# reported at the same limit: a slow unit below it is no finding.
fuzz_timeout() {
    case $1 in
    quadratic) echo 120 ;;
    *) echo 20 ;;
    esac
}

# Largest input libFuzzer may generate for a target: articles are a few KB
# (the quadratic target repeats its input itself).
fuzz_max_len() {
    case $1 in
    parse | meta) echo 16384 ;;
    config) echo 4096 ;;
    *) echo 4096 ;;
    esac
}
