#!/usr/bin/env python3
"""Plot an Entente results folder: writes figures beside the CSVs (docs/plotting.md).

    python3 Scripts/plot.py Results/csto-2018-2024 [--state ARM] [--bloc CSTO]
    python3 Scripts/plot.py Results/csto-2018-2024/compare
    python3 Scripts/plot.py Results/betrayal-complicity [--outcome arm_left]
    python3 Scripts/plot.py Results/validation
    python3 Scripts/plot.py Results/calibration-NAME          (entente calibrate)
    options: --format png|pdf|svg  --dpi N  --no-events

Figures (each only when its CSV is there; EXT is the --format):
  membership_<BLOC>.EXT     share of replicates in which each state is frozen / has left BLOC, by date (affinity.csv)
  trust_<STATE>_<BLOC>.EXT  trust of STATE in each member of BLOC over time: median, 5–95% band across replicates
  affinity_<STATE>.EXT      STATE's affinity for every bloc over time: median, 5–95% band
  exit_dates.EXT            when each frozen/left outcome happened (outcomes.csv); one colour per arm in a compare folder
  compare_exit_dates.EXT    the same for the compare/ folder inside a run folder: baseline and variants overlaid
  effects.EXT               compare/effects.csv as a forest plot, one panel per kind of outcome
  sweep_<OUTCOME>.EXT       a sweep's points.csv: heatmap (2 parameters on a grid), line (1), or one panel per parameter
  reliability.EXT           validation.csv (entente validate): predicted P vs observed frequency, binned, with counts
  date_errors.EXT           validation.csv: per observed event, median and p10–p90 of simulated − observed months
  sensitivity.EXT           sensitivity.csv (entente analyze): S1 and ST (or Morris mu*) per parameter, bars with
                            95% intervals, one panel per outcome
  posterior.EXT             particles.csv (entente calibrate): each fitted parameter's marginal posterior, a weighted
                            histogram and KDE of the final generation over the prior range, generation 0 for reference
  tolerance.EXT             generations.csv (entente calibrate): tolerance (log), acceptance rate and ESS by generation
  drivers_<STATE>_<BLOC>.EXT  drivers.csv (run --record drivers): mean over replicates of the affinity target's terms
                            (trust, security, clamp; stacked around 1/2), the target and the affinity, events marked
  steps_membership_<BLOC>.EXT  steps.csv (run --record steps): share of replicates frozen / left per state, by date
  steps_<STATE>.EXT         steps.csv: STATE's affinity for each bloc and trust in each recorded partner, mean and
                            q05–q95 band across replicates
  steps_blocs.EXT           steps.csv: each bloc's cohesion and active members, mean and q05–q95 band
  sbc_ranks.EXT             sbc.csv (make validate-calibration): histogram of the truth's posterior rank with the
                            99 % binomial band of a uniform histogram, and the 50 %/90 % coverage
Time series are marked with the scenario's scripted events (events.csv) unless --no-events.
Exit status: 0 figures written, 1 nothing to plot or not a folder, 2 bad option (an unknown state, bloc or outcome).
Needs only pandas and matplotlib.
"""
import argparse
import json
import math
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.ticker as mticker  # noqa: E402
import pandas as pd  # noqa: E402

# Okabe & Ito (2008), the colour-blind-safe qualitative palette; yellow last (faint on white).
OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#56B4E9", "#CC79A7", "#000000", "#F0E442"]
STATUS_STYLE = {"frozen": dict(color="#0072B2", linestyle="--"), "left": dict(color="#D55E00", linestyle="-")}
ARM_LINESTYLE = {"frozen": "--", "left": "-"}
ARM_STYLES = ["-", "--", "-.", ":"]
MARKERS = ["o", "s", "D", "^", "v", "P", "X"]
MEMBERSHIP_TYPES = {"join", "freeze", "unfreeze", "leave"}
ANSWER_TYPES = {"assist", "decline"}
IDS = dict(keep_default_na=False, na_values=[""])  # only an empty cell is missing (a state may be called NA)

plt.rcParams.update({
    "axes.prop_cycle": matplotlib.cycler(color=OKABE_ITO),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "0.9",
    "grid.linewidth": 0.6,
    "font.size": 9,
    "axes.titlesize": 10,
    "legend.fontsize": 8,
    "legend.frameon": False,
    "savefig.bbox": "tight",
    "axes.axisbelow": True,
    "svg.fonttype": "none",  # SVG text stays text (editable, searchable)
    "pdf.fonttype": 42,  # TrueType fonts in PDF, as journals ask, not Type 3
})


class UsageError(Exception):
    """A bad option value: exit 2 with the message."""


def dates(column):
    """Calendar labels (YYYY, YYYY-MM or YYYY-MM-DD) as datetimes; empty cells stay NaT."""
    text = column.astype("string")
    longest = text.str.len().max()
    fmt = {4: "%Y", 7: "%Y-%m"}.get(longest, "%Y-%m-%d")
    return pd.to_datetime(text, format=fmt, errors="coerce")


def date_axis(ax):
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, show_offset=False))


