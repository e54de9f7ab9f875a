import Foundation

/// manifest.json of `entente calibrate`: how far the calibration got, its fingerprint (what `--resume`
/// checks), its settings, priors, observations and scenario files. `--posterior` reads it through
/// ``PosteriorSource`` to refuse an unfinished or mixed folder.
///
/// `command` is always `calibrate` (the folder's kind); the command line is `command_line`.
public struct CalibrateManifest: ManifestFile, Sendable, Equatable {
    /// How every proposal and run of a calibration is seeded (the header's `seeding`).
    public static let seedingRule = "CalibrationStreams: key = SplitMix64 chain of (seed ^ 0x4142432D534D4321, generation, particle, attempt); proposals RandomStream(mix(key ^ 1)); replicate r of scenario s StreamSeed.key(mix(key ^ 2), s, r)"

    /// `calibration.stop`: the stopping rules.
    public struct Stop: Codable, Sendable, Equatable {
        public var minAcceptance: Double
        @NullWhenAbsent public var tolerance: Double?
        public var generations: Int
        @NullWhenAbsent public var simulations: Int?

        enum CodingKeys: String, CodingKey { case minAcceptance = "min_acceptance", tolerance, generations, simulations }

        public init(minAcceptance: Double, tolerance: Double?, generations: Int, simulations: Int?) {
            self.minAcceptance = minAcceptance
            self.tolerance = tolerance
            self.generations = generations
            self.simulations = simulations
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            minAcceptance = try container.decode(Double.self, forKey: .minAcceptance)
            _tolerance = try container.decode(NullWhenAbsent<Double>.self, forKey: .tolerance)
            generations = try container.decode(Int.self, forKey: .generations)
            _simulations = try container.decode(NullWhenAbsent<Int>.self, forKey: .simulations)
        }
    }

    /// A fitted parameter and its prior: `min`/`max` for every prior, `mean`/`sd` for a normal one.
    public struct FittedParameter: Codable, Sendable, Equatable {
        public var name: String
        /// The prior's name (`uniform`, `log-uniform`, `normal`).
        public var prior: String
        public var min: Double?
        public var max: Double?
        public var mean: Double?
        public var sd: Double?

        /// The entry of a parameter named `name` with prior `prior`.
        public init(name: String, prior: Prior) {
            self.name = name
            self.prior = prior.name
            switch prior {
            case .uniform(let low, let high), .logUniform(let low, let high):
                min = low
                max = high
            case .normal(let mean, let sd, let lower, let upper):
                self.mean = mean
                self.sd = sd
                min = lower
                max = upper
            }
        }
    }

    /// An observation the distance is made of: `event` (with `observed_month`, `window_months`),
    /// `non-event`, or `number` (with `value`, `scale`).
    public struct Observation: Codable, Sendable, Equatable {
        public var observation: String
        public var weight: Double
        public var kind: String
        public var observedMonth: String?
        public var windowMonths: Int?
        public var value: Double?
        public var scale: Double?

        enum CodingKeys: String, CodingKey {
            case observation, weight, kind, observedMonth = "observed_month", windowMonths = "window_months", value, scale
        }

        /// The entry of `target`.
        public init(_ target: CalibrationTarget) {
            observation = target.label
            weight = target.weight
            switch target.kind {
            case .event(let month, let window):
                kind = "event"
                observedMonth = String(format: "%04d-%02d", (month - 1) / 12, (month - 1) % 12 + 1)
                windowMonths = window
            case .nonEvent:
                kind = "non-event"
            case .number(let value, let scale):
                kind = "number"
                self.value = value
                self.scale = scale
            }
        }
    }

    /// The `calibration` object: the calibration file and its settings.
    public struct Settings: Codable, Sendable, Equatable {
        public var path: String
        public var sha256: String
        public var particles: Int
        public var replicatesPerParticle: Int
        public var alpha: Double
        public var windowMonths: Int
        public var seed: UInt64
        public var stop: Stop
        public var parameters: [FittedParameter]
        public var observations: [Observation]
        /// The calibration file's `model:` or `--model N`: the rule set of every scenario; null when each
        /// scenario ran under its own `model:` (see ``ScenarioEntry/model``).
        @NullWhenAbsent public var model: Int?

        enum CodingKeys: String, CodingKey {
            case path, sha256, particles, replicatesPerParticle = "replicates_per_particle", alpha
            case windowMonths = "window_months", seed, stop, parameters, observations, model
        }

