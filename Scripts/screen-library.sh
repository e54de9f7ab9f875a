#!/bin/sh
# The Morris screen of a model over the history library (docs/sensitivity.md#screening-the-library):
# which parameters move the library's observed outcomes most. The design is Entente's own `morris`
# sweep design (docs/sensitivity.md#morris) over the candidate ranges of SCREEN; at every point of it
# `entente validate` scores every case with those parameter values set, so each observed outcome's
# output is exactly validate's scored probability P (P(window) for an event, P(any) for `never`).
# The elementary effects, μ* and σ of each outcome are SALib's `analyze.morris` formulas; screen.csv
# averages them over all observed outcomes, each weighing the same.
#
# Usage (every variable optional; `make screen-library` passes the Makefile's):
#   MODEL=2 SCREEN=Scenarios/calibration/screen-model2.yaml R=8 LEVELS=4 REPLICATES=10 SEED=16 WINDOW=24 \
#   JOBS=2 OUT=Results/screen-library/model-2 ENTENTE=.build/release/entente sh Scripts/screen-library.sh
#
# SCREEN supplies the cases (`scenarios:`, relative to SCREEN) and the candidate parameters
# (`parameters:`, from/to ranges as in a sweep file). R trajectories of LEVELS levels give
# R·(k + 1) points for k candidates; each point is one `validate` of every case with REPLICATES
# replicates from seed SEED (common random numbers: every point runs the same streams).
#
# Writes OUT/: design.yaml and design/ (the morris sweep that lays out the points; its manifest.json
# holds them), points/NNNN/ (validate's folder at point NNNN), screen.csv (one row per parameter,
# ranked), screen-cases.csv (per case and parameter) and screen-outcomes.csv (per observed outcome and
# parameter), and prints the ranking. Deterministic: the same files and variables give the same
# bytes whatever JOBS. Replaces only what it wrote itself (a folder it marks with .screen-library);
# refuses to touch anything else.
set -eu

MODEL=${MODEL:-2}
SCREEN=${SCREEN:-Scenarios/calibration/screen-model2.yaml}
R=${R:-8}
LEVELS=${LEVELS:-4}
REPLICATES=${REPLICATES:-10}
SEED=${SEED:-16}
WINDOW=${WINDOW:-24}
JOBS=${JOBS:-2}
OUT=${OUT:-Results/screen-library/model-$MODEL}
ENTENTE=${ENTENTE:-.build/release/entente}
PYTHON=${PYTHON:-python3}

# fail MESSAGE [STATUS]: the message on stderr, exit STATUS (64, usage, by default).
fail() { echo "screen-library: $1" >&2; exit "${2:-64}"; }

case $MODEL in 1|2) ;; *) fail "MODEL must be 1 or 2; found '$MODEL'" ;; esac
for pair in "R=$R" "LEVELS=$LEVELS" "REPLICATES=$REPLICATES" "SEED=$SEED" "WINDOW=$WINDOW" "JOBS=$JOBS"; do
    value=${pair#*=}
    case $value in ''|*[!0-9]*) fail "${pair%%=*} must be a whole number; found '$value'" ;; esac
done
[ "$R" -ge 2 ] || fail "R must be at least 2 (σ needs two trajectories); found $R"
[ -f "$SCREEN" ] || fail "no screen file $SCREEN (SCREEN=...)" 66
[ -x "$ENTENTE" ] || fail "no entente binary at $ENTENTE; run 'make build' or set ENTENTE=..." 66
command -v "$PYTHON" >/dev/null 2>&1 || fail "python3 is needed to compute the effects (PYTHON=...)" 69

