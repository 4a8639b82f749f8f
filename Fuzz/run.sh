#!/usr/bin/env bash
# Builds the partition and chunk fuzz target with libFuzzer and AddressSanitizer and runs it.
#
# Usage: Fuzz/run.sh [-r RUNS] [-l MAX_LEN] [-t TIMEOUT_S] [-m RSS_LIMIT_MB] [-- LIBFUZZER_ARGS...]
#   -r  executions before stopping (libFuzzer -runs), default 100000; -1 runs until stopped
#   -l  largest generated input in bytes (-max_len), default 65536
#   -t  seconds one input may take before it counts as a hang (-timeout), default 10
#   -m  resident memory limit in MiB (-rss_limit_mb), default 2048
# Arguments after `--` go to libFuzzer unchanged, for example `-seed=1` or `-max_total_time=600`.
# To replay or minimise one input, run the binary on that file; `run.sh -h` prints where it is.
#
# The seed corpus is every HTML e-mail under Sources/SalesforceEmulator/Corpus plus the crafted
# inputs in Fuzz/Seeds. New inputs libFuzzer finds go to Fuzz/.work/corpus, and crash, timeout and
# leak inputs to Fuzz/.work/artifacts. Both folders are ignored by git.
set -euo pipefail

runs=100000
max_len=65536
timeout=10
rss_limit_mb=2048
while getopts "r:l:t:m:h" option; do
    case "$option" in
    r) runs="$OPTARG" ;;
    l) max_len="$OPTARG" ;;
    t) timeout="$OPTARG" ;;
    m) rss_limit_mb="$OPTARG" ;;
    h | *)
        awk 'NR > 1 && !/^#/ { exit } NR > 1 { print }' "$0"
        echo "binary: $(dirname "$0")/.build/release/PartitionChunkFuzzer"
        exit 2
        ;;
    esac
done
shift $((OPTIND - 1))
if [[ "${1:-}" == "--" ]]; then shift; fi

fuzz_dir="$(cd "$(dirname "$0")" && pwd)"
work="$fuzz_dir/.work"
mkdir -p "$work/corpus" "$work/seeds" "$work/artifacts"

# Flatten the e-mail corpus into one seed folder: libFuzzer reads every file of a folder, and the
# corpus also holds manifests that are not HTML.
find "$fuzz_dir/../Sources/SalesforceEmulator/Corpus" -name '*.html' -print0 |
    while IFS= read -r -d '' file; do
        relative="${file#"$fuzz_dir/../Sources/SalesforceEmulator/Corpus/"}"
        cp "$file" "$work/seeds/${relative//\//__}"
    done

# NOTE: twice a rebuild in an existing Fuzz/.build gave a binary without coverage instrumentation
# (libFuzzer warned "no interesting inputs" and the corpus stayed at one 1-byte unit), while a
# build in a fresh scratch folder was instrumented. The cause is not known, so check that the
# run prints a non-zero cov: count, and delete Fuzz/.build-fuzzer when it does not.
scratch="$fuzz_dir/.build-fuzzer"
(cd "$fuzz_dir" && swift build -c release --sanitize=fuzzer --sanitize=address --scratch-path "$scratch")
binary="$(cd "$fuzz_dir" && swift build -c release --sanitize=fuzzer --sanitize=address --scratch-path "$scratch" --show-bin-path)/PartitionChunkFuzzer"

# detect_leaks reports memory still allocated after an input, such as a libxml2 document that was
# never freed. Set ASAN_OPTIONS=detect_leaks=1:malloc_context_size=0 for long runs: reports then
# lack allocation stacks, which took about a fifth of the time in a perf profile of the target.
# -malloc_limit_mb applies the RSS limit to a single allocation as well.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
# The Swift runtime's backtracer reads freed memory while it walks a crash, which AddressSanitizer
# reports as a second error, and it can keep the process alive: leave crashes to libFuzzer.
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"
exec "$binary" \
    -runs="$runs" -max_len="$max_len" -timeout="$timeout" -rss_limit_mb="$rss_limit_mb" \
    -malloc_limit_mb="$rss_limit_mb" -artifact_prefix="$work/artifacts/" -print_final_stats=1 \
    "$@" "$work/corpus" "$work/seeds" "$fuzz_dir/Seeds"
