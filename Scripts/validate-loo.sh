#!/bin/sh
# Leave-one-case-out validation (docs/validation.md#leave-one-case-out): for each case of a calibration
# file's library, calibrate on all the OTHER cases with a reduced budget, then score the held-out case
# with `entente validate --posterior` (the posterior predictive of the fit that never saw it). Also fits
# the whole library once at the same budget and scores every case in sample, so both columns compare.
#
# Usage (every variable optional; `make validate-loo` passes the Makefile's):
#   MODEL=2 CAL=Scenarios/calibration/library-model2.yaml PARTICLES=100 REPLICATES=4 GENERATIONS=4 \
#   VALIDATE_REPLICATES=200 DRAWS=50 SEED=16 JOBS=2 OUT=Results/validation-loo ENTENTE=.build/release/entente \
#   sh Scripts/validate-loo.sh
#
# CAL supplies the fitted parameters and their priors (its `parameters:`), `window`, `alpha` and the
# case list (its `scenarios:`, relative to CAL); the budget (particles, replicates_per_particle,
# stop.generations), seed and model come from the variables above. CAL must not have `observations:`
# (every `observed:` outcome of each case is used, weight 1), since a held-out case's entries would
# name a scenario its fold does not have.
#
# Writes OUT/model-MODEL/: full/ (calibration.yaml, calibration/, in-sample/), one folder per case
# (calibration.yaml, calibration/, held-out/), loo.csv (one row per case and observed outcome) and
# loo-cases.csv (one row per case), and prints the per-case table. Deterministic: the same files and
# variables give the same CSVs. Replaces only what it wrote itself (a folder it marks with
# .validate-loo); refuses to touch anything else.
set -eu

MODEL=${MODEL:-2}
CAL=${CAL:-Scenarios/calibration/library-model2.yaml}
PARTICLES=${PARTICLES:-100}
REPLICATES=${REPLICATES:-4}
GENERATIONS=${GENERATIONS:-4}
MIN_ACCEPTANCE=${MIN_ACCEPTANCE:-0.02}
VALIDATE_REPLICATES=${VALIDATE_REPLICATES:-200}
DRAWS=${DRAWS:-50}
SEED=${SEED:-16}
JOBS=${JOBS:-2}
OUT=${OUT:-Results/validation-loo}
ENTENTE=${ENTENTE:-.build/release/entente}
PYTHON=${PYTHON:-python3}

# fail MESSAGE [STATUS]: the message on stderr, exit STATUS (64, usage, by default).
fail() { echo "validate-loo: $1" >&2; exit "${2:-64}"; }

case $MODEL in 1|2) ;; *) fail "MODEL must be 1 or 2; found '$MODEL'" ;; esac
for pair in "PARTICLES=$PARTICLES" "REPLICATES=$REPLICATES" "GENERATIONS=$GENERATIONS" "VALIDATE_REPLICATES=$VALIDATE_REPLICATES" "DRAWS=$DRAWS" "SEED=$SEED" "JOBS=$JOBS"; do
    value=${pair#*=}
    case $value in ''|*[!0-9]*) fail "${pair%%=*} must be a whole number; found '$value'" ;; esac
done
[ -f "$CAL" ] || fail "no calibration file $CAL (CAL=...)" 66
[ -x "$ENTENTE" ] || fail "no entente binary at $ENTENTE; run 'make build' or set ENTENTE=..." 66
command -v "$PYTHON" >/dev/null 2>&1 || fail "python3 is needed to collect the tables (PYTHON=...)" 69
if grep -q '^observations:' "$CAL"; then
    fail "$CAL has 'observations:'; leave-one-out uses every observed outcome of each case (weight 1), so remove them or use another CAL" 65
fi

