#!/usr/bin/env python3
"""Plot an Entente results folder: writes PNGs beside the CSVs.

    python3 Scripts/plot.py Results/csto-2018-2024 [--state ARM] [--bloc CSTO]
    python3 Scripts/plot.py Results/validation

Figures (each only when its CSV is there):
  trust_<STATE>.png      trust of STATE in each member of BLOC over time: median, 5–95% band across replicates
  affinity_<STATE>.png   STATE's affinity for every bloc over time: median, 5–95% band
  exit_dates.png         when frozen/left outcomes happened (histogram by date, all replicates)
  effects.png            compare/effects.csv as a forest plot: paired difference and 95% CI per variant
  reliability.png        validation.csv (entente validate): predicted P vs observed frequency, binned, with counts
  date_errors.png        validation.csv: per observed event, median and p10–p90 of simulated − observed months
  sensitivity.png        sensitivity.csv (entente analyze): S1 and ST (or Morris mu*) per parameter as bars
                         with 95% intervals, one panel per outcome
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


def validation_plots(folder, scores):
    """reliability.png and date_errors.png from an `entente validate` folder (docs/validation.md)."""
    written = []
    if not len(scores):
        return written
    event = scores["observed"] != "never"
    # The probability the model gave to "it happens": within the window for events, at all for non-events.
    predicted = scores["p_window"].where(event, scores["p_any"]).astype(float)
    happened = event.astype(float)
    # Ten bins [0, 0.1), [0.1, 0.2), …, [0.9, 1.0]; P = 1 falls in the last.
    bins = (predicted * 10).apply(lambda x: min(int(x), 9))
    table = pd.DataFrame({"predicted": predicted, "happened": happened, "bin": bins}) \
        .groupby("bin").agg(predicted=("predicted", "mean"), frequency=("happened", "mean"),
                                           n=("happened", "size"))
    fig, ax = plt.subplots(figsize=(6.5, 6))
    ax.plot([0, 1], [0, 1], color="grey", linewidth=0.8, linestyle="--", label="perfect reliability")
    ax.plot(table["predicted"], table["frequency"], marker="o", label="outcomes, binned by P (width 0.1)")
    for _, row in table.iterrows():
        ax.annotate(f"n={int(row['n'])}", (row["predicted"], row["frequency"]), textcoords="offset points",
                    xytext=(6, -12), fontsize=8)
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.05, 1.05)
    ax.set_xlabel("predicted P(it happens) — within the window for events, at all for non-events")
    ax.set_ylabel("observed frequency (events 1, non-events 0)")
    ax.set_title(f"Reliability: {len(scores)} observed outcomes in {scores['case_file'].nunique()} cases")
    ax.legend(loc="upper left")
    path = os.path.join(folder, "reliability.png")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    written.append(path)

    events = scores[event].reset_index(drop=True)
    if len(events):
        window = int(events["window"].max())
        fig, ax = plt.subplots(figsize=(9, 0.35 * len(events) + 1.8))
        y = list(range(len(events)))
        labels = [f"{os.path.splitext(os.path.basename(case))[0]}: {outcome} ({observed})" for case, outcome, observed
                  in zip(events["case_file"], events["outcome"], events["observed"])]
        ax.axvspan(-window, window, color="tab:green", alpha=0.12, label=f"window ±{window} months")
        ax.axvline(0, color="grey", linewidth=0.8)
        dated = events["date_err_median"].notna()
        rows = events[dated]
        ax.errorbar(rows["date_err_median"], [y[i] for i in rows.index],
                    xerr=[rows["date_err_median"] - rows["date_err_p10"], rows["date_err_p90"] - rows["date_err_median"]],
                    fmt="o", capsize=3, label="median, p10–p90 (replicates where it happened)")
        for i in events[~dated].index:
            ax.annotate("never happened in the model", (0, i), xytext=(4, -3), textcoords="offset points", fontsize=8,
                        color="tab:red")
        ax.set_yticks(y)
        ax.set_yticklabels(labels)
        ax.set_ylim(len(events) - 0.4, -0.6)
        ax.set_xlabel("date error: simulated − observed (months)")
        ax.set_title("When the model's events happened, relative to history", pad=24)
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize=8, frameon=False)
        path = os.path.join(folder, "date_errors.png")
        fig.tight_layout()
        fig.savefig(path, dpi=110)
        plt.close(fig)
        written.append(path)
    return written


def sensitivity_plot(folder, table):
    """sensitivity.png from sensitivity.csv (docs/sensitivity.md): one panel per outcome, bars with 95% intervals."""
    table = table[table["index"].isin(["S1", "ST", "mu_star"])]
    outcomes = list(dict.fromkeys(table["outcome"]))
    if not outcomes:
        return []
    fig, axes = plt.subplots(len(outcomes), 1, figsize=(9, 2.8 * len(outcomes)), squeeze=False)
    for ax, outcome in zip(axes[:, 0], outcomes):
        rows = table[table["outcome"] == outcome]
        indices = list(dict.fromkeys(rows["index"]))
        parameters = list(dict.fromkeys(rows["parameter"]))
        width = 0.8 / len(indices)
        for n, index in enumerate(indices):
            part = rows[rows["index"] == index].set_index("parameter").reindex(parameters)
            x = [i + (n - (len(indices) - 1) / 2) * width for i in range(len(parameters))]
            low = (part["value"] - part["ci95_low"]).clip(lower=0).fillna(0)
            high = (part["ci95_high"] - part["value"]).clip(lower=0).fillna(0)
            ax.bar(x, part["value"].fillna(0), width, yerr=[low, high], capsize=2, label=index)
        ax.set_xticks(range(len(parameters)))
        ax.set_xticklabels(parameters, rotation=30, ha="right")
        ax.axhline(0, color="grey", linewidth=0.6)
        ax.set_title(outcome)
        ax.legend(fontsize=8)
    fig.suptitle("Sensitivity indices with 95% bootstrap intervals")
    path = os.path.join(folder, "sensitivity.png")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return [path]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", help="a results folder written by `entente run` or `entente validate`")
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

    validation_path = os.path.join(folder, "validation.csv")
    if os.path.exists(validation_path):
        written += validation_plots(folder, pd.read_csv(validation_path, keep_default_na=False, na_values=[""]))

    sensitivity_path = os.path.join(folder, "sensitivity.csv")
    if os.path.exists(sensitivity_path):
        table = pd.read_csv(sensitivity_path, keep_default_na=False, na_values=[""])
        table["parameter"] = table["parameter"].astype(str)
        written += sensitivity_plot(folder, table)

    if not written:
        sys.exit(f"error: nothing to plot in {folder}; expected trust.csv, affinity.csv, outcomes.csv, "
                 "compare/effects.csv, validation.csv or sensitivity.csv")
    for path in written:
        print(path)


if __name__ == "__main__":
    main()
