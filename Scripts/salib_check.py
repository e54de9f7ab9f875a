#!/usr/bin/env python3
"""Check Entente's sensitivity.csv against SALib on the same outputs.

Usage: python3 Scripts/salib_check.py RESULTS_DIR [--tolerance 1e-9]

Reads the sweep folder's manifest.json (design, parameters, points, design_options) and runs.csv,
takes the mean of every numeric outcome over each point's successful replicates (as Entente does),
and runs SALib.analyze.sobol (saltelli designs) or SALib.analyze.morris (morris designs) with
SALib's own estimators. Outcomes constant over the design are skipped, and an index Entente leaves
empty (A and B without variance) matches SALib's NaN or 0. Requires S1, ST, S2 (Sobol) or mu, mu_star, sigma (Morris) to agree with
sensitivity.csv within the tolerance; bootstrap intervals are not compared (different streams).
Exit status 0 when all agree, 1 otherwise, 2 on bad usage.
"""
import argparse
import json
import math
import sys

import numpy as np
import pandas as pd


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--tolerance", type=float, default=1e-9)
    args = parser.parse_args()
    from SALib.analyze import morris, sobol

    manifest = json.load(open(f"{args.folder}/manifest.json"))
    design = manifest["design"]
    names = [p["path"] for p in manifest["parameters"]]
    bounds = [[p["from"], p["to"]] for p in manifest["parameters"]]
    problem = {"num_vars": len(names), "names": names, "bounds": bounds}
    options = manifest.get("design_options", {})
    points = np.array(manifest["points"], dtype=float)
    numeric = [c["name"] for c in manifest["outcome_columns"] if c["kind"] != "date"]

    runs = pd.read_csv(f"{args.folder}/runs.csv")
    runs = runs[runs["status"] == "ok"]
    ours = pd.read_csv(f"{args.folder}/sensitivity.csv", keep_default_na=False, na_values=[""])
    for column in ("parameter", "parameter2"):
        ours[column] = ours[column].astype(object).where(ours[column].notna(), "").astype(str)

    def value(outcome, parameter, index, parameter2=""):
        row = ours[(ours.outcome == outcome) & (ours.parameter == parameter) & (ours["index"] == index)
                   & (ours.parameter2 == parameter2)]
        return float(row.value.iloc[0]) if len(row) == 1 and not pd.isna(row.value.iloc[0]) else math.nan

    failures = 0
    compared = 0

    def check(label, theirs, mine):
        nonlocal failures, compared
        # Where A and B give one value (no variance) Entente leaves the cell empty; recent SALib reports 0.
        if math.isnan(mine) and (math.isnan(theirs) or theirs == 0.0):
            return
        compared += 1
        if not (abs(theirs - mine) <= args.tolerance):
            failures += 1
            print(f"MISMATCH {label}: SALib {theirs!r}, Entente {mine!r}")

    for outcome in numeric:
        y = runs.groupby("point")[outcome].mean().reindex(range(len(points))).to_numpy(dtype=float)
        if np.nanmin(y) == np.nanmax(y):
            # Entente leaves the indices of a constant output empty; SALib versions differ (NaN or 0).
            print(f"{outcome}: constant over the design, not compared")
            continue
        with np.errstate(all="ignore"):
            if design == "saltelli":
                second = bool(options.get("second_order", True))
                si = sobol.analyze(problem, y, calc_second_order=second, print_to_console=False)
                for i, name in enumerate(names):
                    check(f"{outcome} S1 {name}", float(si["S1"][i]), value(outcome, name, "S1"))
                    check(f"{outcome} ST {name}", float(si["ST"][i]), value(outcome, name, "ST"))
                    if second:
                        for j in range(i + 1, len(names)):
                            check(f"{outcome} S2 {name}×{names[j]}", float(si["S2"][i, j]), value(outcome, name, "S2", names[j]))
            elif design == "morris":
                si = morris.analyze(problem, points, y, num_levels=int(options.get("levels", 4)), print_to_console=False)
                for i, name in enumerate(names):
                    check(f"{outcome} mu {name}", float(si["mu"][i]), value(outcome, name, "mu"))
                    check(f"{outcome} mu_star {name}", float(si["mu_star"][i]), value(outcome, name, "mu_star"))
                    check(f"{outcome} sigma {name}", float(si["sigma"][i]), value(outcome, name, "sigma"))
            else:
                print(f"{args.folder} holds a {design} design; expected saltelli or morris", file=sys.stderr)
                return 2
    print(f"{compared} indices compared with SALib, {failures} differ by more than {args.tolerance}")
    return 1 if failures or compared == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
