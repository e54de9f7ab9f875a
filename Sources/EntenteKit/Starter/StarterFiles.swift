/// The commented starter files `entente init NAME` writes: a small scenario that `check`, `run` and
/// `compare` accept as it is, and a grid sweep over it. Every key is explained where it is used, with the
/// doc to read next, so a new case starts from a working file instead of a blank page.
public enum StarterFiles {
    /// The scenario file's name for `name`: `NAME.yaml`.
    public static func scenarioFileName(_ name: String) -> String { name + ".yaml" }

    /// The sweep file's name for `name`: `NAME-sweep.yaml`.
    public static func sweepFileName(_ name: String) -> String { name + "-sweep.yaml" }

    /// True for a name usable as a file stem: letters, digits, `-`, `_` and `.`, not starting with `.` or `-`.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, first != ".", first != "-", name.count <= 200 else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
    }

    /// The starter scenario, titled `name`.
    public static func scenario(name: String) -> String {
        """
        # \(name): a starter scenario written by `entente init`. Edit it, then:
        #   entente check \(scenarioFileName(name))      # every problem at once, as file:line:column
        #   entente run \(scenarioFileName(name))        # replicates -> Results/\(name)/ (docs/outputs.md)
        #   entente compare \(scenarioFileName(name))    # the baseline against each variant below
        # The format, key by key: docs/scenario-format.md. The model's rules: docs/model.md.
        name: \(name)
        description: Three states, one alliance, a covert arms sale that leaks, and an attack.

        # Steps of the simulation: month, quarter, year, week or day. Dates are YYYY, YYYY-MM or YYYY-MM-DD.
        calendar: {start: 2020-01, end: 2022-12, step: month}
        seed: 1            # the same file, seed and options give byte-identical results
        replicates: 100    # independent runs of the stochastic model

        # Model parameters you want to differ from their defaults (all of them: docs/model.md#parameters).
        parameters:
          betrayal: 1.0

        # Capability is relative military and economic weight (any positive unit, used as a ratio).
        states:
          - {id: AAA, name: Armenia-like, capability: 1}
          - {id: BBB, name: Patron, capability: 8}
          - {id: CCC, name: Rival, capability: 3}

        # A bloc: its members, its leader and how strongly members are bound to help (obligation, 0 to 1).
        blocs:
          - {id: PACT, leader: BBB, members: [AAA, BBB], obligation: 0.8}

        # Initial trust from one state to another, -1 to 1 (mutual: true sets both directions); 0 when absent.
        trust:
          - {from: AAA, to: BBB, value: 0.5, mutual: true}
          - {from: AAA, to: CCC, value: -0.6, mutual: true}

        # The timeline. Each event has a date (at) and a type; an id lets variants and --set name it.
        events:
          - {id: sale, at: 2020-06, type: arms_transfer, from: BBB, to: CCC, value: 0.4, covert: true}
          - {id: leak, at: 2021-03, type: reveal, events: [sale]}
          - {id: war, at: 2021-09, type: attack, by: CCC, target: AAA, intensity: 1.0, bloc: PACT}
          - {id: snub, at: 2022-01, type: diplomacy, from: BBB, to: AAA, kind: recall_ambassador}

        # What to measure in every replicate (outcomes.csv, one column each).
        outcomes:
          - {name: aaa_left, type: left, state: AAA, bloc: PACT}
          - {name: aaa_trust_bbb, type: trust, from: AAA, to: BBB}
          - {name: pact_members, type: members, bloc: PACT}

        # Alternatives `entente compare` runs on the same random numbers as the baseline.
        variants:
          - {name: no-leak, remove: {id: leak}}
          - {name: forgiving, parameters: {betrayal: 0.5}}

        """
    }

    /// The starter sweep over the starter scenario.
    public static func sweep(name: String) -> String {
        """
        # A starter sweep written by `entente init`: a grid of parameter values × replicates over
        # \(scenarioFileName(name)). Run it with `entente sweep \(sweepFileName(name))` (docs/sweeps.md);
        # results go to Results/\(name)-sweep/ (runs.csv per run, points.csv per point).
        name: \(name) sweep
        scenario: \(scenarioFileName(name))
        seed: 1
        replicates: 20
        design: grid       # or random, latin, sobol, saltelli, morris, file (docs/sweeps.md, docs/sensitivity.md)
        parameters:
          # A list of values to try is written {values: [...]}; a range {from, to, steps}.
          betrayal: {values: [0.5, 1.0, 2.0]}
          events.sale.value: {from: 0.1, to: 0.7, steps: 4}
        outcomes: from-scenario   # the scenario's outcomes
        record: outcomes          # only outcomes (no time series) per run

        """
    }
}