# The case list: SCREEN's `scenarios:` (block `- path` lines or one flow list), resolved against its folder.
SCREEN_DIR=$(cd "$(dirname "$SCREEN")" && pwd)
CASES=$(awk '
    /^scenarios:[ \t]*\[/ { line = $0; sub(/^scenarios:[ \t]*\[/, "", line); sub(/\].*$/, "", line); n = split(line, parts, ","); for (i = 1; i <= n; i++) { gsub(/^[ \t]+|[ \t]+$/, "", parts[i]); if (parts[i] != "") print parts[i] } ; next }
    /^scenarios:/ { inlist = 1; next }
    inlist && /^[ \t]+-[ \t]*/ { line = $0; sub(/^[ \t]+-[ \t]*/, "", line); sub(/[ \t]+#.*$/, "", line); print line; next }
    inlist && /^[^ \t#]/ { inlist = 0 }
' "$SCREEN" | while read -r reference; do
    case $reference in /*) path=$reference ;; *) path="$SCREEN_DIR/$reference" ;; esac
    [ -f "$path" ] || { echo "screen-library: $SCREEN names $reference, which is not a file" >&2; echo "//missing"; continue; }
    echo "$(cd "$(dirname "$path")" && pwd -P)/$(basename "$path")"
done)
case $CASES in *//missing*) exit 66 ;; esac
[ -n "$CASES" ] || fail "$SCREEN names no scenarios under 'scenarios:'" 65
grep -q '^parameters:' "$SCREEN" || fail "$SCREEN has no 'parameters:' (the candidates, as from/to ranges)" 65
count=$(echo "$CASES" | wc -l | tr -d ' ')

if [ -e "$OUT" ] && [ ! -f "$OUT/.screen-library" ]; then
    fail "$OUT exists and was not written by this script (no .screen-library inside); move it or set OUT=..." 73
fi
mkdir -p "$OUT"
echo "written by Scripts/screen-library.sh; rerunning it replaces this folder's contents" > "$OUT/.screen-library"
rm -rf "$OUT/points" "$OUT/screen.csv" "$OUT/screen-cases.csv" "$OUT/screen-outcomes.csv"

# The design: a morris sweep of the first case with SCREEN's parameters block, one replicate a point.
# Only its points (manifest.json) are used; the sweep file is written with absolute paths.
first=$(echo "$CASES" | head -n 1)
{
    echo "# written by Scripts/screen-library.sh from $SCREEN: R=$R LEVELS=$LEVELS SEED=$SEED; only its points are used"
    echo "name: screen design"
    echo "scenario: $first"
    echo "seed: $SEED"
    echo "replicates: 1"
    echo "design: morris"
    echo "samples: $R"
    echo "levels: $LEVELS"
    awk '/^parameters:/ { inblock = 1; print; next } inblock && /^[^ \t#]/ { inblock = 0 } inblock { print }' "$SCREEN"
} > "$OUT/design.yaml"

started=$(date +%s)
"$ENTENTE" sweep "$OUT/design.yaml" --out "$OUT/design" --force --quiet --model "$MODEL" --jobs "$JOBS" > "$OUT/design.log" \
    || fail "the design sweep failed; see $OUT/design.log and the message above" 65

# One line per point: its number and its `--set NAME=VALUE` arguments (values exactly as the design holds them).
"$PYTHON" - "$OUT/design/manifest.json" > "$OUT/points.txt" <<'PY'
import json, sys
manifest = json.load(open(sys.argv[1]))
names = [p["path"] for p in manifest["parameters"]]
for n, point in enumerate(manifest["points"]):
    print(f"{n:04d} " + " ".join(f"--set {name}={value!r}" for name, value in zip(names, point)))
PY
points=$(wc -l < "$OUT/points.txt" | tr -d ' ')
echo "screen, model $MODEL: $count cases from $SCREEN; $points points (R = $R trajectories, $LEVELS levels), $REPLICATES replicates per case and point, seed $SEED, window ±$WINDOW months"

mkdir -p "$OUT/points"
while read -r number sets; do
    # shellcheck disable=SC2086
    "$ENTENTE" validate $CASES $sets --model "$MODEL" --replicates "$REPLICATES" --seed "$SEED" --window "$WINDOW" \
        --jobs "$JOBS" --quiet --out "$OUT/points/$number" --force > /dev/null \
        || fail "validate failed at point $number ($sets)" 65
done < "$OUT/points.txt"

"$PYTHON" - "$OUT" "$LEVELS" "$SEED" <<'PY'
import csv, json, math, os, random, sys
out, levels, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
manifest = json.load(open(os.path.join(out, "design/manifest.json")))
names = [p["path"] for p in manifest["parameters"]]
points = manifest["points"]
k, delta = len(names), levels / (2 * (levels - 1))
if len(points) % (k + 1):
    sys.exit(f"screen-library: {len(points)} points is not a whole number of trajectories of {k + 1}")

# The output at each point: validate's scored probability of every observed outcome, in validate's order.
outcomes, y = None, []
for n in range(len(points)):
    with open(os.path.join(out, "points", f"{n:04d}", "validation.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    keys = [(os.path.basename(r["case_file"])[:-len(".yaml")], r["outcome"], r["observed"]) for r in rows]
    if outcomes is None:
        outcomes = keys
    elif keys != outcomes:
        sys.exit(f"screen-library: point {n} scored other outcomes than point 0")
    y.append([float(r["p_any"] if r["observed"] == "never" else r["p_window"]) for r in rows])

# Elementary effects, SALib's analyze.morris: along each trajectory the one parameter that changes,
# effect = ±(y_s − y_{s−1}) / Δ, positive when its value rose (per whole range in the unit cube).
effects = [[[] for _ in names] for _ in outcomes]
for start in range(0, len(points), k + 1):
    for s in range(start + 1, start + k + 1):
        moved = [i for i in range(k) if points[s][i] != points[s - 1][i]]
        if len(moved) != 1:
            sys.exit(f"screen-library: points {s - 1} and {s} differ in {len(moved)} parameters, not one")
        i = moved[0]
        sign = 1.0 if points[s][i] > points[s - 1][i] else -1.0
        for o in range(len(outcomes)):
            effects[o][i].append(sign * (y[s][o] - y[s - 1][o]) / delta)

def mean(values):
    return math.fsum(values) / len(values)

def sd(values):
    m = mean(values)
    return math.sqrt(math.fsum((v - m) ** 2 for v in values) / (len(values) - 1))

# Per outcome and parameter: mu, mu_star, sigma.
stats = [[(mean(e), mean([abs(v) for v in e]), sd(e)) for e in per] for per in effects]

def ranked(group):
    """(parameter index, mu_star, sigma) over the outcomes in group, ranked by mu_star (ties: file order)."""
    rows = [(i, mean([stats[o][i][1] for o in group]), mean([stats[o][i][2] for o in group])) for i in range(k)]
    return sorted(rows, key=lambda row: (-row[1], row[0]))

everything = list(range(len(outcomes)))

# The 95 % interval of the library's μ*, as `entente analyze` gives μ*'s: μ* ∓ 1.96 × the sd (divisor n − 1) of
# 1,000 estimates from trajectories drawn with replacement (the same draws for every outcome, Python's
# Mersenne Twister seeded with SEED). The library's μ* is the mean over trajectories of each one's mean
# |effect| over the outcomes, so a resample needs only those per-trajectory means.
trajectories = len(points) // (k + 1)
per_trajectory = [[mean([abs(effects[o][i][t]) for o in everything]) for t in range(trajectories)] for i in range(k)]
draws = random.Random(seed)
resamples = [[draws.randrange(trajectories) for _ in range(trajectories)] for _ in range(1000)]
half_width = [1.96 * sd([mean([per_trajectory[i][t] for t in pick]) for pick in resamples]) for i in range(k)]
events = [o for o in everything if outcomes[o][2] != "never"]
quiet = [o for o in everything if outcomes[o][2] == "never"]
overall = ranked(everything)
by_events = {i: m for i, m, _ in ranked(events)} if events else {}
by_quiet = {i: m for i, m, _ in ranked(quiet)} if quiet else {}
cases = list(dict.fromkeys(key[0] for key in outcomes))
top_case = {}
for case in cases:
    group = [o for o in everything if outcomes[o][0] == case]
    for i, m, _ in ranked(group):
        if m > 0 and (i not in top_case or m > top_case[i][1]):
            top_case[i] = (case, m)

def number(value):
    return repr(value) if value == value else ""

with open(os.path.join(out, "screen.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["rank", "parameter", "mu_star", "mu_star_ci95_low", "mu_star_ci95_high", "sigma", "mu_star_events",
                "mu_star_nonevents", "top_case", "top_case_mu_star"])
    for rank, (i, m, s) in enumerate(overall, 1):
        top = top_case.get(i, ("", float("nan")))
        w.writerow([rank, names[i], number(m), number(m - half_width[i]), number(m + half_width[i]), number(s),
                    number(by_events.get(i, float("nan"))),
                    number(by_quiet.get(i, float("nan"))), top[0], number(top[1])])
with open(os.path.join(out, "screen-cases.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["case", "outcomes", "rank", "parameter", "mu_star", "sigma"])
    for case in cases:
        group = [o for o in everything if outcomes[o][0] == case]
        for rank, (i, m, s) in enumerate(ranked(group), 1):
            w.writerow([case, len(group), rank, names[i], number(m), number(s)])
with open(os.path.join(out, "screen-outcomes.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["case", "outcome", "observed", "parameter", "mu", "mu_star", "sigma"])
    for o, (case, outcome, observed) in enumerate(outcomes):
        for i in range(k):
            mu, mu_star, sigma = stats[o][i]
            w.writerow([case, outcome, observed, names[i], number(mu), number(mu_star), number(sigma)])

print(f"{len(outcomes)} observed outcomes of {len(cases)} cases ({len(events)} events, {len(quiet)} non-events); "
      f"μ* and σ of each outcome's scored P, per whole range, averaged over the outcomes")
header = ["rank", "parameter", "mu*", "± 95 %", "sigma", "mu* events", "mu* non-events", "case moved most"]
table = [[str(rank), names[i], f"{m:.4f}", f"{half_width[i]:.4f}", f"{s:.4f}", f"{by_events.get(i, float('nan')):.4f}",
          f"{by_quiet.get(i, float('nan')):.4f}", (f"{top_case[i][0]} {top_case[i][1]:.3f}" if i in top_case else "-")]
         for rank, (i, m, s) in enumerate(overall, 1)]
widths = [max(len(h), *(len(r[j]) for r in table)) for j, h in enumerate(header)]
print("  ".join(h.ljust(widths[j]) for j, h in enumerate(header)).rstrip())
for r in table:
    print("  ".join(v.ljust(widths[j]) for j, v in enumerate(r)).rstrip())
PY
echo "wall time: $(( $(date +%s) - started )) s; tables: $OUT/screen.csv, $OUT/screen-cases.csv, $OUT/screen-outcomes.csv"
