#!/usr/bin/env python3
"""Write the reconstructed inputs of Axelrod and Bennett's 1936 Europe case as Entente scenarios.

    python3 Scripts/europe-1936.py            # writes Scenarios/landscape/europe-1936.yaml
    python3 Scripts/europe-1936.py --alt      # writes Scenarios/landscape/europe-1936-alt-regimes.yaml

The paper's own propensity matrix was not available, so every propensity is rebuilt from the five
factors the paper names, each coded -1, 0 or +1 by the rules below (docs/landscape.md#europe-1936):

  ethnic     -1 when a co-national minority of one lived in the other and was a live grievance in 1936
  religion   +1 when both have the same predominant religion (Catholic, Protestant, Orthodox); else 0
  border     -1 when one claimed territory of the other in 1936; else 0
  government +1 when both have the same type (democracy, authoritarian/fascist, communist); else -1
  wars       -1 when they fought each other in 1914-1922; +1 when allies in the First World War; else 0

Sizes: Correlates of War CINC scores (share of world capability, here in percent) as listed in a public
reimplementation of the paper (T. Glynne-Jones); they have not been checked against NMC v6's 1936 rows.
--alt codes Greece and Yugoslavia as democracies and Romania as authoritarian: the regime codings that
are ambiguous in 1936, and the only change needed to reproduce the paper's predicted configuration.
"""
import sys

STATES = [  # id, name, CINC share, predominant religion, government type (D, A, K)
    ("GBR", "Britain", 0.077787, "P", "D"), ("CZE", "Czechoslovakia", 0.013048, "C", "D"),
    ("DEN", "Denmark", 0.001991, "P", "D"), ("EST", "Estonia", 0.000611, "P", "A"),
    ("FIN", "Finland", 0.001926, "P", "D"), ("FRN", "France", 0.045569, "C", "D"),
    ("GMY", "Germany", 0.154222, "P", "A"), ("GRC", "Greece", 0.003725, "O", "A"),
    ("HUN", "Hungary", 0.004694, "C", "A"), ("ITA", "Italy", 0.031849, "C", "A"),
    ("LAT", "Latvia", 0.001261, "P", "A"), ("LIT", "Lithuania", 0.001132, "C", "A"),
    ("POL", "Poland", 0.019573, "C", "A"), ("POR", "Portugal", 0.002674, "C", "A"),
    ("RUM", "Romania", 0.008126, "O", "D"), ("USSR", "Soviet Union", 0.164359, "-", "K"),
    ("YUG", "Yugoslavia", 0.006346, "O", "A"),
]
ALT_GOVERNMENT = {"GRC": "D", "YUG": "D", "RUM": "A"}


def pairs(*items):
    return {frozenset(item) for item in items}


ETHNIC = pairs(("GMY", "CZE"), ("GMY", "POL"), ("GMY", "LIT"), ("HUN", "CZE"), ("HUN", "RUM"), ("HUN", "YUG"),
               ("POL", "LIT"), ("POL", "CZE"), ("USSR", "POL"), ("USSR", "RUM"), ("ITA", "YUG"))
BORDER = pairs(("GMY", "POL"), ("GMY", "LIT"), ("HUN", "CZE"), ("HUN", "RUM"), ("HUN", "YUG"), ("POL", "LIT"),
               ("POL", "CZE"), ("USSR", "RUM"), ("ITA", "YUG"), ("ITA", "GRC"), ("USSR", "FIN"))
ENTENTE = ["GBR", "FRN", "ITA", "RUM", "GRC", "USSR", "YUG", "POR"]  # Serbia -> YUG, Russia -> USSR
CENTRAL = ["GMY", "HUN"]  # Austria-Hungary -> HUN
ENEMIES = {frozenset((a, b)) for a in ENTENTE for b in CENTRAL} | pairs(
    ("POL", "USSR"), ("POL", "LIT"), ("EST", "USSR"), ("LAT", "USSR"), ("LIT", "USSR"), ("FIN", "USSR"),
    ("HUN", "CZE"), ("CZE", "POL"))
ALLIES = {frozenset((a, b)) for a in ENTENTE for b in ENTENTE if a != b} | pairs(("GMY", "HUN"))


def signed(x):
    return "+1" if x > 0 else ("-1" if x < 0 else "0")


def scenario(alt):
    government = {s[0]: (ALT_GOVERNMENT.get(s[0], s[4]) if alt else s[4]) for s in STATES}
    religion = {s[0]: s[3] for s in STATES}
    lines = [
        "# Europe in 1936: Axelrod and Bennett's landscape-theory case (British Journal of Political Science 23, 1993).",
        "# A RECONSTRUCTION, not the paper's published matrix: written by Scripts/europe-1936.py" + (" --alt" if alt else "") + ",",
        "# whose docstring and docs/landscape.md give the coding rules and the sources. Each propensity's note lists",
        "# its five factors: ethnic, religion, border, government, wars.",
        "# Only `entente landscape` reads `propensity:`; the calendar and seed are there because every scenario needs them.",
        "name: Europe 1936" + (", alternative regime coding" if alt else "") + " (Axelrod & Bennett landscape case, reconstructed inputs)",
        "calendar: {start: 1936-01, end: 1936-12, step: month}",
        "seed: 1936",
        "states:",
    ]
    for sid, name, cinc, _, _ in STATES:
        lines.append(f"  - {{id: {sid}, name: {name}, capability: {round(100 * cinc, 4)}}}")
    lines.append("propensity:")
    ids = [s[0] for s in STATES]
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            pair = frozenset((a, b))
            ethnic = -1 if pair in ETHNIC else 0
            same_religion = 1 if religion[a] == religion[b] and religion[a] != "-" else 0
            border = -1 if pair in BORDER else 0
            gov = 1 if government[a] == government[b] else -1
            wars = -1 if pair in ENEMIES else (1 if pair in ALLIES else 0)
            value = ethnic + same_religion + border + gov + wars
            factors = " ".join(signed(x) for x in (ethnic, same_religion, border, gov, wars))
            lines.append(f"  - {{from: {a}, to: {b}, value: {value}, note: \"{factors}\"}}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    alt = "--alt" in sys.argv[1:]
    path = "Scenarios/landscape/europe-1936" + ("-alt-regimes" if alt else "") + ".yaml"
    with open(path, "w") as handle:
        handle.write(scenario(alt))
    print(path)
