internal import CGSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scores replicates of a dated 0/1 outcome against an observation. Takes values, returns a typed score.
///
/// Months are counted as `year·12 + month` of a date: the simulated date is the first day of the
/// step in which the outcome first happened, the observed date the month written (January for a
/// bare year). An event counts as inside the window when |simulated − observed| ≤ W (inclusive).
public struct ValidationScorer: Sendable {
    /// The window W in months (≥ 0).
    public var window: Int

    /// Verdict thresholds: an event is right when P ≥ 0.5, a non-event when P ≤ 0.1.
    public static let eventThreshold = 0.5
    /// See ``eventThreshold``.
    public static let nonEventThreshold = 0.1

    /// A scorer with window `window` months.
    public init(window: Int) { self.window = window }

    /// `year·12 + month` of a date.
    public static func monthIndex(_ date: CalendarDate) -> Int { date.year * 12 + date.month }

    /// The floor of the log score for `replicates` replicates: half a replicate, 1/(2R).
    public static func floor(replicates: Int) -> Double { 1 / (2 * Double(replicates)) }

    /// Scores one observation. `steps` holds, per replicate, the step in which the outcome first
    /// happened (the `<name>_date` column) or NaN when it never did.
    public func score(_ observed: ObservedOutcome, steps: [Double], calendar: SimulationCalendar,
                      type: String, state: String, bloc: String) -> OutcomeScore {
        let replicates = steps.count
        var errors: [Double] = []
        var inside = 0
        let observedMonth = observed.happened.map(Self.monthIndex)
        for step in steps where !step.isNaN {
            guard let observedMonth else { errors.append(0); continue }
            let error = Self.monthIndex(calendar.firstDay(ofStep: Int(step))) - observedMonth
            errors.append(Double(error))
            if abs(error) <= window { inside += 1 }
        }
        let n = Double(max(replicates, 1))
        let pAny = Double(errors.count) / n
        var score = OutcomeScore(observed: observed, type: type, state: state, bloc: bloc, window: window,
                                 replicates: replicates, pWindow: .nan, pAny: pAny,
                                 dateErrorMedian: .nan, dateErrorP10: .nan, dateErrorP90: .nan,
                                 brier: 0, logScore: 0, right: false)
        let floor = Self.floor(replicates: max(replicates, 1))
        if observedMonth != nil {
            let p = Double(inside) / n
            score.pWindow = p
            if !errors.isEmpty {
                errors.sort()
                score.dateErrorMedian = Self.quantile(sorted: errors, 0.5)
                score.dateErrorP10 = Self.quantile(sorted: errors, 0.1)
                score.dateErrorP90 = Self.quantile(sorted: errors, 0.9)
            }
            score.brier = (1 - p) * (1 - p)
            score.logScore = -log(max(p, floor))
            score.right = p >= Self.eventThreshold
        } else {
            score.brier = pAny * pAny
            score.logScore = -log(max(1 - pAny, floor))
            score.right = pAny <= Self.nonEventThreshold
        }
        // −ln 1 is −0.0 in IEEE arithmetic; write it as 0.
        if score.logScore == 0 { score.logScore = 0 }
        return score
    }

    /// GSL's `gsl_stats_quantile_from_sorted_data`: with δ = (n − 1)·f and i = ⌊δ⌋,
    /// (1 − (δ − i))·x[i] + (δ − i)·x[i + 1].
    public static func quantile(sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        return sorted.withUnsafeBufferPointer { gsl_stats_quantile_from_sorted_data($0.baseAddress, 1, sorted.count, fraction) }
    }
}
