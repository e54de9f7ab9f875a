/// The tiny scenarios that several test files of both test targets run, written once.
///
/// Each world is a function of the few things its users vary (replicates, the events of its story,
/// extra outcomes, variants), so a test names only what it is about. Event, outcome and variant lines
/// are YAML flow mappings, as a scenario file has them.
public enum TinyWorlds {
    // MARK: - Three states, one year, a covert sale

    /// B's covert sale of arms to C (March, value 0.5), its leak (June), C's attack on A with X called (September).
    public static let covertSaleStory = [
        "{id: sale, at: 2020-03, type: arms_transfer, from: B, to: C, value: 0.5, covert: true}",
        "{id: leak, at: 2020-06, type: reveal, events: [sale]}",
        "{id: war, at: 2020-09, type: attack, by: C, target: A, intensity: 1.0, bloc: X}",
    ]

    /// Whether A left X, and A's trust in B at the end.
    public static let aLeftAndTrustsB = [
        "{name: a_left, type: left, state: A, bloc: X}",
        "{name: a_trust_b, type: trust, from: A, to: B}",
    ]

    /// The variant without B's sale (the reveal, left empty, goes too).
    public static let noSale = "{name: no-sale, remove: {id: sale}}"

    /// Three states over twelve monthly steps, seed 7: A (capability 1), B (2), C (3); B leads bloc X = {A, B}
    /// with obligation 0.8; A and C distrust each other (−0.5 both ways). By hand: A trusts B at
    /// `member_trust` until the June leak of B's March sale to C lowers it; in September C attacks A and
    /// X is called, so A may leave X. The default story is ``covertSaleStory``; the outcomes ``aLeftAndTrustsB``.
    public static func covertSaleYear(replicates: Int, trust: [String] = ["{from: A, to: C, value: -0.5, mutual: true}"],
                                      events: [String] = covertSaleStory, outcomes: [String] = aLeftAndTrustsB,
                                      variants: [String] = []) -> String {
        scenario(header: ["name: tiny", "calendar: {start: 2020-01, end: 2020-12, step: month}", "seed: 7", "replicates: \(replicates)"],
                 states: ["{id: A, capability: 1}", "{id: B, capability: 2}", "{id: C, capability: 3}"],
                 blocs: ["{id: X, leader: B, members: [A, B], obligation: 0.8}"],
                 trust: trust, events: events, outcomes: outcomes, variants: variants)
    }

    // MARK: - Four states, two years, a bloc under attack

    /// A's distrust of C (−0.8 both ways).
    public static let aDistrustsC = "{from: A, to: C, value: -0.8, mutual: true}"
    /// B's trust in C (0.3 both ways), so B's dealings with C cost it A's trust.
    public static let bTrustsC = "{from: B, to: C, value: 0.3, mutual: true}"

    /// B's covert sale of arms to C in March 2020 (value 1.0).
    public static let covertSale = "{id: sale, at: 2020-03, type: arms_transfer, from: B, to: C, value: 1.0, covert: true}"
    /// The sale's leak in June 2020.
    public static let leak = "{id: leak, at: 2020-06, type: reveal, events: [sale]}"
    /// C's attack on A in September 2020 (intensity 1.5), X called.
    public static let war = "{id: war, at: 2020-09, type: attack, by: C, target: A, intensity: 1.5, bloc: X}"
    /// C's second attack on A in January 2021 (intensity 1.5), X called.
    public static let war2 = "{id: war2, at: 2021-01, type: attack, by: C, target: A, intensity: 1.5, bloc: X}"

    /// The parameters that make leaving likely within two years: `hazard` 5, `leave_threshold` 0.1.
    public static let leavingLikely = "{hazard: 5, leave_threshold: 0.1}"