def log_axis(ax):
    """A logarithmic x axis labelled 0.5, 1, 2, 5, 10 … in plain numbers."""
    ax.set_xscale("log")
    ax.xaxis.set_major_locator(mticker.LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
    ax.xaxis.set_major_formatter(mticker.FuncFormatter(lambda value, _: f"{value:g}"))
    ax.xaxis.set_minor_formatter(mticker.NullFormatter())


def step_days(when):
    """The calendar step in days (the smallest gap between distinct dates), for bar widths."""
    unique = pd.Series(sorted(when.dropna().unique()))
    if len(unique) < 2:
        return 28.0
    return max(float(unique.diff().dropna().min() / pd.Timedelta(days=1)), 1.0)


def replicates_text(counts):
    """'200 replicates' or, per arm, '200 replicates per arm' (or the list when they differ)."""
    values = sorted(set(counts.values())) if isinstance(counts, dict) else [counts]
    if len(values) == 1:
        n = values[0]
        return f"{n} replicate{'s' if n != 1 else ''}" + (" per arm" if isinstance(counts, dict) and len(counts) > 1 else "")
    return ", ".join(f"{arm}: {n}" for arm, n in counts.items()) + " replicates"


def wilson(k, n, z=1.959963984540054):
    """95% Wilson score interval of k successes in n (arrays)."""
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    return (centre - half).clip(lower=0), (centre + half).clip(upper=1)


class Plotter:
    def __init__(self, folder, args):
        self.folder = folder
        self.args = args
        self.written = []
        self.notes = []

    # ---------------------------------------------------------------- drivers (entente run --record drivers)
    def drivers(self, state, bloc):
        """drivers_<STATE>_<BLOC>: mean terms of the affinity target over replicates, events marked (docs/outputs.md#driverscsv)."""
        frame = self.read("drivers.csv", keep_default_na=False, na_values=[""])
        rows = frame[(frame["state"] == state) & (frame["bloc"] == bloc)]
        if not len(rows):
            return
        # Model 2's drivers.csv adds the grievance and hierarchy terms (docs/outputs.md#driverscsv-under-model-2).
        terms = [("trust_term", "trust term w_trust·τ/2")]
        if "grievance_term" in rows.columns:
            terms.append(("grievance_term", "grievance term −w_trust·G/2"))
        terms.append(("security_term", "security term w_security·need·(2·cover−1)/2"))
        if "hierarchy_term" in rows.columns:
            terms.append(("hierarchy_term", "hierarchy term −w_security·autonomy·dominance/2"))
        terms.append(("clamp", "clamp adjustment"))
        mean = rows.groupby("when")[[column for column, _ in terms] + ["target", "affinity"]].mean()
        fig, ax = plt.subplots(figsize=(10, 5.5))
        upper = pd.Series(0.5, index=mean.index)  # terms stacked from the constant 1/2: positive parts above, negative below
        lower = pd.Series(0.5, index=mean.index)
        for column, label in terms:
            positive = mean[column].clip(lower=0)
            negative = mean[column].clip(upper=0)
            if not (positive.any() or negative.any()):
                continue
            fill = ax.fill_between(mean.index, upper, upper + positive, alpha=0.45, label=label, step="mid")
            ax.fill_between(mean.index, lower + negative, lower, alpha=0.45, color=fill.get_facecolor()[0], step="mid")
            upper, lower = upper + positive, lower + negative
        ax.axhline(0.5, color="grey", linewidth=0.8, linestyle=":")
        ax.plot(mean.index, mean["target"], color="black", linewidth=1.2, label="target (sum of the terms)")
        ax.plot(mean.index, mean["affinity"], color="black", linewidth=1.2, linestyle="--", label="affinity")
        if self.exists("events.csv"):
            events = pd.read_csv(self.path("events.csv"), keep_default_na=False)
            first = events["replicate"].min() if len(events) else 0
            mine = events[(events["replicate"] == first) & (events["event"] != "") &
                          ((events["actor"] == state) | (events["target"] == state))].drop_duplicates("event")
            for _, event in mine.iterrows():
                when = dates(pd.Series([event["date"]])).iloc[0]
                ax.axvline(when, color="grey", linewidth=0.6, alpha=0.6)
                ax.annotate(event["event"], (when, 1.0), rotation=90, fontsize=6, va="top", ha="right", color="dimgrey",
                            xycoords=("data", "axes fraction"))
        replicates = rows["replicate"].nunique()
        ax.set_title(f"{state}'s affinity for {bloc}: the target's terms (mean over {replicates} replicates)")
        ax.set_ylabel("affinity target and its terms")
        ax.legend(loc="lower left", fontsize=8)
        self.save(fig, f"drivers_{state}_{bloc}")

    # ---------------------------------------------------------------- steps.csv (run/compare --record steps)
    def steps(self, state, blocs, events):
        """steps_membership_<BLOC>, steps_<STATE> and steps_blocs from steps.csv: the across-replicate summary
        of each recorded step (docs/outputs.md#stepscsv), so no replicate-level file is read."""
        numbers = ["n", "mean", "sd", "q05", "q50", "q95"]
        table = self.read("steps.csv", keep_default_na=False, na_values={c: [""] for c in numbers})
        if not len(table):
            return
        arms = self.arms(table)
        counts = ({arm: int(rows["n"].max()) for arm, rows in arms} if arms[0][0] is not None
                  else int(table["n"].max()))
        caption = f"from steps.csv; {replicates_text(counts)}{self.events_note(events)}"
        membership = table[table["quantity"].isin(["frozen", "left"])]
        for bloc in blocs:
            rows = membership[membership["target"] == bloc]
            changed = [s for s in rows["state"].drop_duplicates() if (rows[rows["state"] == s]["mean"] > 0).any()]
            if not changed:
                self.notes.append(f"note: no state is ever frozen or left in {bloc}; steps_membership_{bloc} not drawn")
                continue
            if len(changed) <= 4:
                fig, axes = self.figure(len(changed), events, panel_height=2.0)
            else:
                fig, axes = self.grid_figure(len(changed), 2, events)
            for ax, name in zip(axes, changed):
                mine = rows[rows["state"] == name]
                for index, (arm, arm_rows) in enumerate(self.arms(mine)):
                    for status in ["frozen", "left"]:
                        part = arm_rows[arm_rows["quantity"] == status].sort_values("when")
                        if arm is None:
                            style = STATUS_STYLE[status]
                            label = status if name == changed[0] else None
                        else:
                            style = dict(color=OKABE_ITO[index % len(OKABE_ITO)], linestyle=ARM_LINESTYLE[status])
                            label = f"{arm}: {status}" if name == changed[0] else None
                        n = part["n"].clip(lower=1)
                        low, high = wilson(part["mean"] * n, n)
                        ax.plot(part["when"], part["mean"], label=label, linewidth=1.4, **style)
                        if arm is None:  # several arms' bands would pile up into one grey mass: lines only
                            ax.fill_between(part["when"], low, high, color=style["color"], alpha=0.12, linewidth=0)
                self.mark_events(ax, events)
                ax.set_ylim(-0.02, 1.02)
                ax.set_ylabel("share of replicates")
                ax.set_title(f"{name} in {bloc}", loc="left")
                self.time_axis(ax)
            axes[0].legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), title="status" if arms[0][0] is None else "arm: status")
            for ax in axes[len(changed):]:
                ax.set_visible(False)
            fig.suptitle(f"Membership of {bloc}: share of replicates in which each state is frozen or has left it at the "
                         f"end of each step\n{'95% Wilson band; ' if arms[0][0] is None else ''}{caption}", fontsize=10)
            self.save(fig, f"steps_membership_{bloc}")

        if state:
            panels = []
            affinity = table[(table["quantity"] == "affinity") & (table["state"] == state)]
            if len(affinity):
                panels.append(("affinity", affinity, f"affinity of {state} for each bloc", "affinity (0 to 1)", (-0.02, 1.02)))
            trust = table[(table["quantity"] == "trust") & (table["state"] == state)]
            # Fellow members: states in a bloc with STATE at step 0 (member, frozen or left share above 0).
            first = table[(table["step"] == table["step"].min()) & table["quantity"].isin(["member", "frozen", "left"])
                          & (table["mean"] > 0)]
            mine = set(first[first["state"] == state]["target"])
            fellows = set(first[first["target"].isin(mine)]["state"]) - {state}
            inside = trust[trust["target"].isin(fellows)]
            outside = trust[~trust["target"].isin(fellows)]
            if len(inside):
                panels.append(("trust", inside, f"trust of {state} in the other members of its blocs",
                               "trust (−1 to 1)", (-1.05, 1.05)))
            if len(outside):
                panels.append(("trust", outside, f"trust of {state} in the other recorded states" if len(inside)
                               else f"trust of {state} in each recorded state", "trust (−1 to 1)", (-1.05, 1.05)))
            if panels:
                self.summary_figure(panels, events, f"steps_{state}",
                                    f"{state} at the end of each step: mean and 5–95% band across replicates\n{caption}")
        blocs_rows = [(q, table[table["quantity"] == q]) for q in ["cohesion", "active_members"]]
        panels = [(q, rows, {"cohesion": "cohesion of each bloc", "active_members": "active members of each bloc"}[q],
                   {"cohesion": "cohesion (scale −1 to 1)", "active_members": "active members (states)"}[q],
                   None) for q, rows in blocs_rows if len(rows)]
        if panels:
            self.summary_figure(panels, events, "steps_blocs",
                                f"Blocs at the end of each step: mean and 5–95% band across replicates\n{caption}")

    def summary_figure(self, panels, events, stem, title):
        """One panel per (quantity, rows, title, y label, y limits): a line per series (the target column) at its
        mean with its q05–q95 band. With arms (a compare folder), one panel per target and a line per arm."""
        if "variant" in panels[0][1].columns:
            names = {"affinity": "affinity of {state} for {target}", "trust": "trust of {state} in {target}",
                     "cohesion": "cohesion of {target}", "active_members": "active members of {target}"}
            panels = [(quantity, part, names[quantity].format(state=part["state"].iloc[0], target=target), ylabel, limits)
                      for quantity, rows, _, ylabel, limits in panels
                      for target, part in ((t, rows[rows["target"] == t]) for t in rows["target"].drop_duplicates())]
        fig, axes = self.figure(len(panels), events, panel_height=3.0 if len(panels) <= 3 else 2.0)
        for ax, (quantity, rows, panel_title, ylabel, limits) in zip(axes, panels):
            targets = list(rows["target"].drop_duplicates())
            arms = self.arms(rows)
            series = 0
            for index, (arm, arm_rows) in enumerate(arms):
                for number, target in enumerate(targets):
                    part = arm_rows[arm_rows["target"] == target].sort_values("when")
                    if not len(part):
                        continue
                    # One colour and dash pattern per line (targets; with arms, the arm's dash), so lines stay
                    # apart in greyscale and past the palette's seven colours.
                    colour = OKABE_ITO[(number if arm is None else series) % 7]
                    style = ARM_STYLES[(number if arm is None else index) % len(ARM_STYLES)]
                    label = target if arm is None else arm if len(targets) == 1 else f"{arm}: {target}"
                    ax.plot(part["when"], part["mean"], color=colour, linestyle=style, linewidth=1.4, label=label)
                    ax.fill_between(part["when"], part["q05"], part["q95"], color=colour, alpha=0.15, linewidth=0)
                    series += 1
            if quantity == "trust":
                ax.axhline(0, color="0.5", linewidth=0.8)
            self.mark_events(ax, events)
            ax.set_title(panel_title, loc="left")
            ax.set_ylabel(ylabel)
            if limits:
                ax.set_ylim(*limits)
            if quantity == "active_members":  # whole states on the axis, at least one either side of the data
                ax.set_ylim(math.floor(rows["q05"].min()) - 0.5, math.ceil(rows["q95"].max()) + 0.5)
                ax.yaxis.set_major_locator(mticker.MaxNLocator(integer=True))
            if arms[0][0] is None:
                ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), ncol=1 if series <= 12 else 2,
                          title="partner" if quantity == "trust" else "bloc")
            elif ax is axes[0]:
                ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), title="arm")
            self.time_axis(ax)
        fig.suptitle(title, fontsize=10)
        self.save(fig, stem)

    # ---------------------------------------------------------------- sensitivity (entente analyze)
    def sensitivity(self):
        """sensitivity.EXT from sensitivity.csv (docs/sensitivity.md): one panel per outcome, bars with 95% intervals.
        Up to 10 parameters: vertical bars under each outcome; more: horizontal bars (names on the y axis, readable
        at 31 parameters), outcomes side by side, in declaration order so panels compare."""
        table = pd.read_csv(self.path("sensitivity.csv"), keep_default_na=False, na_values=[""])
        table["parameter"] = table["parameter"].astype(str)
        table = table[table["index"].isin(["S1", "ST", "mu_star"])]
        outcomes = list(dict.fromkeys(table["outcome"]))
        if not outcomes:
            return
        names = {"S1": "S1 (first order)", "ST": "ST (total)", "mu_star": "μ* (Morris)"}
        parameters = list(dict.fromkeys(table["parameter"]))
        morris = set(table["index"]) == {"mu_star"}
        axis = ("μ*: mean |elementary effect| (outcome units per parameter range)" if morris
                else "Sobol index (share of the outcome's variance)")
        horizontal = len(parameters) > 10
        if horizontal:
            columns = min(3, len(outcomes))
            count = math.ceil(len(outcomes) / columns)
            fig, axes = plt.subplots(count, columns, figsize=(3.4 * columns + 1.4, 0.19 * len(parameters) * count + 1.6),
                                     squeeze=False, sharey=True, layout="constrained")
        else:
            fig, axes = plt.subplots(len(outcomes), 1, figsize=(9, 2.8 * len(outcomes)), squeeze=False, layout="constrained")
        for ax, outcome in zip(axes.flat, outcomes):
            rows = table[table["outcome"] == outcome]
            indices = list(dict.fromkeys(rows["index"]))
            width = 0.8 / len(indices)
            for n, index in enumerate(indices):
                part = rows[rows["index"] == index].set_index("parameter").reindex(parameters)
                x = [i + (n - (len(indices) - 1) / 2) * width for i in range(len(parameters))]
                low = (part["value"] - part["ci95_low"]).clip(lower=0).fillna(0)
                high = (part["ci95_high"] - part["value"]).clip(lower=0).fillna(0)
                style = dict(color=OKABE_ITO[n], hatch=["", "///"][n % 2], edgecolor="white", linewidth=0,
                             capsize=2, error_kw=dict(linewidth=0.8), label=names.get(index, index))
                if horizontal:
                    ax.barh(x, part["value"].fillna(0), width, xerr=[low, high], **style)
                else:
                    ax.bar(x, part["value"].fillna(0), width, yerr=[low, high], **style)
            if horizontal:
                ax.set_yticks(range(len(parameters)), parameters, fontsize=7.5)
                ax.set_ylim(len(parameters) - 0.5, -0.5)
                ax.axvline(0, color="grey", linewidth=0.6)
                ax.grid(axis="y", visible=False)
                ax.set_xlabel("μ* (see title)" if morris else "Sobol index", fontsize=8)
            else:
                ax.set_xticks(range(len(parameters)), parameters, rotation=30, ha="right")
                ax.axhline(0, color="grey", linewidth=0.6)
                ax.set_ylabel(axis if not morris else "μ*", fontsize=8)
            ax.set_title(outcome, loc="left", fontsize=9)
        for ax in list(axes.flat)[len(outcomes):]:
            ax.set_visible(False)
        handles, labels = axes.flat[0].get_legend_handles_labels()
        fig.legend(handles, labels, loc="outside upper right", ncol=len(labels))
        caption = ""
        if self.exists("manifest.json"):
            with open(self.path("manifest.json")) as handle:
                manifest = json.load(handle)
            points, replicates = len(manifest.get("points") or []), manifest.get("replicates")
            if points and replicates:
                caption = f"; {points} points × {replicates} replicates, design {manifest.get('design', '?')}"
        fig.suptitle(f"Sensitivity indices with 95% bootstrap intervals{caption}\n{axis}", fontsize=10)
        self.save(fig, "sensitivity")

    # ---------------------------------------------------------------- calibration (entente calibrate)
    def calibration(self):
        """posterior.EXT and tolerance.EXT from a calibration folder (docs/calibration.md)."""
        manifest = {}
        if self.exists("manifest.json"):
            with open(self.path("manifest.json")) as handle:
                manifest = json.load(handle)
        if self.exists("particles.csv"):
            self.posterior(pd.read_csv(self.path("particles.csv")), manifest)
        if self.exists("generations.csv"):
            self.tolerance(pd.read_csv(self.path("generations.csv")), manifest)

    @staticmethod
    def prior_ranges(manifest):
        """{parameter: (low, high)} from the calibration manifest's priors, when it records their bounds."""
        priors = (manifest.get("calibration") or {}).get("parameters") or manifest.get("priors") or []
        if isinstance(priors, dict):
            priors = [dict(value, parameter=key) if isinstance(value, dict) else {} for key, value in priors.items()]
        ranges = {}
        for prior in priors if isinstance(priors, list) else []:
            if not isinstance(prior, dict):
                continue
            name = prior.get("parameter") or prior.get("name")
            low = next((prior[k] for k in ("min", "minimum", "low", "lower") if isinstance(prior.get(k), (int, float))), None)
            high = next((prior[k] for k in ("max", "maximum", "high", "upper") if isinstance(prior.get(k), (int, float))), None)
            if name is not None and low is not None and high is not None and high > low:
                ranges[name] = (float(low), float(high))
        return ranges

    def posterior(self, particles, manifest):
        """posterior: one panel per fitted parameter, the final generation's weighted histogram and KDE."""
        import numpy as np
        names = [c for c in particles.columns
                 if c not in ("generation", "particle", "weight", "share") and not c.startswith("distance")]
        if not names or not len(particles):
            return
        final = int(particles["generation"].max())
        last = particles[particles["generation"] == final]
        first = particles[particles["generation"] == 0]
        ranges = self.prior_ranges(manifest)
        weights = last["weight"].to_numpy(dtype=float)
        total = weights.sum()
        weights = weights / total if total > 0 else np.full(len(last), 1.0 / len(last))
        ess = 1.0 / float((weights ** 2).sum())
        columns = min(3, len(names))
        rows = math.ceil(len(names) / columns)
        fig, axes = plt.subplots(rows, columns, figsize=(3.3 * columns, 2.6 * rows), squeeze=False, layout="constrained")
        for ax, name in zip(axes.flat, names):
            values = last[name].to_numpy(dtype=float)
            low, high = ranges.get(name, (float(min(first[name].min(), values.min())), float(max(first[name].max(), values.max()))))
            if high <= low:
                low, high = low - 0.5, high + 0.5
            bins = np.linspace(low, high, 31)
            if final > 0 and len(first):
                ax.hist(first[name], bins=bins, density=True, color="0.85", label="generation 0")
            ax.hist(values, bins=bins, weights=weights, density=True, color=OKABE_ITO[0], alpha=0.55,
                    label=f"generation {final}")
            mean = float((weights * values).sum())
            sd = math.sqrt(max(0.0, float((weights * (values - mean) ** 2).sum())))
            if sd > 0 and len(values) > 1:
                bandwidth = 1.06 * sd * ess ** -0.2  # Silverman's rule with the effective sample size
                grid = np.linspace(low, high, 301)
                density = (weights[None, :] * np.exp(-0.5 * ((grid[:, None] - values[None, :]) / bandwidth) ** 2)).sum(axis=1)
                density /= bandwidth * math.sqrt(2 * math.pi)
                ax.plot(grid, density, color=OKABE_ITO[1], linewidth=1.4, label="weighted KDE")
            ax.axvline(mean, color="0.2", linewidth=0.8, linestyle="--")
            ax.set_xlim(low, high)
            ax.set_title(name, loc="left")
            ax.set_yticks([])
        for ax in list(axes.flat)[len(names):]:
            ax.set_visible(False)
        axes.flat[0].legend(loc="upper right")
        fig.suptitle(f"Marginal posteriors: generation {final}, {len(last)} particles (ESS {ess:.0f}); "
                     f"x axis: the prior range; dashed: weighted mean", fontsize=10)
        self.save(fig, "posterior")

    def tolerance(self, generations, manifest):
        """tolerance: the ABC-SMC tolerance path, acceptance rate and effective sample size by generation."""
        if not len(generations) or "tolerance" not in generations.columns:
            return
        panels = [c for c in ("tolerance", "acceptance_rate", "ess") if c in generations.columns]
        labels = {"tolerance": "tolerance ε (log)", "acceptance_rate": "acceptance rate", "ess": "effective sample size"}
        fig, axes = self.figure(len(panels), None, width=6.5, panel_height=1.9)
        for ax, column in zip(axes, panels):
            ax.plot(generations["generation"], generations[column], marker="o", color=OKABE_ITO[0])
            ax.set_ylabel(labels[column])
            if column == "tolerance" and (generations[column] > 0).all():
                ax.set_yscale("log")
            if column == "acceptance_rate":
                ax.set_ylim(0, max(1e-9, float(generations[column].max())) * 1.15)
        axes[-1].set_xlabel("generation")
        axes[-1].xaxis.set_major_locator(mticker.MaxNLocator(integer=True))
        simulations = int(generations["simulations"].sum()) if "simulations" in generations.columns else None
        fig.suptitle("ABC-SMC tolerance path" + (f" ({simulations:,} simulations)" if simulations else ""), fontsize=10)
        self.save(fig, "tolerance")

    # ---------------------------------------------------------------- files
    def path(self, name):
        plain = os.path.join(self.folder, name)
        # A series written with --compress is NAME.csv.gz; pandas reads it as it is.
        if name.endswith(".csv") and not os.path.exists(plain) and os.path.exists(plain + ".gz"):
            return plain + ".gz"
        return plain

    def exists(self, name):
        return os.path.exists(self.path(name))

    def read(self, name, **kwargs):
        frame = pd.read_csv(self.path(name), **kwargs)
        if "date" in frame.columns:
            frame["when"] = dates(frame["date"])
        return frame

    def save(self, fig, stem):
        path = self.path(f"{stem}.{self.args.format}")
        fig.savefig(path, dpi=self.args.dpi, metadata={"Software": "Entente Scripts/plot.py"} if self.args.format == "png" else None)
        plt.close(fig)
        self.written.append(path)

    # ---------------------------------------------------------------- layout
    def figure(self, panels, events, width=9.0, panel_height=2.6, sharex=True, height_ratios=None):
        """A column of panels (constrained layout), with a strip of scripted-event labels above them when there
        are events. `height_ratios` are in units of `panel_height` inches."""
        strip = events is not None and len(events) > 0 and not self.args.no_events
        heights = [r * panel_height for r in (height_ratios or [1.0] * panels)]
        strip_height = 1.2
        fig = plt.figure(figsize=(width, sum(heights) + (strip_height if strip else 0) + 0.7), layout="constrained")
        grid = fig.add_gridspec(len(heights) + (1 if strip else 0), 1,
                                height_ratios=([strip_height] if strip else []) + heights)
        axes = []
        for i in range(panels):
            ax = fig.add_subplot(grid[i + (1 if strip else 0)], sharex=axes[0] if axes and sharex else None)
            axes.append(ax)
        if strip:
            self.event_strip(fig.add_subplot(grid[0], sharex=axes[0]), events)
        if sharex:
            for ax in axes[:-1]:
                ax.tick_params(labelbottom=False)
        return fig, axes

    def calendar(self, folder=None):
        """(first day, last day) of the simulated calendar from manifest.json, or None."""
        try:
            with open(os.path.join(folder or self.folder, "manifest.json")) as handle:
                calendar = json.load(handle)["calendar"]
            return pd.Timestamp(calendar["start"]), pd.Timestamp(calendar["end"])
        except Exception:  # noqa: BLE001 — no manifest or no calendar: matplotlib's own limits
            return None

    # ---------------------------------------------------------------- events
    def scripted_events(self):
        """Scripted events as (date, label, is_membership) rows, one per date and label, from events.csv."""
        if self.args.no_events or not self.exists("events.csv"):
            return None
        columns = pd.read_csv(self.path("events.csv"), nrows=0).columns
        wanted = [c for c in ["date", "event", "type", "actor", "target", "detail"] if c in columns]
        events = pd.read_csv(self.path("events.csv"), usecols=wanted, keep_default_na=False, dtype=str)
        events = events[~events["type"].isin(ANSWER_TYPES)]
        membership = events["type"].isin(MEMBERSHIP_TYPES)
        if "detail" in events.columns:
            scripted = ~membership | events["detail"].str.startswith("scripted")
            applied = ~events["detail"].str.contains("ignored", regex=False)
        else:
            scripted = ~membership | (events["event"] != "")
            applied = True
        events = events[scripted & applied].copy()
        membership = events["type"].isin(MEMBERSHIP_TYPES)
        events["label"] = events["event"].where(events["event"] != "", events["type"])
        events.loc[membership, "label"] = events["type"] + " " + events["actor"] + " " + events["target"]
        events["membership"] = membership
        events = events.drop_duplicates(["date", "label"])
        events["when"] = dates(events["date"])
        return events[["when", "label", "membership"]].sort_values(["when", "label"]).reset_index(drop=True)

    def event_strip(self, ax, events):
        """Labels of the scripted events, rotated, one column per date, spread apart where dates are close and
        joined to their date by a thin line; scripted membership changes in purple."""
        ax.set_ylim(0, 1)
        ax.set_yticks([])
        ax.grid(False)
        for side in ["left", "right", "top", "bottom"]:
            ax.spines[side].set_visible(False)
        ax.tick_params(labelbottom=False, bottom=False)
        groups = [(when, rows) for when, rows in events.groupby("when")]
        if not groups:
            return
        # Label width in days: one text line of 6.5 pt is about 0.11 inch; the axes width in inches gives days/inch.
        span = self.calendar() or (groups[0][0], groups[-1][0])
        days = max((span[1] - span[0]) / pd.Timedelta(days=1), 1.0)
        line_days = 0.115 * days / (ax.figure.get_figwidth() * 0.8)
        positions, right_edge = [], None
        for when, rows in groups:
            half = pd.Timedelta(days=len(rows) * line_days / 2)
            centre = when if right_edge is None or when - half >= right_edge else right_edge + half
            positions.append(centre)
            right_edge = centre + half
        # Pull the row back left where it runs past the end of the calendar.
        overshoot = right_edge - (span[1] + pd.Timedelta(days=line_days))
        if overshoot > pd.Timedelta(0):
            positions = [max(p - overshoot, w) for p, (w, _) in zip(positions, groups)]
        for (when, rows), centre in zip(groups, positions):
            colour = "#CC79A7" if rows["membership"].any() else "0.25"
            ax.plot([when, when, centre], [0.0, 0.04, 0.12], color=colour, linewidth=0.5)
            ax.text(centre, 0.14, "\n".join(rows["label"]), rotation=90, ha="center", va="bottom", fontsize=6.5,
                    color=colour, linespacing=1.0)

    def mark_events(self, ax, events):
        if events is None or self.args.no_events:
            return
        for _, row in events.iterrows():
            ax.axvline(row["when"], color="#CC79A7" if row["membership"] else "0.55",
                       linestyle="--" if row["membership"] else ":", linewidth=0.7, zorder=0)

    # ---------------------------------------------------------------- time series
    @staticmethod
    def band(ax, frame, value, label, colour=None, linestyle="-"):
        """Median line and 5–95% band of `value` across replicates, by date."""
        q = frame.groupby("when")[value].quantile([0.05, 0.5, 0.95]).unstack()
        line, = ax.plot(q.index, q[0.5], label=label, color=colour, linestyle=linestyle, linewidth=1.4)
        ax.fill_between(q.index, q[0.05], q[0.95], color=line.get_color(), alpha=0.18, linewidth=0)

    @staticmethod
    def arms(frame):
        """[(arm name or None, rows)]: one per variant when the frame has a `variant` column."""
        if "variant" in frame.columns:
            return [(name, frame[frame["variant"] == name]) for name in frame["variant"].drop_duplicates()]
        return [(None, frame)]

    @staticmethod
    def replicate_counts(frame):
        if "variant" in frame.columns:
            return {arm: rows["replicate"].nunique() for arm, rows in frame.groupby("variant", sort=False)}
        return frame["replicate"].nunique()

    def time_axis(self, ax):
        """Concise date ticks over the whole simulated calendar."""
        date_axis(ax)
        span = self.calendar()
        if span:
            pad = (span[1] - span[0]) * 0.01
            ax.set_xlim(span[0] - pad, span[1] + pad)

    def events_note(self, events):
        if events is None or not len(events) or self.args.no_events:
            return ""
        purple = " (purple, dashed: scripted membership changes)" if events["membership"].any() else ""
        return f"; dotted lines: scripted events{purple}"

    def membership(self, affinity, blocs, state, events):
        for bloc in blocs:
            rows = affinity[affinity["bloc"] == bloc]
            changed = rows[rows["status"].isin(["frozen", "left"])]["state"].unique()
            inside = rows[rows["status"] != "outside"]["state"].unique()
            states = [s for s in rows["state"].drop_duplicates() if s in changed or (s == state and s in inside)]
            if not len(changed):
                self.notes.append(f"note: no state is ever frozen or left in {bloc}; membership_{bloc} not drawn")
                continue
            arms = self.arms(rows)
            if len(states) <= 4:
                fig, axes = self.figure(len(states), events, panel_height=2.0)
            else:
                fig, axes = self.grid_figure(len(states), 2, events)
            for ax, name in zip(axes, states):
                mine = rows[rows["state"] == name]
                for index, (arm, arm_rows) in enumerate(arms):
                    n = arm_rows["replicate"].nunique()
                    for status in ["frozen", "left"]:
                        share = (mine[mine.index.isin(arm_rows.index)]["status"] == status).groupby(mine["when"]).sum()
                        low, high = wilson(share, n)
                        if arm is None:
                            style = STATUS_STYLE[status]
                            label = f"{status}" if name == states[0] else None
                        else:
                            style = dict(color=OKABE_ITO[index % len(OKABE_ITO)], linestyle=ARM_LINESTYLE[status])
                            label = f"{arm}: {status}" if name == states[0] else None
                        ax.plot(share.index, share / n, label=label, linewidth=1.4, **style)
                        if arm is None:  # several arms' bands would pile up into one grey mass: lines only
                            ax.fill_between(share.index, low, high, color=style["color"], alpha=0.12, linewidth=0)
                self.mark_events(ax, events)
                ax.set_ylim(-0.02, 1.02)
                ax.set_ylabel("share of replicates")
                ax.set_title(f"{name} in {bloc}", loc="left")
                self.time_axis(ax)
            axes[0].legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), title="status" if arms[0][0] is None else "arm: status")
            for ax in axes[len(states):]:
                ax.set_visible(False)
            fig.suptitle(f"Membership of {bloc}: share of replicates in which each state is frozen or has left it at "
                         f"the end of each step\n{'95% Wilson band; ' if arms[0][0] is None else ''}"
                         f"{replicates_text(self.replicate_counts(rows))}"
                         f"{self.events_note(events)}", fontsize=10)
            self.save(fig, f"membership_{bloc}")

    def grid_figure(self, panels, columns, events):
        """Panels in `columns` columns, each column under its own strip of event labels."""
        count = math.ceil(panels / columns)
        strip = events is not None and len(events) > 0 and not self.args.no_events
        fig = plt.figure(figsize=(13, 2.0 * count + (1.2 if strip else 0) + 0.7), layout="constrained")
        grid = fig.add_gridspec(count + (1 if strip else 0), columns,
                                height_ratios=([1.2] if strip else []) + [2.0] * count)
        axes = []
        for i in range(count * columns):
            r, c = divmod(i, columns)
            axes.append(fig.add_subplot(grid[r + (1 if strip else 0), c], sharex=axes[0] if axes else None))
        if strip:
            for c in range(columns):
                self.event_strip(fig.add_subplot(grid[0, c], sharex=axes[0]), events)
        for ax in axes[:-columns]:
            ax.tick_params(labelbottom=False)
        return fig, axes

    def trust(self, trust, affinity, state, bloc, events):
        first = affinity[(affinity["step"] == affinity["step"].min()) & (affinity["bloc"] == bloc)]
        members = [m for m in first[first["status"] != "outside"]["state"].drop_duplicates() if m != state]
        mine = trust[(trust["from"] == state) & (trust["to"].isin(members))]
        if not len(mine):
            self.notes.append(f"note: trust.csv holds no trust of {state} in a member of {bloc}; "
                              f"trust_{state}_{bloc} not drawn (run with --record trust=all to record every pair)")
            return
        arms = self.arms(mine)
        others = [m for m in members if (mine["to"] == m).any()]
        if arms[0][0] is None:
            fig, panels = self.figure(1, events, panel_height=4.0)
            for index, other in enumerate(others):  # colour and dash per line: apart in greyscale too
                self.band(panels[0], mine[mine["to"] == other], "trust", other, colour=OKABE_ITO[index % 7],
                          linestyle=ARM_STYLES[index % len(ARM_STYLES)])
            panels[0].legend(title="trust in", loc="upper left", bbox_to_anchor=(1.01, 1.0))
        else:
            fig, panels = self.figure(len(others), events, panel_height=2.2)
            for ax, other in zip(panels, others):
                for index, (arm, rows) in enumerate(arms):
                    self.band(ax, rows[rows["to"] == other], "trust", arm, colour=OKABE_ITO[index % len(OKABE_ITO)],
                              linestyle=ARM_STYLES[index % len(ARM_STYLES)])
                ax.set_title(f"trust of {state} in {other}", loc="left")
            panels[0].legend(title="arm", loc="upper left", bbox_to_anchor=(1.01, 1.0))
        for ax in panels:
            ax.axhline(0, color="0.5", linewidth=0.8)
            self.mark_events(ax, events)
            ax.set_ylabel("trust (−1 to 1)")
            ax.set_ylim(-1.05, 1.05)
            self.time_axis(ax)
        fig.suptitle(f"Trust of {state} in the other members of {bloc} at the end of each step\n"
                     f"median and 5–95% band across replicates; {replicates_text(self.replicate_counts(mine))}"
                     f"{self.events_note(events)}", fontsize=10)
        self.save(fig, f"trust_{state}_{bloc}")

    def affinity(self, affinity, state, events):
        rows = affinity[affinity["state"] == state]
        arms = self.arms(rows)
        blocs = list(rows["bloc"].drop_duplicates())
        if arms[0][0] is None:
            fig, panels = self.figure(1, events, panel_height=4.0)
            for index, name in enumerate(blocs):
                self.band(panels[0], rows[rows["bloc"] == name], "affinity", name, colour=OKABE_ITO[index % 7],
                          linestyle=ARM_STYLES[index % len(ARM_STYLES)])
            panels[0].legend(title="bloc", loc="upper left", bbox_to_anchor=(1.01, 1.0))
        else:
            fig, panels = self.figure(len(blocs), events, panel_height=2.4)
            for ax, name in zip(panels, blocs):
                for index, (arm, arm_rows) in enumerate(arms):
                    self.band(ax, arm_rows[arm_rows["bloc"] == name], "affinity", arm,
                              colour=OKABE_ITO[index % len(OKABE_ITO)], linestyle=ARM_STYLES[index % len(ARM_STYLES)])
                ax.set_title(f"affinity of {state} for {name}", loc="left")
            panels[0].legend(title="arm", loc="upper left", bbox_to_anchor=(1.01, 1.0))
        for ax in panels:
            self.mark_events(ax, events)
            ax.set_ylabel("affinity (0 to 1)")
            ax.set_ylim(-0.02, 1.02)
            self.time_axis(ax)
        fig.suptitle(f"Affinity of {state} for each bloc at the end of each step\n"
                     f"median and 5–95% band across replicates; {replicates_text(self.replicate_counts(rows))}"
                     f"{self.events_note(events)}", fontsize=10)
        self.save(fig, f"affinity_{state}")

    # ---------------------------------------------------------------- outcomes
    def exit_dates(self, outcomes, stem, source, folder):
        """One panel per frozen/left outcome with a date; bars for one arm, cumulative lines for several arms."""
        date_columns = [c for c in outcomes.columns if c.endswith("_date") and outcomes[c].notna().any()]
        if not date_columns:
            return
        arms = self.arms(outcomes)
        counts = {arm: len(rows) for arm, rows in arms} if arms[0][0] is not None else len(outcomes)
        fig, axes = self.figure(len(date_columns), None, panel_height=1.9)
        all_dates = pd.concat([dates(outcomes[c]) for c in date_columns]).dropna()
        span = self.calendar(folder) or (all_dates.min(), all_dates.max())
        width = 0.8 * step_days(all_dates)
        for ax, column in zip(axes, date_columns):
            name = column[:-5]
            if arms[0][0] is None:
                when = dates(outcomes[column]).dropna()
                n = len(outcomes)
                share = when.value_counts().sort_index() / n
                ax.bar(share.index, share.values, width=width, color=OKABE_ITO[0], linewidth=0, align="edge")
                ax.set_title(f"{name}: happened in {len(when)} of {n} replicates ({len(when) / n:.0%})", loc="left")
                ax.set_ylabel("share of replicates\nin the step")
            else:
                for index, (arm, rows) in enumerate(arms):
                    when = dates(rows[column]).dropna().sort_values()
                    n = len(rows)
                    xs, ys = [span[0]], [0.0]
                    for date, count in when.value_counts().sort_index().cumsum().items():
                        xs.append(date)
                        ys.append(count / n)
                    xs.append(span[1])
                    ys.append(ys[-1])
                    ax.step(xs, ys, where="post", color=OKABE_ITO[index % len(OKABE_ITO)], linewidth=1.5,
                            linestyle=ARM_STYLES[index % len(ARM_STYLES)], label=f"{arm} ({len(when)} of {n})")
                ax.set_ylim(-0.02, 1.02)
                ax.set_title(name, loc="left")
                ax.set_ylabel("share of replicates\nby this date")
                ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), title="arm (replicates where it happened)")
            date_axis(ax)
            pad = (span[1] - span[0]) * 0.01
            ax.set_xlim(span[0] - pad, span[1] + pad)
        if arms[0][0] is None:
            title = (f"When each exit happened: share of replicates in which it first happened in each step\n"
                     f"{replicates_text(counts)}; from {source}")
        else:
            title = (f"When each exit happened, baseline and variants: share of replicates in which it had happened "
                     f"by each date\n{replicates_text(counts)}; from {source}")
        fig.suptitle(title, fontsize=10)
        self.save(fig, stem)

    def outcome_kinds(self, folder, names, flags):
        """Each outcome's kind: flag (0/1), or the scenario's trust/affinity/cohesion/members (needs PyYAML), or
        its own name when the scenario cannot be read."""
        kinds = {name: "flag" for name in names if name in flags}
        declared = {}
        try:
            import yaml
            with open(os.path.join(folder, "manifest.json")) as handle:
                scenario_path = json.load(handle)["scenario"]["path"]
            for candidate in [scenario_path, os.path.join(folder, scenario_path)]:
                if os.path.exists(candidate):
                    with open(candidate) as handle:
                        document = yaml.safe_load(handle)
                    declared = {o["name"]: o["type"] for o in document.get("outcomes") or [] if "name" in o}
                    break
        except Exception:  # noqa: BLE001 — no PyYAML, no manifest, an unreadable scenario: one panel per outcome
            declared = {}
        for name in names:
            kinds.setdefault(name, declared.get(name, name))
        return kinds

    def effects(self, folder, stem):
        effects = pd.read_csv(os.path.join(folder, "effects.csv"), **IDS)
        effects = effects[(effects["ci95_high"] - effects["ci95_low"] > 0) | (effects["difference"] != 0)]
        if not len(effects):
            self.notes.append(f"note: every effect in {folder}/effects.csv is exactly 0; effects not drawn")
            return
        flags = set()
        outcomes_path = os.path.join(folder, "outcomes.csv")
        if os.path.exists(outcomes_path):
            header = pd.read_csv(outcomes_path, nrows=0).columns
            flags = {c[:-5] for c in header if c.endswith("_date")}
        kinds = self.outcome_kinds(folder, list(effects["outcome"].drop_duplicates()), flags)
        effects = effects.assign(kind=effects["outcome"].map(kinds))
        order = list(dict.fromkeys(effects["kind"]))
        units = {"flag": "difference in probability (variant − baseline)",
                 "trust": "difference in trust (scale −1 to 1)",
                 "affinity": "difference in affinity (scale 0 to 1)",
                 "cohesion": "difference in cohesion (scale −1 to 1)",
                 "members": "difference in members on paper (states)"}
        titles = {"flag": "probability of 0/1 outcomes", "trust": "trust outcomes", "affinity": "affinity outcomes",
                  "cohesion": "cohesion outcomes", "members": "bloc size outcomes"}
        sizes = [len(effects[effects["kind"] == k]) for k in order]
        fig, axes = self.figure(len(order), None, width=9, panel_height=0.32, sharex=False,
                                height_ratios=[s + 2.6 for s in sizes])
        variants = list(dict.fromkeys(effects["variant"]))
        posterior = "difference_draw_q05" in effects.columns
        for ax, kind in zip(axes, order):
            rows = effects[effects["kind"] == kind].reset_index(drop=True)
            for index, variant in enumerate(variants):
                mine = rows[rows["variant"] == variant]
                if not len(mine):
                    continue
                excludes = (mine["ci95_low"] > 0) | (mine["ci95_high"] < 0)
                colour = OKABE_ITO[index % len(OKABE_ITO)]
                if posterior:  # the parameter-uncertainty band: q05–q95 of the per-draw differences
                    ax.hlines(mine.index, mine["difference_draw_q05"], mine["difference_draw_q95"], color=colour,
                              alpha=0.25, linewidth=7)
                ax.errorbar(mine["difference"], mine.index,
                            xerr=[mine["difference"] - mine["ci95_low"], mine["ci95_high"] - mine["difference"]],
                            fmt="none", ecolor=colour, capsize=3, linewidth=1.2)
                marker = MARKERS[index % len(MARKERS)]  # a shape per variant too: apart in greyscale
                ax.scatter(mine["difference"][excludes], mine.index[excludes], color=colour, zorder=3, s=24,
                           marker=marker, label=variant if kind == order[0] else None)
                ax.scatter(mine["difference"][~excludes], mine.index[~excludes], facecolor="white", edgecolor=colour,
                           zorder=3, s=24, marker=marker)
            ax.axvline(0, color="0.4", linewidth=0.8)
            ax.set_yticks(list(rows.index))
            ax.set_yticklabels(rows["variant"] + ": " + rows["outcome"])
            ax.set_ylim(len(rows) - 0.5, -0.5)
            ax.set_xlabel(units.get(kind, f"difference in {kind} (its own units)"))
            ax.set_title(titles.get(kind, kind), loc="left")
            ax.grid(axis="y", visible=False)
        axes[0].legend(loc="lower left", bbox_to_anchor=(0, 1.12), ncol=len(variants), title="variant")
        n = int(effects["n"].max())
        if posterior:
            draws = int(effects["draws"].max())
            fig.suptitle(f"Effect of each variant under the posterior: mean paired difference, 95% interval (parameters and chance);\n"
                         f"shaded: 5–95% of the per-draw effects (parameters alone). {draws} draws, {n} paired runs per arm; "
                         f"filled: the interval excludes 0", fontsize=10)
        else:
            fig.suptitle(f"Effect of each variant: mean paired difference from the baseline, 95% CI\n"
                         f"({n} paired replicates per arm; filled: the interval excludes 0; outcomes that no variant changed are left out)", fontsize=10)
        self.save(fig, stem)

    # ---------------------------------------------------------------- sweeps
    def sweep(self):
        with open(self.path("manifest.json")) as handle:
            manifest = json.load(handle)
        declared = manifest_parameters(manifest)
        parameters = [p["path"] if isinstance(p, dict) and "path" in p else p for p in declared]
        self.log_scale = {p["path"] for p in declared if isinstance(p, dict) and p.get("scale") == "log"}
        points = pd.read_csv(self.path("points.csv"), **IDS)
        parameters = [p for p in parameters if p in points.columns]
        kinds = {c["name"]: c["kind"] for c in manifest.get("outcome_columns", [])}
        outcomes = list(points["outcome"].drop_duplicates())
        if self.args.outcome:
            unknown = [o for o in self.args.outcome if o not in outcomes]
            if unknown:
                raise UsageError(f"unknown outcome '{unknown[0]}' in {self.folder}/points.csv; "
                                 f"its outcomes are: {', '.join(outcomes)}")
            outcomes = self.args.outcome
        replicates = manifest.get("replicates")
        grid = manifest.get("design") == "grid"
        for outcome in outcomes:
            rows = points[(points["outcome"] == outcome) & points["mean"].notna()]
            if not len(rows):
                self.notes.append(f"note: outcome {outcome} has no value at any point; sweep_{outcome} not drawn")
                continue
            flag = kinds.get(outcome) == "flag"
            label = f"P({outcome})" if flag else f"mean {outcome}"
            caption = (f"{len(rows)} points × {replicates} replicates, design {manifest.get('design', '?')}"
                       if replicates else f"{len(rows)} points")
            if len(parameters) == 2 and grid:
                self.sweep_heatmap(rows, parameters, outcome, label, flag, caption)
            elif len(parameters) == 1:
                self.sweep_line(rows, parameters[0], outcome, label, flag, caption)
            else:
                self.sweep_marginals(rows, parameters, outcome, label, flag, caption, grid)

    def sweep_heatmap(self, rows, parameters, outcome, label, flag, caption):
        table = rows.pivot_table(index=parameters[0], columns=parameters[1], values="mean")
        fig, ax = plt.subplots(figsize=(1.0 * len(table.columns) + 3.2, 0.6 * len(table.index) + 2.2))
        low, high = (0, 1) if flag else (table.min().min(), table.max().max())
        image = ax.imshow(table.values, origin="lower", aspect="auto", vmin=low, vmax=high, cmap="viridis")
        ax.set_xticks(range(len(table.columns)), [f"{c:g}" for c in table.columns])
        ax.set_yticks(range(len(table.index)), [f"{b:g}" for b in table.index])
        ax.set_xlabel(parameters[1])
        ax.set_ylabel(parameters[0])
        ax.grid(False)
        middle = (low + high) / 2
        for i, b in enumerate(table.index):
            for j, c in enumerate(table.columns):
                value = table.loc[b, c]
                if pd.notna(value):
                    ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=8,
                            color="white" if value < middle else "black")
        fig.colorbar(image, ax=ax, label=label)
        ax.set_title(f"{label} by {parameters[0]} and {parameters[1]}\n({caption})")
        self.save(fig, f"sweep_{outcome}")

    def sweep_line(self, rows, parameter, outcome, label, flag, caption):
        rows = rows.sort_values(parameter)
        fig, ax = plt.subplots(figsize=(7, 4.2))
        ax.plot(rows[parameter], rows["mean"], marker="o", color=OKABE_ITO[0], label="mean over replicates")
        if rows["ci95_low"].notna().any():
            ax.fill_between(rows[parameter], rows["ci95_low"], rows["ci95_high"], color=OKABE_ITO[0], alpha=0.2,
                            linewidth=0, label="95% interval of the mean (Wilson for 0/1 outcomes)")
        ax.set_xlabel(parameter)
        if parameter in self.log_scale:
            log_axis(ax)
        ax.set_ylabel(label)
        if flag:
            ax.set_ylim(-0.02, 1.02)
        ax.legend(loc="best")
        ax.set_title(f"{label} against {parameter} ({caption})")
        self.save(fig, f"sweep_{outcome}")

    def sweep_marginals(self, rows, parameters, outcome, label, flag, caption, grid):
        columns = min(4, len(parameters))
        count = math.ceil(len(parameters) / columns)
        fig, axes = plt.subplots(count, columns, figsize=(3.1 * columns + 0.6, 2.7 * count + 1.0), sharey=True,
                                 squeeze=False)
        axes = axes.ravel()
        for ax, parameter in zip(axes, parameters):
            if grid:
                marginal = rows.groupby(parameter)["mean"].mean()
                ax.plot(marginal.index, marginal.values, marker="o", color=OKABE_ITO[0])
            else:
                ax.scatter(rows[parameter], rows["mean"], s=12, color="0.6", linewidth=0)
                # Equal-count bins of the parameter, at least 5 points each (at most 10 bins).
                bins = pd.qcut(rows[parameter], q=max(1, min(10, len(rows) // 5, rows[parameter].nunique())),
                               duplicates="drop")
                marginal = rows.groupby(bins, observed=True).agg(x=(parameter, "mean"), y=("mean", "mean"))
                ax.plot(marginal["x"], marginal["y"], marker="o", color=OKABE_ITO[1], linewidth=1.6)
            ax.set_xlabel(parameter + (" (log scale)" if parameter in self.log_scale else ""))
            if parameter in self.log_scale:
                log_axis(ax)
            if flag:
                ax.set_ylim(-0.02, 1.02)
        for ax in axes[::columns]:
            ax.set_ylabel(label)
        for ax in axes[len(parameters):]:
            ax.set_visible(False)
        how = ("marginal mean over the other parameters' values" if grid else
               "each point (grey) and the mean within equal-count bins of the parameter (line)")
        fig.suptitle(f"{label} against each swept parameter: {how}\n({caption})", fontsize=10)
        fig.tight_layout()
        self.save(fig, f"sweep_{outcome}")

    # ---------------------------------------------------------------- validation
    def validation(self, scores):
        """reliability and date_errors from an `entente validate` folder (docs/validation.md)."""
        if not len(scores):
            return
        replicates = sorted(set(scores["replicates"].astype(int))) if "replicates" in scores.columns else []
        reps = f"{replicates[0]} replicates per case" if len(replicates) == 1 else \
            f"{min(replicates)}–{max(replicates)} replicates per case" if replicates else ""
        event = scores["observed"] != "never"
        # The probability the model gave to "it happens": within the window for events, at all for non-events.
        predicted = scores["p_window"].where(event, scores["p_any"]).astype(float)
        happened = event.astype(float)
        # Ten bins [0, 0.1), [0.1, 0.2), …, [0.9, 1.0]; P = 1 falls in the last.
        bins = (predicted * 10).apply(lambda x: min(int(x), 9))
        table = pd.DataFrame({"predicted": predicted, "happened": happened, "bin": bins}) \
            .groupby("bin").agg(predicted=("predicted", "mean"), frequency=("happened", "mean"),
                                n=("happened", "size"), k=("happened", "sum"))
        low, high = wilson(table["k"], table["n"])
        fig, ax = plt.subplots(figsize=(6.5, 6.2))
        ax.plot([0, 1], [0, 1], color="grey", linewidth=0.8, linestyle="--", label="perfect reliability")
        # Bins are not a curve: points sized by their count, a 95% Wilson interval each, a faint line only to guide.
        ax.plot(table["predicted"], table["frequency"], color=OKABE_ITO[0], linewidth=0.6, alpha=0.4)
        ax.errorbar(table["predicted"], table["frequency"], yerr=[table["frequency"] - low, high - table["frequency"]],
                    fmt="none", ecolor=OKABE_ITO[0], capsize=3, linewidth=1.0, label="95% Wilson interval of the frequency")
        ax.scatter(table["predicted"], table["frequency"], s=18 + 8 * table["n"] ** 0.5, color=OKABE_ITO[0], zorder=3,
                   label="outcomes binned by P (width 0.1); area grows with n")
        for _, row in table.iterrows():
            ax.annotate(f"n={int(row['n'])}", (row["predicted"], row["frequency"]), textcoords="offset points",
                        xytext=(9, 4), fontsize=8)
        ax.set_xlim(-0.02, 1.05)
        ax.set_ylim(-0.05, 1.05)
        ax.set_aspect("equal")
        ax.set_xlabel("predicted P(it happens) — within the window for events, at all for non-events")
        ax.set_ylabel("observed frequency (events 1, non-events 0)")
        ax.set_title(f"Reliability: {len(scores)} observed outcomes in {scores['case_file'].nunique()} cases"
                     + (f" ({reps})" if reps else ""))
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=1, markerscale=0.6)
        self.save(fig, "reliability")

        events = scores[event].reset_index(drop=True)
        if len(events):
            window = int(events["window"].max())
            fig, ax = plt.subplots(figsize=(9, 0.35 * len(events) + 1.8))
            y = list(range(len(events)))
            labels = [f"{os.path.splitext(os.path.basename(case))[0]}: {outcome} ({observed})"
                      for case, outcome, observed in zip(events["case_file"], events["outcome"], events["observed"])]
            ax.axvspan(-window, window, color=OKABE_ITO[2], alpha=0.12, label=f"window ±{window} months")
            ax.axvline(0, color="grey", linewidth=0.8)
            dated = events["date_err_median"].notna()
            rows = events[dated]
            ax.errorbar(rows["date_err_median"], [y[i] for i in rows.index],
                        xerr=[rows["date_err_median"] - rows["date_err_p10"],
                              rows["date_err_p90"] - rows["date_err_median"]],
                        fmt="o", capsize=3, color=OKABE_ITO[0], label="median, p10–p90 (replicates where it happened)")
            for i in events[~dated].index:
                ax.annotate("never happened in the model", (0, i), xytext=(4, -3), textcoords="offset points",
                            fontsize=8, color=OKABE_ITO[1])
            ax.set_yticks(y)
            ax.set_yticklabels(labels)
            ax.set_ylim(len(events) - 0.4, -0.6)
            ax.grid(axis="y", visible=False)
            ax.set_xlabel("date error: simulated − observed (months)")
            ax.set_title("When the model's events happened, relative to history" + (f" ({reps})" if reps else ""),
                         pad=24)
            ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize=8, frameon=False)
            self.save(fig, "date_errors")

    # ---------------------------------------------------------------- a folder
    def run(self):
        args = self.args
        affinity = self.read("affinity.csv", **IDS) if self.exists("affinity.csv") else None
        trust = self.read("trust.csv", **IDS) if self.exists("trust.csv") else None
        known_states = list(dict.fromkeys(
            list(affinity["state"].drop_duplicates() if affinity is not None else []) +
            list(trust["from"].drop_duplicates() if trust is not None else [])))
        known_blocs = list(affinity["bloc"].drop_duplicates()) if affinity is not None else []
        steps = self.read("steps.csv", **IDS, usecols=["quantity", "state", "target"]) if self.exists("steps.csv") else None
        if steps is not None:
            ordered = pd.concat([steps[steps["quantity"] == "affinity"]["state"], steps["state"]])  # declaration order first
            known_states += [s for s in ordered.dropna().drop_duplicates() if s not in known_states]
            known_blocs += [b for b in steps[steps["quantity"] == "affinity"]["target"].drop_duplicates() if b not in known_blocs]
        if args.state and args.state not in known_states:
            raise UsageError(f"unknown state '{args.state}' in {self.folder}; "
                             + (f"its states are: {', '.join(known_states)}" if known_states
                                else "it has no trust.csv, affinity.csv or steps.csv, so --state does not apply"))
        if args.bloc and args.bloc not in known_blocs:
            raise UsageError(f"unknown bloc '{args.bloc}' in {self.folder}; "
                             + (f"its blocs are: {', '.join(known_blocs)}" if known_blocs
                                else "it has no affinity.csv or steps.csv, so --bloc does not apply"))
        if args.outcome and not self.exists("points.csv"):
            raise UsageError(f"--outcome applies to a sweep folder (with points.csv); {self.folder} has none")

        events = self.scripted_events() if affinity is not None or trust is not None or steps is not None else None
        state = args.state or (trust["from"].value_counts().idxmax() if trust is not None and len(trust) else None)
        if state is None and affinity is not None and len(affinity):
            state = affinity["state"].iloc[0]
        if state is None and steps is not None:
            trusters = steps[steps["quantity"] == "trust"]["state"]
            state = trusters.value_counts().idxmax() if len(trusters) else next(iter(steps["state"].dropna()), None)
        bloc = args.bloc or (known_blocs[0] if known_blocs else None)

        if affinity is not None and len(affinity):
            self.membership(affinity, [args.bloc] if args.bloc else known_blocs, args.state, events)
        if trust is not None and state and bloc and affinity is not None:
            self.trust(trust, affinity, state, bloc, events)
        if affinity is not None and state:
            self.affinity(affinity, state, events)
        if self.exists("drivers.csv") and state and bloc:
            self.drivers(state, bloc)
        if steps is not None:
            self.steps(state, [args.bloc] if args.bloc else [b for b in known_blocs if b in set(steps["target"])], events)

        if self.exists("outcomes.csv"):
            outcomes = pd.read_csv(self.path("outcomes.csv"), **IDS, dtype=str)
            source = "compare/outcomes.csv" if "variant" in outcomes.columns else "outcomes.csv"
            self.exit_dates(outcomes, "exit_dates", os.path.basename(source), self.folder)
        if self.exists("effects.csv"):
            self.effects(self.folder, "effects")
        compare = self.path("compare")
        if os.path.exists(os.path.join(compare, "outcomes.csv")):
            outcomes = pd.read_csv(os.path.join(compare, "outcomes.csv"), **IDS, dtype=str)
            self.exit_dates(outcomes, "compare_exit_dates", "compare/outcomes.csv", compare)
        if os.path.exists(os.path.join(compare, "effects.csv")):
            self.effects(compare, "effects")

        if self.exists("points.csv") and self.exists("manifest.json"):
            self.sweep()
        if self.exists("validation.csv"):
            self.validation(pd.read_csv(self.path("validation.csv"), **IDS))
        if self.exists("sensitivity.csv"):
            self.sensitivity()
        if self.exists("particles.csv") or self.exists("generations.csv"):
            self.calibration()
        if self.exists("sbc.csv"):
            self.sbc()

    def sbc(self):
        """sbc_ranks from a simulation-based calibration folder (make validate-calibration)."""
        table = pd.read_csv(self.path("sbc.csv"))
        n = len(table)
        bins = 10
        fig, ax = plt.subplots(figsize=(6.5, 4))
        ax.hist(table["rank"].clip(0, 0.999999), bins=bins, range=(0, 1), color=OKABE_ITO[0], alpha=0.8)
        expected = n / bins
        sd = math.sqrt(n * (1 / bins) * (1 - 1 / bins))
        ax.axhspan(expected - 2.576 * sd, expected + 2.576 * sd, color="grey", alpha=0.2, label="99 % band if uniform")
        ax.axhline(expected, color="grey", linewidth=0.8)
        ax.set_xlabel("rank of the true value among the weighted posterior particles")
        ax.set_ylabel("datasets")
        ax.set_title(f"SBC: {n} datasets; 50 % interval covers {table['covered50'].mean():.0%}, "
                     f"90 % covers {table['covered90'].mean():.0%}")
        ax.legend()
        self.save(fig, "sbc_ranks")


