#!/usr/bin/env bash
# Fuzzes the scenario and sweep loaders with libFuzzer (Sources/FuzzScenario/FuzzScenario.swift).
#
#   Scripts/fuzz.sh                      # 60 s
#   FUZZ_SECONDS=600 Scripts/fuzz.sh     # 10 minutes
#
# Builds the FuzzScenario product with -sanitize=fuzzer,address into .build-fuzz, seeds a corpus
# with Scenarios/*.yaml, Scenarios/sweeps/*.yaml, Tests/Fixtures/bad/* and
# Tests/Fixtures/fuzz-regressions/*, and runs for FUZZ_SECONDS. Crash, timeout and out-of-memory
# inputs are written to FUZZ_CRASHES (default .build-fuzz/fuzz/crashes/, inside the git-ignored
# build folder); the script exits 1 when this run wrote any, 2 when it could not build or run the
# fuzzer, 0 otherwise.
#
# Environment:
#   FUZZ_SECONDS     total fuzzing time (default 60)
#   FUZZ_DIR         working folder (default $FUZZ_SCRATCH/fuzz): corpus/, crashes/, logs, dictionary
#   FUZZ_CORPUS      corpus folder (default $FUZZ_DIR/corpus); kept between runs, so runs add up
#   FUZZ_CRASHES     where findings go (default $FUZZ_DIR/crashes)
#   FUZZ_SCRATCH     build folder (default .build-fuzz)
#   FUZZ_TIMEOUT     seconds one input may take before it counts as a hang (default 20)
#   FUZZ_KEEP_GOING  1: do not stop at the first finding (libFuzzer -fork=1 -ignore_crashes=1
#                    -ignore_timeouts=1 -ignore_ooms=1); every finding is still saved and still
#                    makes the script exit 1
#   FUZZ_ARGS        extra libFuzzer arguments
set -uo pipefail
cd "$(dirname "$0")/.."

FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_SCRATCH=${FUZZ_SCRATCH:-.build-fuzz}
FUZZ_DIR=${FUZZ_DIR:-$FUZZ_SCRATCH/fuzz}
FUZZ_CORPUS=${FUZZ_CORPUS:-$FUZZ_DIR/corpus}
FUZZ_CRASHES=${FUZZ_CRASHES:-$FUZZ_DIR/crashes}
FUZZ_TIMEOUT=${FUZZ_TIMEOUT:-20}
FUZZ_KEEP_GOING=${FUZZ_KEEP_GOING:-0}

if ! grep -q '"FuzzScenario"' Package.swift; then
    echo "fuzz.sh: Package.swift declares no FuzzScenario target; add to its targets:" >&2
    echo '        .executableTarget(name: "FuzzScenario", dependencies: ["EntenteKit"]),' >&2
    exit 2
fi

echo "fuzz.sh: building FuzzScenario (libFuzzer + AddressSanitizer) in $FUZZ_SCRATCH"
if ! swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING \
        --product FuzzScenario --scratch-path "$FUZZ_SCRATCH"; then
    echo "fuzz.sh: build failed" >&2
    exit 2
fi
binary="$FUZZ_SCRATCH/debug/FuzzScenario"

mkdir -p "$FUZZ_CORPUS" "$FUZZ_CRASHES" "$FUZZ_DIR/tmp"
# Seeds: copied under names that say where they came from; files only, at most 64 KiB each is used.
seeds=0
for file in Scenarios/*.yaml Scenarios/sweeps/*.yaml Tests/Fixtures/bad/* Tests/Fixtures/bad/*/* \
            Tests/Fixtures/fuzz-regressions/*; do
    [ -f "$file" ] || continue
    cp "$file" "$FUZZ_CORPUS/seed-$(printf '%s' "$file" | tr '/' '_')"
    seeds=$((seeds + 1))
done

# A dictionary of the words the loaders look for, so mutations reach past the first unknown key.
dictionary="$FUZZ_DIR/entente.dict"
{
    for word in name description calendar start end step seed replicates parameters states blocs trust \
                alignment events outcomes variants observed happened source never id capability leader members obligation from to value \
                mutual state bloc type at tags note covert revealed by target intensity response responses \
                against kind delta action affinity remove ids tag set scenario variant design samples \
                values steps scale record full from-scenario \
                day week month quarter year arms_transfer reveal attack aid_request diplomacy partnership \
                shock membership assist decline recall_ambassador sever_relations summit agreement apology \
                sanction join freeze unfreeze leave left frozen members cohesion grid random latin sobol \
                linear log betrayal ally_penalty deception complicity gratitude hostility solidarity \
                k_assist abandonment reward reciprocity engagement decay forgiveness balance noise \
                leader_weight w_trust w_security adaptation nonaligned freeze_threshold leave_threshold \
                hysteresis join_threshold accept_threshold hazard default_trust member_trust \
                member_affinity outsider_affinity true false null .inf .nan 2020-01 2020-12-31 1e12 \
                events.sale.value states.A.capability blocs.X.obligation calendar.end; do
        printf '"%s"\n' "$word"
    done
    for token in ': ' '- ' '{' '}' '[' ']' ', ' '&a ' '*a' '<<' '? ' '---' '|' '>' '!!str ' '"' "'" '#'; do
        printf '"%s"\n' "$(printf '%s' "$token" | sed 's/\\/\\\\/g; s/"/\\"/g')"
    done
} > "$dictionary"

marker="$FUZZ_DIR/.run-started"
touch "$marker"
log="$FUZZ_DIR/fuzz-$(date +%Y%m%d-%H%M%S).log"
arguments=(-max_total_time="$FUZZ_SECONDS" -max_len=65536 -rss_limit_mb=2048 -timeout="$FUZZ_TIMEOUT"
           -artifact_prefix="$FUZZ_CRASHES/" -dict="$dictionary" -print_final_stats=1)
if [ "$FUZZ_KEEP_GOING" = 1 ]; then
    arguments+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
fi
# shellcheck disable=SC2206
arguments+=(${FUZZ_ARGS:-})

echo "fuzz.sh: $seeds seed files; fuzzing for $FUZZ_SECONDS s; log in $log; findings go to $FUZZ_CRASHES/"
TMPDIR="$(cd "$FUZZ_DIR/tmp" && pwd)" ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}" \
    "$binary" "${arguments[@]}" "$FUZZ_CORPUS" > "$log" 2>&1
status=$?
rm -rf "${FUZZ_DIR:?}/tmp"

# What this run found: artifacts written since it started.
findings=$(find "$FUZZ_CRASHES" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) \
    -newer "$marker" | sort)
executions=$(grep -E 'stat::number_of_executed_units|#[0-9]+.*DONE' "$log" | tail -2)
coverage=$(grep -E '^#[0-9]+' "$log" | tail -1)
echo "fuzz.sh: libFuzzer exited $status"
[ -n "$coverage" ] && echo "fuzz.sh: last status line: $coverage"
[ -n "$executions" ] && echo "$executions" | sed 's/^/fuzz.sh: /'
if [ -n "$findings" ]; then
    echo "fuzz.sh: FINDINGS (replay one with: $binary FILE):"
    echo "$findings" | sed 's/^/  /'
    exit 1
fi
if [ "$status" -ne 0 ]; then
    echo "fuzz.sh: the fuzzer failed without saving an input; see $log" >&2
    tail -20 "$log" >&2
    exit 1
fi
echo "fuzz.sh: no crash, timeout or out-of-memory input found"
exit 0
