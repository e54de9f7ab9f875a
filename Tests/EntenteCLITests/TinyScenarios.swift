/// Scenario files shared by several end-to-end test files.
enum TinyScenarios {
    /// Four states, 24 monthly steps, a bloc, a covert transfer and its reveal, and two attacks whose
    /// calls for help are answered at random, so replicates differ and A leaves X in some of them.
    static let fourStates = """
        name: tiny
        calendar: {start: 2020-01, end: 2021-12, step: month}
        seed: 7
        replicates: 2
        parameters: {hazard: 5, leave_threshold: 0.1}
        states:
          - {id: A, capability: 1}
          - {id: B, capability: 2}
          - {id: C, capability: 3}
          - {id: D, capability: 1.5}
        blocs:
          - {id: X, leader: B, members: [A, B, D], obligation: 0.8}
        trust:
          - {from: A, to: C, value: -0.8, mutual: true}
          - {from: B, to: C, value: 0.3, mutual: true}
        events:
          - {id: sale, at: 2020-03, type: arms_transfer, from: B, to: C, value: 1.0, covert: true}
          - {id: leak, at: 2020-06, type: reveal, events: [sale]}
          - {id: war, at: 2020-09, type: attack, by: C, target: A, intensity: 1.5, bloc: X}
          - {id: war2, at: 2021-01, type: attack, by: C, target: A, intensity: 1.5, bloc: X}
        outcomes:
          - {name: a_left, type: left, state: A, bloc: X}
          - {name: a_trust_b, type: trust, from: A, to: B}

        """

    /// Three states, a covert sale that leaks, an attack on A with X's call for help, and two variants
    /// (a milder betrayal, no sale): the tables' and layouts' compare tests.
    static let threeStatesWithVariants = """
        name: tiny
        calendar: {start: 2020-01, end: 2020-12, step: month}
        seed: 7
        replicates: 8
        states:
          - {id: A, capability: 1}
          - {id: B, capability: 2}
          - {id: C, capability: 3}
        blocs:
          - {id: X, leader: B, members: [A, B], obligation: 0.8}
        trust:
          - {from: A, to: C, value: -0.5, mutual: true}
        events:
          - {id: sale, at: 2020-03, type: arms_transfer, from: B, to: C, value: 0.5, covert: true}
          - {id: leak, at: 2020-06, type: reveal, events: [sale]}
          - {id: war, at: 2020-09, type: attack, by: C, target: A, intensity: 1.0, bloc: X}
        outcomes:
          - {name: a_left, type: left, state: A, bloc: X}
          - {name: a_trust_b, type: trust, from: A, to: B}
        variants:
          - {name: calm, parameters: {betrayal: 0.5}}
          - {name: no-sale, set: {events.sale.value: 0.0}}

        """
}