# The case list: CAL's `scenarios:` (block `- path` lines or one flow list), resolved against CAL's folder.
CAL_DIR=$(cd "$(dirname "$CAL")" && pwd)
CASES=$(awk '
    /^scenarios:[ \t]*\[/ { line = $0; sub(/^scenarios:[ \t]*\[/, "", line); sub(/\].*$/, "", line); n = split(line, parts, ","); for (i = 1; i <= n; i++) { gsub(/^[ \t]+|[ \t]+$/, "", parts[i]); if (parts[i] != "") print parts[i] } ; next }
    /^scenarios:/ { inlist = 1; next }
    inlist && /^[ \t]+-[ \t]*/ { line = $0; sub(/^[ \t]+-[ \t]*/, "", line); sub(/[ \t]+#.*$/, "", line); print line; next }
    inlist && /^[^ \t#]/ { inlist = 0 }
' "$CAL" | while read -r reference; do
    case $reference in /*) path=$reference ;; *) path="$CAL_DIR/$reference" ;; esac
    # Canonical (no ..), so tables and manifests name each case by one path.
    [ -f "$path" ] || { echo "validate-loo: $CAL names $reference, which is not a file" >&2; echo "//missing"; continue; }
    echo "$(cd "$(dirname "$path")" && pwd -P)/$(basename "$path")"
done)
case $CASES in *//missing*) exit 66 ;; esac
[ -n "$CASES" ] || fail "$CAL names no scenarios under 'scenarios:'" 65
count=$(echo "$CASES" | wc -l)
[ "$count" -ge 2 ] || fail "$CAL names one scenario; leave-one-out needs at least two" 65

ROOT="$OUT/model-$MODEL"
if [ -e "$ROOT" ] && [ ! -f "$ROOT/.validate-loo" ]; then
    fail "$ROOT exists and was not written by this script (no .validate-loo inside); move it or set OUT=..." 73
fi
mkdir -p "$ROOT"
echo "written by Scripts/validate-loo.sh; rerunning it replaces this folder's contents" > "$ROOT/.validate-loo"

# CAL without the keys this script sets (and their indented continuation lines), then the script's own.
# $1: the calibration file to write; $2...: the scenario files.
write_calibration() {
    target=$1; shift
    {
        echo "# written by Scripts/validate-loo.sh from $CAL: MODEL=$MODEL PARTICLES=$PARTICLES REPLICATES=$REPLICATES GENERATIONS=$GENERATIONS SEED=$SEED"
        awk '
            /^[^ \t#-]/ { skip = ($0 ~ /^(name|description|scenarios|particles|replicates_per_particle|stop|seed|model):/) }
            !skip { print }
        ' "$CAL" | grep -v '^#'
        echo "name: leave-one-out fold"
        echo "scenarios:"
        for scenario in "$@"; do echo "  - $scenario"; done
        echo "particles: $PARTICLES"
        echo "replicates_per_particle: $REPLICATES"
        echo "stop: {generations: $GENERATIONS, min_acceptance: $MIN_ACCEPTANCE}"
        echo "seed: $SEED"
        echo "model: $MODEL"
    } > "$target"
}

stem() { basename "$1" .yaml; }

started=$(date +%s)
echo "leave-one-out, model $MODEL: $count cases from $CAL; budget per fit: $PARTICLES particles, k = $REPLICATES replicates per case, ≤ $GENERATIONS generations (min acceptance $MIN_ACCEPTANCE), seed $SEED; scored with $VALIDATE_REPLICATES replicates over $DRAWS posterior draws"

# In sample: the whole library fitted once, every case scored under that posterior.
mkdir -p "$ROOT/full"
# shellcheck disable=SC2086
write_calibration "$ROOT/full/calibration.yaml" $CASES
echo "fit: all $count cases"
"$ENTENTE" calibrate "$ROOT/full/calibration.yaml" --out "$ROOT/full/calibration" --force --quiet --jobs "$JOBS" > "$ROOT/full/calibrate.log"
# shellcheck disable=SC2086
"$ENTENTE" validate $CASES --posterior "$ROOT/full/calibration" --draws "$DRAWS" --replicates "$VALIDATE_REPLICATES" \
    --out "$ROOT/full/in-sample" --force --quiet --jobs "$JOBS" > "$ROOT/full/validate.log"

# Held out: one fold per case.
for case in $CASES; do
    name=$(stem "$case")
    others=$(echo "$CASES" | grep -vxF "$case")
    mkdir -p "$ROOT/$name"
    # shellcheck disable=SC2086
    write_calibration "$ROOT/$name/calibration.yaml" $others
    echo "fold: $name held out"
    "$ENTENTE" calibrate "$ROOT/$name/calibration.yaml" --out "$ROOT/$name/calibration" --force --quiet --jobs "$JOBS" > "$ROOT/$name/calibrate.log"
    "$ENTENTE" validate "$case" --posterior "$ROOT/$name/calibration" --draws "$DRAWS" --replicates "$VALIDATE_REPLICATES" \
        --out "$ROOT/$name/held-out" --force --quiet --jobs "$JOBS" > "$ROOT/$name/validate.log"
done

# One table: in-sample and held-out scores per case and outcome.
"$PYTHON" - "$ROOT" "$MODEL" <<'PY'
import csv, os, sys
root, model = sys.argv[1], sys.argv[2]

def rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))

def scored(r):
    # The probability the verdict is taken on: P(window) for an event, P(any) for a non-event.
    r["p"] = r["p_any"] if r["observed"] == "never" else r["p_window"]
    return r

inside = {(r["case_file"], r["outcome"]): scored(r) for r in rows(os.path.join(root, "full/in-sample/validation.csv"))}
order = []
held = {}
for r in rows(os.path.join(root, "full/in-sample/validation.csv")):
    name = os.path.basename(r["case_file"])[:-len(".yaml")]
    for h in rows(os.path.join(root, name, "held-out/validation.csv")):
        held[(r["case_file"], h["outcome"])] = scored(h)
    order.append((r["case_file"], r["outcome"]))

columns = ["model", "case", "outcome", "observed", "in_p", "in_verdict", "in_brier", "in_log_score",
           "out_p", "out_verdict", "out_brier", "out_log_score"]
with open(os.path.join(root, "loo.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(columns)
    for key in order:
        i, h = inside[key], held[key]
        w.writerow([model, os.path.basename(key[0])[:-5], key[1], i["observed"], i["p"], i["verdict"], i["brier"],
                    i["log_score"], h["p"], h["verdict"], h["brier"], h["log_score"]])

def mean(values):
    values = [float(v) for v in values if v not in ("", "nan")]
    return sum(values) / len(values) if values else float("nan")

cases = []
for case in dict.fromkeys(k[0] for k in order):
    keys = [k for k in order if k[0] == case]
    ins = [inside[k] for k in keys]
    outs = [held[k] for k in keys]
    right = lambda group: all(r["verdict"] == "right" for r in group)
    cases.append([model, os.path.basename(case)[:-5], len(keys),
                  sum(r["verdict"] == "right" for r in ins), int(right(ins)), mean(r["brier"] for r in ins), mean(r["log_score"] for r in ins),
                  sum(r["verdict"] == "right" for r in outs), int(right(outs)), mean(r["brier"] for r in outs), mean(r["log_score"] for r in outs)])
with open(os.path.join(root, "loo-cases.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["model", "case", "outcomes", "in_outcomes_right", "in_right", "in_brier", "in_log_score",
                "out_outcomes_right", "out_right", "out_brier", "out_log_score"])
    for c in cases:
        w.writerow(c[:5] + [repr(c[5]), repr(c[6])] + c[7:9] + [repr(c[9]), repr(c[10])])

header = ["case", "outcomes", "in sample: right", "Brier", "log", "held out: right", "Brier", "log"]
table = [[c[1], str(c[2]), f"{c[3]}/{c[2]}" + (" ✓" if c[4] else ""), f"{c[5]:.3f}", f"{c[6]:.3f}",
          f"{c[7]}/{c[2]}" + (" ✓" if c[8] else ""), f"{c[9]:.3f}", f"{c[10]:.3f}"] for c in cases]
widths = [max(len(h), *(len(r[j]) for r in table)) for j, h in enumerate(header)]
print("  ".join(h.ljust(widths[j]) for j, h in enumerate(header)))
for r in table:
    print("  ".join(v.ljust(widths[j]) for j, v in enumerate(r)))
all_in = [inside[k] for k in order]
all_out = [held[k] for k in order]
print(f"model {model}: cases right in sample {sum(c[4] for c in cases)} of {len(cases)}, held out {sum(c[8] for c in cases)} of {len(cases)}; "
      f"outcomes right in sample {sum(c[3] for c in cases)} of {len(order)}, held out {sum(c[7] for c in cases)} of {len(order)}; "
      f"Brier {mean(r['brier'] for r in all_in):.3f} in sample, {mean(r['brier'] for r in all_out):.3f} held out; "
      f"log score {mean(r['log_score'] for r in all_in):.3f} in sample, {mean(r['log_score'] for r in all_out):.3f} held out")
false_alarms = [(os.path.basename(k[0])[:-5], k[1], float(held[k]["p"])) for k in order
                if held[k]["observed"] == "never" and float(held[k]["p"]) > 0.1]
print("non-events with held-out P > 0.1 of a false event: " + (", ".join(f"{c} {o} {p:.3f}" for c, o, p in false_alarms) or "none"))
PY
echo "wall time: $(( $(date +%s) - started )) s; tables: $ROOT/loo.csv, $ROOT/loo-cases.csv"
