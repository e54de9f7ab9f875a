#!/usr/bin/env python3
"""Plot an Entente results folder: writes PNGs beside the CSVs.

    python3 Scripts/plot.py Results/csto-2018-2024 [--state ARM] [--bloc CSTO]

Figures (each only when its CSV is there):
  trust_<STATE>.png      trust of STATE in each member of BLOC over time: median, 5–95% band across replicates
  affinity_<STATE>.png   STATE's affinity for every bloc over time: median, 5–95% band
  exit_dates.png         when frozen/left outcomes happened (histogram by date, all replicates)
  effects.png            compare/effects.csv as a forest plot: paired difference and 95% CI per variant
Needs only pandas and matplotlib.
"""
import argparse
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402


def dates(column):
    """Calendar labels (YYYY, YYYY-MM or YYYY-MM-DD) as datetimes."""
    text = column.astype(str)
    if text.str.len().max() == 4:
        return pd.to_datetime(text, format="%Y")
    if text.str.len().max() == 7:
        return pd.to_datetime(text, format="%Y-%m")
    return pd.to_datetime(text, format="%Y-%m-%d")


def band(ax, frame, value, label):
    """Median line and 5–95% band of `value` across replicates, by date."""
    grouped = frame.groupby("when")[value]
    q = grouped.quantile([0.05, 0.5, 0.95]).unstack()
    line, = ax.plot(q.index, q[0.5], label=label)
    ax.fill_between(q.index, q[0.05], q[0.95], color=line.get_color(), alpha=0.2)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", help="a results folder written by `entente run`")
    parser.add_argument("--state", help="the state whose view is plotted (default: the one with most recorded trust pairs)")
    parser.add_argument("--bloc", help="the bloc whose members' trust is plotted (default: the first bloc)")
    args = parser.parse_args()
    folder = args.folder
    if not os.path.isdir(folder):
        sys.exit(f"error: {folder} is not a folder; expected a results folder written by `entente run`")
    written = []

    affinity = None
    if os.path.exists(os.path.join(folder, "affinity.csv")):
        affinity = pd.read_csv(os.path.join(folder, "affinity.csv"))
        affinity["when"] = dates(affinity["date"])
    trust = None
    if os.path.exists(os.path.join(folder, "trust.csv")):
        trust = pd.read_csv(os.path.join(folder, "trust.csv"))
        trust["when"] = dates(trust["date"])

    state = args.state or (trust["from"].value_counts().idxmax() if trust is not None and len(trust) else None)
    bloc = args.bloc or (affinity["bloc"].iloc[0] if affinity is not None and len(affinity) else None)

    if trust is not None and state and bloc and affinity is not None:
        first = affinity[(affinity["step"] == affinity["step"].min()) & (affinity["bloc"] == bloc)]
        members = [m for m in first[first["status"] != "outside"]["state"].unique() if m != state]
        mine = trust[(trust["from"] == state) & (trust["to"].isin(members))]
        if len(mine):
            fig, ax = plt.subplots(figsize=(9, 5))
            for other in members:
                rows = mine[mine["to"] == other]
                if len(rows):
                    band(ax, rows, "trust", other)
            ax.axhline(0, color="grey", linewidth=0.8)
            ax.set_title(f"Trust of {state} in the members of {bloc} (median, 5–95% across replicates)")
            ax.set_xlabel("date")
            ax.set_ylabel("trust (−1 to 1)")
            ax.set_ylim(-1.05, 1.05)
            ax.legend(title="trust in")
            path = os.path.join(folder, f"trust_{state}.png")
            fig.tight_layout()
            fig.savefig(path, dpi=110)
            plt.close(fig)
            written.append(path)

    if affinity is not None and state:
        rows = affinity[affinity["state"] == state]
        fig, ax = plt.subplots(figsize=(9, 5))
        for name in rows["bloc"].unique():
            band(ax, rows[rows["bloc"] == name], "affinity", name)
        ax.set_title(f"Affinity of {state} for each bloc (median, 5–95% across replicates)")
        ax.set_xlabel("date")
        ax.set_ylabel("affinity (0 to 1)")
        ax.set_ylim(-0.02, 1.02)
        ax.legend(title="bloc")
        path = os.path.join(folder, f"affinity_{state}.png")
        fig.tight_layout()
        fig.savefig(path, dpi=110)
        plt.close(fig)
        written.append(path)

    outcomes_path = os.path.join(folder, "outcomes.csv")
    if os.path.exists(outcomes_path):
        outcomes = pd.read_csv(outcomes_path, dtype=str)
        date_columns = [c for c in outcomes.columns if c.endswith("_date") and outcomes[c].notna().any()]
        if date_columns:
            fig, ax = plt.subplots(figsize=(9, 5))
            n = len(outcomes)
            for column in date_columns:
                when = dates(outcomes[column].dropna())
                counts = when.value_counts().sort_index()
                ax.bar(counts.index, counts.values / n, width=25, alpha=0.6,
                       label=f"{column[:-5]} ({len(when)} of {n} replicates)")
            ax.set_title("When it happened: share of replicates by date")
            ax.set_xlabel("date")
            ax.set_ylabel("share of replicates")
            ax.legend()
            path = os.path.join(folder, "exit_dates.png")
            fig.tight_layout()
            fig.savefig(path, dpi=110)
            plt.close(fig)
            written.append(path)

    effects_path = os.path.join(folder, "compare", "effects.csv")
    if os.path.exists(effects_path):
        effects = pd.read_csv(effects_path)
        effects = effects[(effects["ci95_high"] - effects["ci95_low"] > 0) | (effects["difference"] != 0)]
        if len(effects):
            fig, ax = plt.subplots(figsize=(9, 0.35 * len(effects) + 1.5))
            labels = effects["variant"] + ": " + effects["outcome"]
            y = range(len(effects))
            ax.errorbar(effects["difference"], y,
                        xerr=[effects["difference"] - effects["ci95_low"], effects["ci95_high"] - effects["difference"]],
                        fmt="o", capsize=3)
            ax.axvline(0, color="grey", linewidth=0.8)
            ax.set_yticks(list(y))
            ax.set_yticklabels(labels)
            ax.invert_yaxis()
            ax.set_title("Effect of each variant: paired difference from baseline, 95% CI")
            ax.set_xlabel("variant − baseline (outcome units; probability for 0/1 outcomes)")
            path = os.path.join(folder, "effects.png")
            fig.tight_layout()
            fig.savefig(path, dpi=110)
            plt.close(fig)
            written.append(path)

    if not written:
        sys.exit(f"error: nothing to plot in {folder}; expected trust.csv, affinity.csv, outcomes.csv or compare/effects.csv")
    for path in written:
        print(path)


if __name__ == "__main__":
    main()
