#!/usr/bin/env bash
# Submits an Entente sweep to Slurm: an N-task job array running one shard per task
# (Scripts/slurm/sweep.sbatch), then a merge job that starts when every task has succeeded
# (Scripts/slurm/merge.sbatch). See docs/cluster.md.
#
#   Scripts/slurm/submit.sh SWEEP.yaml N [OUT]
#
# OUT defaults to Results/<sweep file stem>. Shards go to OUT/shard-K-of-N/, the merged runs.csv and
# points.csv to OUT/, Slurm's logs to OUT/logs/. Running the same command again resumes: shard
# folders already there are continued (finished ones complete at once) and the merge is redone.
#
# Environment:
#   ENTENTE            entente binary (default: `entente` on PATH); made absolute for the jobs
#   SBATCH_OPTS        extra sbatch options for both jobs, e.g. "--partition=short --account=abc"
#   SWEEP_SBATCH_OPTS  extra sbatch options for the array only, e.g. "--cpus-per-task=8 --time=12:00:00"
#   MERGE_SBATCH_OPTS  extra sbatch options for the merge job only, e.g. "--mem=8G"
#   MAX_RUNNING        run at most this many tasks at once (--array=0-(N-1)%MAX_RUNNING)
# Options are split on whitespace (no quoting); they come after the scripts' defaults and override them.

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

usage() {
    echo "usage: $0 SWEEP.yaml N [OUT]   (N ≥ 2 shards; OUT default Results/<sweep stem>)" >&2
    exit 64
}
fail() { # MESSAGE [EXIT STATUS]
    echo "submit.sh: error: $1" >&2
    exit "${2:-64}"
}

[[ $# -ge 2 && $# -le 3 ]] || usage
sweep=$1
shards=$2
[[ -f "$sweep" ]] || fail "sweep file '$sweep' not found" 66
[[ "$shards" =~ ^[0-9]+$ ]] || fail "N must be a whole number of shards; got '$shards'"
((shards >= 2)) || fail "N must be at least 2; for one process run 'entente sweep $sweep' (or sbatch --wrap it)"
stem=$(basename "$sweep")
stem=${stem%.*}
out=${3:-Results/$stem}
[[ -z "${MAX_RUNNING:-}" || "$MAX_RUNNING" =~ ^[1-9][0-9]*$ ]] || fail "MAX_RUNNING must be a whole number ≥ 1; got '$MAX_RUNNING'"
command -v sbatch >/dev/null 2>&1 || fail "sbatch not found: run this where Slurm's commands are installed (a login node)" 69

# The jobs may start in another directory or on another node: give them absolute paths.
sweep=$(realpath -ms -- "$sweep")
out=$(realpath -ms -- "$out")
if [[ -n "${ENTENTE:-}" && "$ENTENTE" == */* ]]; then
    ENTENTE=$(realpath -ms -- "$ENTENTE")
    [[ -x "$ENTENTE" ]] || fail "ENTENTE=$ENTENTE is not an executable file" 66
elif resolved=$(command -v "${ENTENTE:-entente}" 2>/dev/null) && [[ "$resolved" == /* ]]; then
    ENTENTE=$resolved
else
    ENTENTE=${ENTENTE:-entente}
    echo "submit.sh: warning: '$ENTENTE' is not on PATH here; the jobs will look for it on the compute nodes (set ENTENTE=/path/to/entente to be sure)" >&2
fi
for value in "$sweep" "$out" "$ENTENTE"; do
    [[ "$value" != *,* ]] || fail "'$value' contains a comma, which sbatch --export cannot pass; use a path without commas"
done

# Check the sweep file here rather than in N queued jobs.
if [[ -x "$ENTENTE" ]]; then
    if ! summary=$("$ENTENTE" check "$sweep" 2>&1); then
        echo "$summary" >&2
        fail "the sweep file does not check; nothing was submitted" 65
    fi
    if [[ "$summary" =~ =\ ([0-9]+)\ runs ]] && ((BASH_REMATCH[1] < shards)); then
        echo "submit.sh: warning: the sweep has only ${BASH_REMATCH[1]} runs, so $((shards - BASH_REMATCH[1])) of the $shards shards will be empty" >&2
    fi
fi

# Shard folders of another shard count would make the merge refuse: say so now.
resuming=0
shopt -s nullglob
for folder in "$out"/shard-*-of-*; do
    if [[ "${folder##*-of-}" != "$shards" ]]; then
        fail "$out already holds $(basename "$folder"), from a run in ${folder##*-of-} shards; submit with N=${folder##*-of-}, or choose another OUT (or delete the old shard folders)"
    fi
    resuming=$((resuming + 1))
done
shopt -u nullglob

mkdir -p "$out/logs" || fail "cannot create $out/logs" 73
read -r -a common <<<"${SBATCH_OPTS:-}"
read -r -a sweep_opts <<<"${SWEEP_SBATCH_OPTS:-}"
read -r -a merge_opts <<<"${MERGE_SBATCH_OPTS:-}"
export_list="ALL,SWEEP=$sweep,OUT=$out,ENTENTE=$ENTENTE"

array_out=$(sbatch --parsable \
    --array="0-$((shards - 1))${MAX_RUNNING:+%$MAX_RUNNING}" \
    --job-name="entente-sweep-$stem" \
    --output="$out/logs/sweep-%A_%a.out" \
    --export="$export_list" \
    "${common[@]}" "${sweep_opts[@]}" \
    "$here/sweep.sbatch") || fail "sbatch refused the array job (message above); nothing was submitted" 69
array_id=${array_out%%;*}

merge_out=$(sbatch --parsable \
    --dependency="afterok:$array_id" --kill-on-invalid-dep=yes \
    --job-name="entente-merge-$stem" \
    --output="$out/logs/merge-%j.out" \
    --export="$export_list" \
    "${common[@]}" "${merge_opts[@]}" \
    "$here/merge.sbatch") || fail "the array job $array_id is submitted but sbatch refused the merge job (message above); run 'entente merge $out' when the array is done, or 'scancel $array_id'" 69
merge_id=${merge_out%%;*}

echo "submitted array job $array_id: $shards tasks, shard K/$shards of $sweep into $out/shard-K-of-$shards/$( ((resuming > 0)) && echo " ($resuming shard folders already there are resumed)")"
echo "submitted merge job $merge_id: after every task of $array_id succeeds, writes $out/runs.csv and $out/points.csv"
echo "logs: $out/logs/   watch: squeue -j $array_id,$merge_id"
echo "if a task fails or times out, the merge job is cancelled; run this same command again to resume the unfinished shards"
