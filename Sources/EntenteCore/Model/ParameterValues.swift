/// A value for every model parameter, indexed by ``Parameter`` without lookups by name.
public struct ParameterValues: Sendable, Hashable {
    private var values: [Double]

    /// Every parameter at its default.
    public static let defaults = ParameterValues(values: Parameter.allCases.map(\.info.defaultValue))

    private init(values: [Double]) { self.values = values }

    /// The value of one parameter.
    public subscript(parameter: Parameter) -> Double {
        get { values[parameter.rawValue] }
        set { values[parameter.rawValue] = newValue }
    }
}
