#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One swept quantity: a scenario path (as `--set` takes it) and the values it may take.
public struct SweepParameter: Sendable, Hashable {
    /// How values are spread between `from` and `to`.
    public enum Scale: String, Sendable { case linear, log }

    /// Where the values come from.
    public enum Domain: Sendable, Hashable {
        /// An explicit list.
        case values([Double])
        /// An interval; `steps` points (inclusive) for grids, a continuous range for sampled designs.
        case range(from: Double, to: Double, steps: Int?, scale: Scale)
    }

    /// Path as for `--set`: a parameter name or `events.ID.FIELD` and the like.
    public var path: String
    /// The domain.
    public var domain: Domain
    /// Where it is declared in the sweep file.
    public var location: SourceLocation

    /// A swept quantity.
    public init(path: String, domain: Domain, location: SourceLocation) {
        self.path = path
        self.domain = domain
        self.location = location
    }

    /// The grid values: the list, or `steps` evenly spaced values from `from` to `to` inclusive
    /// (evenly in the logarithm for `scale: log`). Nil for a range without steps.
    public var gridValues: [Double]? {
        switch domain {
        case .values(let values): return values
        case .range(let from, let to, let steps?, let scale):
            if steps == 1 { return [from] }
            return (0..<steps).map { index in
                // The ends are exactly the values written.
                if index == 0 { return from }
                if index == steps - 1 { return to }
                return Self.interpolate(from: from, to: to, fraction: Double(index) / Double(steps - 1), scale: scale)
            }
        case .range: return nil
        }
    }

    /// How many values a grid takes from this parameter (without building them); 0 for a range without steps.
    public var gridCount: Int {
        switch domain {
        case .values(let values): return values.count
        case .range(_, _, let steps, _): return steps ?? 0
        }
    }

    /// The value at a position `u` in [0, 1): a list is indexed by ⌊u·k⌋, a range interpolated (log: geometrically).
    public func value(at u: Double) -> Double {
        switch domain {
        case .values(let values):
            return values[min(values.count - 1, Int(u * Double(values.count)))]
        case .range(let from, let to, _, let scale):
            return Self.interpolate(from: from, to: to, fraction: u, scale: scale)
        }
    }

    static func interpolate(from: Double, to: Double, fraction: Double, scale: Scale) -> Double {
        switch scale {
        case .linear: return from + fraction * (to - from)
        case .log: return from * pow(to / from, fraction)
        }
    }

    /// Every value this parameter can take at its bounds, for validation before any run.
    public var extremes: [Double] {
        switch domain {
        case .values(let values): return values
        case .range(let from, let to, _, _): return [from, to]
        }
    }
}
