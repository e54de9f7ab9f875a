import EntenteKit

/// Seeded synthetic scenarios for the scale benchmarks: N states, 3 blocs, one event per state per year.
enum SyntheticWorld {
    /// A scenario text with `states` states over `steps` monthly steps; `balance` sets the balance parameter.
    static func yaml(states: Int, steps: Int, balance: Double, seed: UInt64 = 42) -> String {
        let random = RandomStream(key: seed)
        let years = max(1, steps / 12)
        var lines = [
            "name: synthetic \(states) states",
            "calendar: {start: 2000-01, end: \(2000 + (steps - 1) / 12)-\(pad2((steps - 1) % 12 + 1)), step: month}",
            "seed: 1",
            "parameters: {balance: \(balance), noise: 0.01}",
            "states:",
        ]
        for i in 0..<states { lines.append("  - {id: S\(i), capability: \(0.5 + random.uniform())}") }
        lines.append("blocs:")
        for b in 0..<3 {
            let members = (0..<states).filter { $0 % 4 == b }.map { "S\($0)" }
            lines.append("  - {id: B\(b), leader: \(members[0]), members: [\(members.joined(separator: ", "))], obligation: \(0.3 * Double(b + 1))}")
        }
        lines.append("trust:")
        for i in 0..<states {
            for _ in 0..<3 {
                let j = random.integer(below: states)
                if j != i { lines.append("  - {from: S\(i), to: S\(j), value: \(2 * random.uniform() - 1)}") }
            }
        }
        lines.append("events:")
        let types = ["arms_transfer", "attack", "diplomacy", "partnership"]
        for year in 0..<years {
            for i in 0..<states {
                let month = random.integer(below: 12) + 1
                var j = random.integer(below: states)
                if j == i { j = (j + 1) % states }
                let at = "\(2000 + year)-\(pad2(month))"
                switch types[random.integer(below: types.count)] {
                case "arms_transfer":
                    lines.append("  - {at: \(at), type: arms_transfer, from: S\(i), to: S\(j), value: 0.05, covert: false}")
                case "attack":
                    lines.append("  - {at: \(at), type: attack, by: S\(i), target: S\(j), intensity: 0.5}")
                case "diplomacy":
                    lines.append("  - {at: \(at), type: diplomacy, from: S\(i), to: S\(j), kind: summit}")
                default:
                    lines.append("  - {at: \(at), type: partnership, from: S\(i), to: S\(j), bloc: B\(random.integer(below: 3)), intensity: 0.5}")
                }
            }
        }
        lines.append("outcomes:")
        lines.append("  - {name: b0_members, type: members, bloc: B0}")
        lines.append("  - {name: s0_left_b0, type: left, state: S0, bloc: B0}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func pad2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
