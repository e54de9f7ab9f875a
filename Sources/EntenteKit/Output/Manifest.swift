import Foundation

/// manifest.json: everything needed to reproduce a results folder.
public struct Manifest {
    /// Key-value pairs in the order written (the JSON writer sorts keys for stable files).
    public var fields: [String: Any] = [:]

    /// The fields every manifest has, whatever it describes: tool, version, command, random
    /// number generator, seeding rule, GSL version, start time and duration.
    public init(command: String, started: Date, duration: TimeInterval) {
        fields["tool"] = "entente"
        fields["version"] = EntenteVersion.current
        fields["command"] = command
        fields["rng"] = RandomStream.generatorName
        fields["seeding"] = "StreamSeed.key(seed, point, replicate): SplitMix64 chain; mt19937 state words from SplitMix64(key)"
        fields["gsl_version"] = GSLSetup.version
        let formatter = ISO8601DateFormatter()
        fields["started"] = formatter.string(from: started)
        fields["duration_seconds"] = (duration * 1000).rounded() / 1000
    }

    /// The common fields of every manifest of a scenario run.
    public init(command: String, scenario: Scenario, scenarioPath: String, variant: String?, settings: [String],
                seed: UInt64, replicates: Int, started: Date, duration: TimeInterval) {
        fields["tool"] = "entente"
        fields["version"] = EntenteVersion.current
        fields["command"] = command
        fields["scenario"] = ["path": scenarioPath,
                              "sha256": FileManager.default.contents(atPath: scenarioPath).map { SHA256.hex($0) } ?? ""]
        fields["variant"] = variant ?? NSNull()
        fields["settings"] = settings
        fields["seed"] = seed
        fields["replicates"] = replicates
        fields["rng"] = RandomStream.generatorName
        fields["seeding"] = "StreamSeed.key(seed, point, replicate): SplitMix64 chain; mt19937 state words from SplitMix64(key)"
        fields["gsl_version"] = GSLSetup.version
        var parameters: [String: Double] = [:]
        for parameter in scenario.listedParameters { parameters[parameter.info.name] = scenario.parameters[parameter] }
        fields["parameters"] = parameters
        fields["model"] = scenario.model
        fields["calendar"] = ["start": scenario.calendar.start.description, "end": scenario.calendar.end.description,
                              "step": scenario.calendar.unit.rawValue, "steps": scenario.calendar.stepCount]
        let formatter = ISO8601DateFormatter()
        fields["started"] = formatter.string(from: started)
        fields["duration_seconds"] = (duration * 1000).rounded() / 1000
    }

    /// The JSON bytes, keys sorted, pretty-printed, ending in a newline.
    public func encoded() throws -> [UInt8] {
        let data = try JSONSerialization.data(withJSONObject: fields, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return [UInt8](data) + [10]
    }
}
