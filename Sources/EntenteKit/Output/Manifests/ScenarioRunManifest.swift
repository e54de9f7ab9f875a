import Foundation

/// The fields of every manifest of a scenario run (`run`, `compare`, `attribute`): the header, the
/// duration, the scenario file and how it was edited, seed, replicates, every listed parameter's value
/// and the calendar. Encoded flat; the commands' manifests add their own fields beside these.
public struct ScenarioRunManifest: Codable, Sendable, Equatable {
    /// The calendar as recorded.
    public struct CalendarEntry: Codable, Sendable, Equatable {
        public var start: String
        public var end: String
        public var step: String
        public var steps: Int
    }

    public var header: ManifestHeader
    /// Wall-clock seconds, rounded to the millisecond.
    public var durationSeconds: Double
    public var scenario: ManifestInput
    /// `--variant`, null when none.
    @NullWhenAbsent public var variant: String?
    /// The `--set` texts in the order given.
    public var settings: [String]
    public var seed: UInt64
    public var replicates: Int
    /// Every listed parameter (``Scenario/listedParameters``) by name.
    public var parameters: [String: Double]
    /// The rule set the runs used (the scenario's `model:` or `--model`); 1 when an older manifest lacks it.
    public var model: Int
    public var calendar: CalendarEntry

    /// The fields of a run of `scenario` (read from `scenarioPath`), finished now.
    public init(command: String, scenario: Scenario, scenarioPath: String, variant: String?, settings: [String],
                seed: UInt64, replicates: Int, started: Date) {
        header = ManifestHeader(command: command, started: started)
        durationSeconds = ManifestHeader.duration(since: started)
        self.scenario = ManifestInput(path: scenarioPath)
        self.variant = variant
        self.settings = settings
        self.seed = seed
        self.replicates = replicates
        parameters = Self.parameters(of: scenario)
        model = scenario.model
        calendar = CalendarEntry(start: scenario.calendar.start.description, end: scenario.calendar.end.description,
                                 step: scenario.calendar.unit.rawValue, steps: scenario.calendar.stepCount)
    }

    /// The `parameters` object: every listed parameter's value by name.
    public static func parameters(of scenario: Scenario) -> [String: Double] {
        var parameters: [String: Double] = [:]
        for parameter in scenario.listedParameters { parameters[parameter.info.name] = scenario.parameters[parameter] }
        return parameters
    }

    enum CodingKeys: String, CodingKey {
        case durationSeconds = "duration_seconds", scenario, variant, settings, seed, replicates, parameters, model, calendar
    }

    public init(from decoder: any Decoder) throws {
        header = try ManifestHeader(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        durationSeconds = try container.decode(Double.self, forKey: .durationSeconds)
        scenario = try container.decode(ManifestInput.self, forKey: .scenario)
        _variant = try container.decode(NullWhenAbsent<String>.self, forKey: .variant)
        settings = try container.decode([String].self, forKey: .settings)
        seed = try container.decode(UInt64.self, forKey: .seed)
        replicates = try container.decode(Int.self, forKey: .replicates)
        parameters = try container.decode([String: Double].self, forKey: .parameters)
        model = try container.decodeIfPresent(Int.self, forKey: .model) ?? 1
        calendar = try container.decode(CalendarEntry.self, forKey: .calendar)
    }

    public func encode(to encoder: any Encoder) throws {
        try header.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(durationSeconds, forKey: .durationSeconds)
        try container.encode(scenario, forKey: .scenario)
        try container.encode(_variant, forKey: .variant)
        try container.encode(settings, forKey: .settings)
        try container.encode(seed, forKey: .seed)
        try container.encode(replicates, forKey: .replicates)
        try container.encode(parameters, forKey: .parameters)
        try container.encode(model, forKey: .model)
        try container.encode(calendar, forKey: .calendar)
    }
}