    /// Four states over 24 monthly steps, seed 7, 2 replicates: A (capability 1), B (2), C (3), D (1.5);
    /// B leads bloc X = {A, B, D} with obligation 0.8; A and C distrust each other (−0.8), B and C trust
    /// each other (0.3) unless `trust` says otherwise. With the default story (B's covert sale to C, its leak,
    /// C's two attacks on A) and ``leavingLikely``, calls for help are answered at random, so replicates
    /// differ and A leaves X in some of them. The outcomes default to ``aLeftAndTrustsB``.
    public static func fourStatesTwoYears(parameters: String? = leavingLikely, trust: [String] = [aDistrustsC, bTrustsC],
                                          events: [String] = [covertSale, leak, war, war2],
                                          outcomes: [String] = aLeftAndTrustsB, variants: [String] = []) -> String {
        var header = ["name: tiny", "calendar: {start: 2020-01, end: 2021-12, step: month}", "seed: 7", "replicates: 2"]
        if let parameters { header.append("parameters: \(parameters)") }
        return scenario(header: header,
                        states: ["{id: A, capability: 1}", "{id: B, capability: 2}", "{id: C, capability: 3}", "{id: D, capability: 1.5}"],
                        blocs: ["{id: X, leader: B, members: [A, B, D], obligation: 0.8}"],
                        trust: trust, events: events, outcomes: outcomes, variants: variants)
    }

    // MARK: - An ally attacked at fixed dates

    /// Four states over 24 monthly steps, seed 3, no name: A (capability 1), B (2), C (1) in bloc AL led by B
    /// with obligation 1; X (3) outside, distrusting A (−0.8 both ways), attacks A with intensity 1.5 at each
    /// of `attacks` (YYYY-MM), unscripted answers. Outcomes a_left (A left AL) and a_trust_b. Cheap and
    /// random enough that sweeps over it differ point by point: the in-process sweep tests' world.
    public static func allyAttacked(at attacks: [String]) -> String {
        scenario(header: ["calendar: {start: 2020-01, end: 2021-12, step: month}", "seed: 3"],
                 states: ["{id: A, capability: 1}", "{id: B, capability: 2}", "{id: C, capability: 1}", "{id: X, capability: 3}"],
                 blocs: ["{id: AL, leader: B, members: [A, B, C], obligation: 1}"],
                 trust: ["{from: A, to: X, value: -0.8, mutual: true}"],
                 events: attacks.map { "{at: \($0), type: attack, by: X, target: A, intensity: 1.5}" },
                 outcomes: ["{name: a_left, type: left, state: A, bloc: AL}", "{name: a_trust_b, type: trust, from: A, to: B}"])
    }

    // MARK: - A scripted exit, for validation against observations

    /// Three states over 24 monthly steps (2018–2019), seed 11, written in eleven lines (with one extra
    /// outcome) so that an appended `observed:` block starts on line 12. AAA leads BLOC = {AAA, BBB};
    /// BBB's leaving is scripted for 2018-06, so `bbb_left` happens then in every replicate; CCC is not a
    /// member and can never leave; nothing strains AAA, so `aaa_frozen` never happens. Outcomes bbb_left,
    /// ccc_left, aaa_frozen, then `extraOutcomes`.
    public static func scriptedExit(extraOutcomes: [String] = []) -> String {
        ([
            "name: scripted",
            "calendar: {start: 2018-01, end: 2019-12}",
            "seed: 11",
            "states: [{id: AAA, capability: 1}, {id: BBB, capability: 1}, {id: CCC, capability: 1}]",
            "blocs: [{id: BLOC, leader: AAA, members: [AAA, BBB]}]",
            "events: [{id: exit, at: 2018-06, type: membership, state: BBB, bloc: BLOC, action: leave}]",
            "outcomes:",
            "  - {name: bbb_left, type: left, state: BBB, bloc: BLOC}",
            "  - {name: ccc_left, type: left, state: CCC, bloc: BLOC}",
            "  - {name: aaa_frozen, type: frozen, state: AAA, bloc: BLOC}",
        ] + extraOutcomes.map { "  - \($0)" }).joined(separator: "\n") + "\n"
    }

    // MARK: - Writing

    /// A scenario file: the header lines, then each non-empty section as a list of flow mappings; ends with a newline.
    public static func scenario(header: [String], states: [String], blocs: [String], trust: [String], events: [String],
                                outcomes: [String], variants: [String] = []) -> String {
        var lines = header
        for (key, items) in [("states", states), ("blocs", blocs), ("trust", trust), ("events", events),
                             ("outcomes", outcomes), ("variants", variants)] where !items.isEmpty {
            lines.append("\(key):")
            lines += items.map { "  - \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
