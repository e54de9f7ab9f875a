/// The default value of every parameter under each rule set.
///
/// Model 1's defaults are ``Parameter/Info/defaultValue`` and never change (the golden outputs and
/// the C peer pin them). Model 2's defaults are model 1's except for the entries of ``modelTwo``:
/// values set by calibrating model 2 jointly on the whole history library (the posterior median of
/// each fitted parameter; docs/model.md#model-2-defaults says how they were fitted and gives the
/// posterior). A scenario under model 2 starts from these values; `parameters:` and `--set` override them.
public enum ModelDefaults {
    /// Model 2's defaults that differ from model 1's, in ``Parameter`` order: the posterior medians of
    /// `Scenarios/calibration/library-model2.yaml` (docs/model.md#model-2-defaults).
    /// Rounded to three significant digits; the 90 % intervals are in docs/model.md.
    public static let modelTwo: [(parameter: Parameter, value: Double)] = [
        (.abandonment, 0.667),
        (.balance, 0.0622),
        (.wSecurity, 0.499),
        (.adaptation, 0.134),
        (.nonaligned, 0.492),
        (.freezeThreshold, 0.0975),
        (.leaveThreshold, 0.205),
        (.hazard, 4.78),
        (.memberTrust, 0.409),
    ]

    /// The default of `parameter` under rule set `model` (1 or 2; anything else reads as 1).
    public static func value(of parameter: Parameter, model: Int) -> Double {
        model == 2 ? modelTwoValues[parameter] : parameter.info.defaultValue
    }

    /// Every parameter at its default under rule set `model`.
    public static func values(model: Int) -> ParameterValues {
        model == 2 ? modelTwoValues : .defaults
    }

    private static let modelTwoValues: ParameterValues = {
        var values = ParameterValues.defaults
        for entry in modelTwo { values[entry.parameter] = entry.value }
        return values
    }()
}