        public init(path: String, sha256: String, particles: Int, replicatesPerParticle: Int, alpha: Double, windowMonths: Int,
                    seed: UInt64, stop: Stop, parameters: [FittedParameter], observations: [Observation], model: Int?) {
            self.path = path
            self.sha256 = sha256
            self.particles = particles
            self.replicatesPerParticle = replicatesPerParticle
            self.alpha = alpha
            self.windowMonths = windowMonths
            self.seed = seed
            self.stop = stop
            self.parameters = parameters
            self.observations = observations
            self.model = model
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            path = try container.decode(String.self, forKey: .path)
            sha256 = try container.decode(String.self, forKey: .sha256)
            particles = try container.decode(Int.self, forKey: .particles)
            replicatesPerParticle = try container.decode(Int.self, forKey: .replicatesPerParticle)
            alpha = try container.decode(Double.self, forKey: .alpha)
            windowMonths = try container.decode(Int.self, forKey: .windowMonths)
            seed = try container.decode(UInt64.self, forKey: .seed)
            stop = try container.decode(Stop.self, forKey: .stop)
            parameters = try container.decode([FittedParameter].self, forKey: .parameters)
            observations = try container.decode([Observation].self, forKey: .observations)
            // Manifests written before `model` existed lack it: each scenario's own rule set.
            model = try container.decodeIfPresent(Int.self, forKey: .model)
        }
    }

    /// A scenario the calibration runs: the path as the calibration file names it.
    public struct ScenarioEntry: Codable, Sendable, Equatable {
        public var path: String
        public var name: String
        public var sha256: String
        /// The rule set the particles ran it under (nil only when read from a manifest lacking it).
        public var model: Int?
    }

    /// The rule set the calibration was fitted under: `calibration.model`, else the scenarios' common
    /// `model`; nil when they differ or the manifest predates the field.
    public var model: Int? {
        if let model = calibration?.model { return model }
        let models = Set(scenarios.map(\.model))
        guard models.count == 1, let only = models.first else { return nil }
        return only
    }

    public var header: ManifestHeader
    public var durationSeconds: Double
    /// The command line as typed.
    public var commandLine: String
    /// `running`, `interrupted`, `complete` or `failed`.
    public var status: String
    /// Why it stopped (``ABCStopReason``'s raw value), null while running.
    @NullWhenAbsent public var stopReason: String?
    /// A generation started but not finished, null when none.
    @NullWhenAbsent public var abandonedGeneration: Int?
    /// The last generation in particles.csv (always written; nil only when read from a manifest lacking it).
    public var finalGeneration: Int?
    public var simulations: Int
    /// SHA-256 of what defines the calibration (``CalibrationRun``'s fingerprint): `--resume` refuses another.
    public var fingerprint: String
    /// Always written; nil only when read from a manifest lacking it.
    public var calibration: Settings?
    public var scenarios: [ScenarioEntry]

    /// The manifest of a calibration started at `started`, as of now. Reading is lenient beyond the header
    /// (a missing field reads as nil, 0, empty or `unknown`), so ``PosteriorSource`` can say what is wrong.
    public init(commandLine: String, started: Date, status: String, stopReason: String?, abandonedGeneration: Int?,
                finalGeneration: Int, simulations: Int, fingerprint: String, calibration: Settings, scenarios: [ScenarioEntry]) {
        header = ManifestHeader(command: "calibrate", started: started)
        header.seeding = Self.seedingRule
        durationSeconds = ManifestHeader.duration(since: started)
        self.commandLine = commandLine
        self.status = status
        self.stopReason = stopReason
        self.abandonedGeneration = abandonedGeneration
        self.finalGeneration = finalGeneration
        self.simulations = simulations
        self.fingerprint = fingerprint
        self.calibration = calibration
        self.scenarios = scenarios
    }

    enum CodingKeys: String, CodingKey {
        case durationSeconds = "duration_seconds", commandLine = "command_line", status, stopReason = "stop_reason"
        case abandonedGeneration = "abandoned_generation", finalGeneration = "final_generation", simulations, fingerprint
        case calibration, scenarios
    }

    public init(from decoder: any Decoder) throws {
        header = try ManifestHeader(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        durationSeconds = try container.decodeIfPresent(Double.self, forKey: .durationSeconds) ?? 0
        commandLine = try container.decodeIfPresent(String.self, forKey: .commandLine) ?? ""
        status = try container.decodeIfPresent(String.self, forKey: .status) ?? "unknown"
        _stopReason = try container.decode(NullWhenAbsent<String>.self, forKey: .stopReason)
        _abandonedGeneration = try container.decode(NullWhenAbsent<Int>.self, forKey: .abandonedGeneration)
        finalGeneration = try container.decodeIfPresent(Int.self, forKey: .finalGeneration)
        simulations = try container.decodeIfPresent(Int.self, forKey: .simulations) ?? 0
        fingerprint = try container.decodeIfPresent(String.self, forKey: .fingerprint) ?? ""
        calibration = try container.decodeIfPresent(Settings.self, forKey: .calibration)
        scenarios = try container.decodeIfPresent([ScenarioEntry].self, forKey: .scenarios) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        try header.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(durationSeconds, forKey: .durationSeconds)
        try container.encode(commandLine, forKey: .commandLine)
        try container.encode(status, forKey: .status)
        try container.encode(_stopReason, forKey: .stopReason)
        try container.encode(_abandonedGeneration, forKey: .abandonedGeneration)
        try container.encodeIfPresent(finalGeneration, forKey: .finalGeneration)
        try container.encode(simulations, forKey: .simulations)
        try container.encode(fingerprint, forKey: .fingerprint)
        try container.encodeIfPresent(calibration, forKey: .calibration)
        try container.encode(scenarios, forKey: .scenarios)
    }
}
