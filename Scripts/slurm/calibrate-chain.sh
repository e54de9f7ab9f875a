#!/usr/bin/env bash
# Submits an Entente calibration as a chain of Slurm jobs (docs/cluster.md#calibration-on-a-cluster):
# for each generation, an array of N shard tasks (`entente calibrate CAL --out OUT --shard K/N`),
# then one merge job (`entente calibrate CAL --out OUT --merge-generation N`) that writes the
# generation into OUT and lets the next generation's array start. The result is byte-identical to
# `entente calibrate CAL --out OUT` on one machine (but for generations.csv's seconds).
#
#   Scripts/slurm/calibrate-chain.sh CAL.yaml OUT SHARDS GENERATIONS [extra sbatch options…]
#   Scripts/slurm/calibrate-chain.sh Scenarios/calibration/csto-history.yaml Results/cal-csto 16 8 --time=02:00:00
#
# GENERATIONS is how many generations to submit (use the file's stop.generations); once the calibration
# stops (tolerance, acceptance, budget), later jobs print "nothing to do" and exit 0. Variables:
# ENTENTE (default: `entente` on PATH), CPUS (cpus per shard task, default 2), DRY_RUN=1 (print the
# sbatch commands with made-up job ids instead of submitting).
set -euo pipefail

fail() {
    echo "calibrate-chain.sh: error: $*" >&2
    exit 64
}

(($# >= 4)) || fail "usage: Scripts/slurm/calibrate-chain.sh CAL.yaml OUT SHARDS GENERATIONS [sbatch options…]"
cal=$1 out=$2 shards=$3 generations=$4
shift 4
[[ -f "$cal" ]] || fail "'$cal' is not a file (from $(pwd))"
[[ "$shards" =~ ^[1-9][0-9]*$ ]] || fail "SHARDS must be a whole number ≥ 1; found '$shards'"
[[ "$generations" =~ ^[1-9][0-9]*$ ]] || fail "GENERATIONS must be a whole number ≥ 1; found '$generations'"
ENTENTE=${ENTENTE:-entente}
CPUS=${CPUS:-2}
submit() {
    if [[ "${DRY_RUN:-}" == 1 ]]; then
        printf 'sbatch' >&2
        printf ' %q' "$@" >&2
        printf '\n' >&2
        echo $((1000 + RANDOM % 9000))
    else
        sbatch "$@"
    fi
}

dependency=()
for ((t = 0; t < generations; t++)); do
    array=$(submit --parsable "${dependency[@]}" --job-name="entente-cal-g$t" --array="0-$((shards - 1))" \
        --cpus-per-task="$CPUS" --output="entente-cal-g$t-%A_%a.out" "$@" \
        --wrap="\"$ENTENTE\" calibrate \"$cal\" --out \"$out\" --quiet --jobs $CPUS --shard \$SLURM_ARRAY_TASK_ID/$shards")
    merge=$(submit --parsable --dependency="afterok:${array%%;*}" --job-name="entente-cal-merge-g$t" \
        --cpus-per-task=1 --output="entente-cal-merge-g$t-%j.out" "$@" \
        --wrap="\"$ENTENTE\" calibrate \"$cal\" --out \"$out\" --quiet --jobs 1 --merge-generation $shards")
    echo "generation $t: shard array ${array%%;*}, merge ${merge%%;*}"
    dependency=(--dependency="afterok:${merge%%;*}")
done
