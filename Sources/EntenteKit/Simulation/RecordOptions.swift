/// What `run` records per step: `--record every=K,trust=all|pairs|none,drivers,landscape,steps`.
public struct RecordOptions: Sendable, Hashable {
    /// Which trust pairs go to trust.csv.
    public enum TrustPairs: String, Sendable { case all, pairs, none }

    /// Record every K-th step (and always the last).
    public var every: Int = 1
    /// Trust pairs recorded: all ordered pairs, the pairs the scenario lists (and its trust outcomes), or none.
    public var trust: TrustPairs = .pairs
    /// Whether drivers.csv is written (the model's reasons per state–bloc pair and recorded step).
    public var drivers = false
    /// Whether landscape.csv is written (the predicted bipartition, its energy and the frustration index per recorded step).
    public var landscape = false
    /// Whether steps.csv is written (mean, sd and quantiles across replicates per recorded step and quantity).
    public var steps = false

    /// Creates options.
    public init(every: Int = 1, trust: TrustPairs = .pairs, drivers: Bool = false, landscape: Bool = false, steps: Bool = false) {
        self.every = every
        self.trust = trust
        self.drivers = drivers
        self.landscape = landscape
        self.steps = steps
    }

    /// Parses `every=K,trust=all|pairs|none,drivers,landscape,steps` (any part may be omitted).
    public init(parsing text: String) throws {
        try self.init(parsing: [text])
    }

    /// Parses the values of several `--record` options; each setting may be given once in all of them,
    /// so `--record every=2 --record every=3` is refused instead of silently keeping the last.
    public init(parsing texts: [String]) throws {
        var given: [String: String] = [:]
        for text in texts {
            for part in text.split(separator: ",") {
                if part == "drivers" || part == "landscape" || part == "steps" {
                    let word = String(part)
                    if given[word] != nil { throw EntenteError.usage("--record: '\(word)' is given twice; expected each setting once") }
                    given[word] = word
                    switch word {
                    case "drivers": drivers = true
                    case "landscape": landscape = true
                    default: steps = true
                    }
                    continue
                }
                let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
                guard pieces.count == 2 else {
                    throw EntenteError.usage("--record \(text): expected every=K,trust=all|pairs|none,drivers,landscape,steps")
                }
                if let earlier = given[pieces[0]] {
                    throw EntenteError.usage("--record: '\(pieces[0])' is given twice (\(earlier) and \(part)); expected each setting once")
                }
                given[pieces[0]] = String(part)
                switch pieces[0] {
                case "every":
                    guard let k = Int(pieces[1]), k >= 1 else {
                        throw EntenteError.usage("--record every=\(pieces[1]): expected a whole number of steps ≥ 1")
                    }
                    every = k
                case "trust":
                    guard let choice = TrustPairs(rawValue: pieces[1]) else {
                        throw EntenteError.usage("--record trust=\(pieces[1]): expected all, pairs or none")
                    }
                    trust = choice
                default:
                    throw EntenteError.usage("--record: unknown setting '\(pieces[0])'; expected every=K, trust=all|pairs|none, drivers, landscape or steps")
                }
            }
        }
    }

    /// The recorded (from, to) pairs for a scenario, in a stable order.
    public func trustPairs(for scenario: Scenario) -> [(Int, Int)] {
        let n = scenario.states.count
        switch trust {
        case .none: return []
        case .all: return (0..<n).flatMap { i in (0..<n).filter { $0 != i }.map { (i, $0) } }
        case .pairs:
            var seen = Set<Int>()
            var pairs: [(Int, Int)] = []
            var candidates = scenario.trust.map { ($0.from, $0.to) }
            for outcome in scenario.outcomes {
                if let pair = outcome.measure.trustPair { candidates.append(pair) }
            }
            for (from, to) in candidates where seen.insert(from * n + to).inserted { pairs.append((from, to)) }
            return pairs
        }
    }
}

extension RecordOptions {
    /// Refuses `compare --record drivers` when the arms run under different models: drivers.csv has one
    /// header, and model 2's has more columns than model 1's (docs/outputs.md#driverscsv-under-model-2).
    /// A usage error (exit 64), raised before any folder is created or any replicate runs.
    public func checkDrivers(models: [Int]) throws {
        guard drivers, let first = models.first, let other = models.first(where: { $0 != first }) else { return }
        throw EntenteError.usage("--record drivers: the arms run under model \(first) and model \(other), and drivers.csv has one header (model 2's has more columns); record the arms separately with `entente run --variant NAME --record drivers` (docs/outputs.md#driverscsv-under-model-2)")
    }
}
