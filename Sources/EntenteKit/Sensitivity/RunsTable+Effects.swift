/// The paired effects of a sweep with `variants:`, as outcomes `entente analyze` treats like any other.
extension RunsTable {
    /// Appends, per variant and baseline outcome, the outcome `VARIANT:OUTCOME:difference` whose value
    /// per run is variant − baseline on the same stream (NaN when either is missing). The numeric columns
    /// are the baseline's followed by each variant's in the same order (runs.csv of a paired sweep).
    mutating func addEffects(variants: [String], binary: [Bool]) {
        guard !variants.isEmpty else { return }
        let baselineCount = outcomes.count / (variants.count + 1)
        for (v, variant) in variants.enumerated() {
            for slot in 0..<baselineCount {
                let other = (v + 1) * baselineCount + slot
                outcomes.append("\(variant):\(outcomes[slot]):difference")
                values.append(zip(values[slot], values[other]).map { $0.isNaN || $1.isNaN ? .nan : $1 - $0 })
                pairs.append((slot, other, binary[slot]))
            }
        }
    }

    /// For an effect outcome: the shares of points whose paired-difference 95 % interval (as points.csv's
    /// `VARIANT:difference_ci95_low/high`, ``Comparison/effect(variant:outcome:baseline:values:binary:)``)
    /// lies entirely above zero and entirely below it; nil for other outcomes. Points without a pair count
    /// in the denominator as neither.
    func effectShares(outcome: Int) -> (positive: Double, negative: Double)? {
        guard outcome < pairs.count, let pair = pairs[outcome], points > 0 else { return nil }
        var positive = 0, negative = 0
        for point in 0..<points {
            let range = point * replicates..<(point + 1) * replicates
            let effect = Comparison.effect(variant: "", outcome: "", baseline: Array(values[pair.baseline][range]),
                                           values: Array(values[pair.variant][range]), binary: pair.binary)
            if effect.ci95Low > 0 { positive += 1 } else if effect.ci95High < 0 { negative += 1 }
        }
        return (Double(positive) / Double(points), Double(negative) / Double(points))
    }
}
