/// A dated 0/1 outcome about one state in one bloc (`left`, `frozen`, `joined`, `rejoined`,
/// `unfrozen`): a flag column and `<name>_date`. `observed:` can name these, and `validate` scores
/// them from the `_date` column alone, whatever the type.
public protocol DatedStatusOutcome: OutcomeMeasure {
    /// The state, the bloc and the `by:` bound.
    var measure: StatusOutcome.Measure { get }
}

extension DatedStatusOutcome {
    /// Every dated status outcome answers ``OutcomeMeasure/datedStatus`` with its measure.
    public var datedStatus: StatusOutcome.Measure? { measure }
}

extension StatusOutcome.Left: DatedStatusOutcome {}
extension StatusOutcome.Frozen: DatedStatusOutcome {}