def manifest_parameters(manifest):
    """The swept parameters' paths, in declaration order, from a sweep's manifest.json."""
    parameters = manifest.get("parameters", [])
    if isinstance(parameters, dict):
        return list(parameters.keys())
    return parameters


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", help="a results folder written by `entente run`, `compare`, `sweep` or `validate`")
    parser.add_argument("--state", help="the state whose view is plotted (default: the one with most recorded trust "
                                        "pairs)")
    parser.add_argument("--bloc", help="the bloc whose members' trust and membership are plotted (default: trust in "
                                       "the first bloc; membership of every bloc where some state froze or left)")
    parser.add_argument("--outcome", action="append", help="a sweep: plot only this outcome (repeatable; default all)")
    parser.add_argument("--format", choices=["png", "pdf", "svg"], default="png", help="file format (default png)")
    parser.add_argument("--dpi", type=int, default=150, help="resolution of PNG files (default 150; 72 to 1200)")
    parser.add_argument("--no-events", action="store_true", help="do not mark scripted events on time series")
    args = parser.parse_args()
    if not 72 <= args.dpi <= 1200:
        parser.error(f"--dpi must be between 72 and 1200; found {args.dpi}")
    folder = args.folder.rstrip("/") or "/"
    if not os.path.isdir(folder):
        sys.exit(f"error: {folder} is not a folder; expected a results folder written by `entente run`")
    plotter = Plotter(folder, args)
    try:
        plotter.run()
    except UsageError as error:
        parser.exit(2, f"{parser.prog}: error: {error}\n")
    for note in plotter.notes:
        print(note, file=sys.stderr)
    if not plotter.written:
        sys.exit(f"error: nothing to plot in {folder}; expected trust.csv, affinity.csv, steps.csv, outcomes.csv, "
                 "compare/effects.csv, points.csv (a sweep), validation.csv, particles.csv (a calibration) or sbc.csv")
    for path in plotter.written:
        print(path)


if __name__ == "__main__":
    main()
