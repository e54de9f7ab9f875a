/// One kind of lasting measure: its `type:` name and the parameter sizing its per-step pressure.
public protocol MeasureKind: Sendable {
    /// The `type:` value in scenario files and events.csv.
    static var name: String { get }
    /// The per-step trust loss of the target in the imposer, per unit of intensity.
    static var pressure: Parameter { get }
    /// The keys naming the imposer and the target in files (`by`/`target`; `guest`/`host` for basing).
    static var fieldNames: (by: String, target: String) { get }
    /// One step of the measure's effect.
    static func press(by: Int, target: Int, intensity: Double, world: inout World, parameters: ParameterValues)
}

extension MeasureKind {
    public static var fieldNames: (by: String, target: String) { ("by", "target") }

    /// With p = pressure · intensity: T_target,by −= p; every observer o ∉ {by, target} with T_o,target > 0
    /// loses measure_solidarity · p · T_o,target of its trust in `by`.
    public static func press(by: Int, target: Int, intensity: Double, world: inout World, parameters: ParameterValues) {
        let p = parameters[pressure] * intensity
        world.addTrust(target, by, -p)
        let share = parameters[.measureSolidarity]
        for observer in 0..<world.stateCount where observer != target && observer != by {
            let sympathy = world.trust(observer, target)
            if sympathy > 0 { world.addTrust(observer, by, -share * p * sympathy) }
        }
    }
}

/// `basing`: a guest's forces based on a host's soil, which the host's enemies react to.
public enum BasingKind: MeasureKind {
    public static let name = "basing"
    public static let pressure = Parameter.basingPressure
    public static var fieldNames: (by: String, target: String) { ("guest", "host") }

    /// With p = basing_pressure · intensity: every state o ∉ {guest, host} with T_o,host < 0 loses
    /// p · (−T_o,host) of its trust in the guest. Host and guest are not changed.
    public static func press(by guest: Int, target host: Int, intensity: Double, world: inout World, parameters: ParameterValues) {
        let p = parameters[pressure] * intensity
        for observer in 0..<world.stateCount where observer != host && observer != guest {
            let enmity = -world.trust(observer, host)
            if enmity > 0 { world.addTrust(observer, guest, -p * enmity) }
        }
    }
}

/// `occupation`: forces holding part of the target's territory.
public enum OccupationKind: MeasureKind {
    public static let name = "occupation"
    public static let pressure = Parameter.occupationPressure
}

/// `blockade`: the target's ports, borders or trade routes closed by force.
public enum BlockadeKind: MeasureKind {
    public static let name = "blockade"
    public static let pressure = Parameter.blockadePressure
}

/// `sanction`: economic sanctions in force (the one-off announcement is a `diplomacy` move of kind sanction).
public enum SanctionKind: MeasureKind {
    public static let name = "sanction"
    public static let pressure = Parameter.sanctionPressure
}

/// `occupation | blockade | sanction {by, target, intensity?, until?}`: a measure that lasts and weighs
/// on the target and on observers at every step from its date until it is lifted (`until:`, or a later
/// `lift` event naming it, or the end of the run).
///
/// At each step t with start ≤ t < end, in the measure's place in file order: with p = pressure · intensity,
/// T_target,by −= p; then every observer o ∉ {by, target} with T_o,target > 0 loses
/// measure_solidarity · p · T_o,target of its trust in `by`.
public struct LastingMeasure<Kind: MeasureKind>: EventEffect {
    public static var typeName: String { Kind.name }

    /// The state imposing it.
    public var by: Int
    /// The state it weighs on.
    public var target: Int
    /// Multiplier of the pressure.
    public var intensity: Double
    /// The step it starts (its `at:`).
    public var startStep: Int
    /// The first step it no longer weighs (lifted); the calendar's step count when it lasts to the end.
    public var endStep: Int
    /// True when `until:` ends it (a `lift` row is then logged at `endStep`); false when a `lift` event
    /// ends it (that event logs the row) or it lasts to the end.
    public var endsByUntil: Bool

    public var actor: Int? { by }
    public func targetName(_ names: WorldNames) -> String { names.state(target) }

    /// The pressure of one step (``MeasureKind/press(by:target:intensity:world:parameters:)``).
    public static func press(by: Int, target: Int, intensity: Double, world: inout World, parameters: ParameterValues) {
        Kind.press(by: by, target: target, intensity: intensity, world: &world, parameters: parameters)
    }

    public func apply(to world: inout World, environment: EventEnvironment, log: inout EventLog) {
        Self.press(by: by, target: target, intensity: intensity, world: &world, parameters: environment.parameters)
        log.record(step: environment.step, event: environment.names.events[environment.eventIndex], type: Self.typeName,
                   actor: environment.names.states[by], target: environment.names.states[target], detail: "intensity=\(intensity)")
    }

    /// The pressure of every later step before the end, and the `lift` row of an `until:`.
    public func followUps(eventIndex: Int) -> [(step: Int, effect: any EventEffect)] {
        var steps: [(step: Int, effect: any EventEffect)] = []
        if startStep + 1 < endStep {
            for step in (startStep + 1)..<endStep {
                steps.append((step, MeasurePressure<Kind>(by: by, target: target, intensity: intensity)))
            }
        }
        if endsByUntil { steps.append((endStep, MeasureLift(by: by, target: target, measure: Kind.name, reason: "until"))) }
        return steps
    }

    /// Creates the value from its fields.
    public init(by: Int, target: Int, intensity: Double, startStep: Int, endStep: Int, endsByUntil: Bool) {
        self.by = by
        self.target = target
        self.intensity = intensity
        self.startStep = startStep
        self.endStep = endStep
        self.endsByUntil = endsByUntil
    }
}

/// One later step of a lasting measure's pressure (scheduled by the measure; no events.csv row).
public struct MeasurePressure<Kind: MeasureKind>: EventEffect {
    public static var typeName: String { Kind.name }
    let by: Int, target: Int, intensity: Double
    public var actor: Int? { by }

    public func apply(to world: inout World, environment: EventEnvironment, log: inout EventLog) {
        LastingMeasure<Kind>.press(by: by, target: target, intensity: intensity, world: &world, parameters: environment.parameters)
    }
}

/// The `lift` row of a measure ended by its `until:` date. Lifting has no effect of its own: the pressure
/// stops, and memory brings trust back toward its baseline at the `forgiveness` rate.
public struct MeasureLift: EventEffect {
    public static let typeName = "lift"
    let by: Int, target: Int, measure: String, reason: String
    public var actor: Int? { by }

    public func apply(to world: inout World, environment: EventEnvironment, log: inout EventLog) {
        log.record(step: environment.step, event: environment.names.events[environment.eventIndex], type: Self.typeName,
                   actor: environment.names.states[by], target: environment.names.states[target], detail: "\(measure) \(reason)")
    }
}

/// What a `lift` event needs of the measure it names, whatever its kind.
public protocol LiftableMeasure: EventEffect {
    /// The step it starts.
    var startStep: Int { get }
    /// The first step it no longer weighs.
    var endStep: Int { get }
    /// Whether `until:` ends it.
    var endsByUntil: Bool { get }
    /// The imposer and the target.
    var by: Int { get }
    var target: Int { get }
    /// The same measure starting at `step` (its event's date, known after decoding).
    func placed(at step: Int) -> any LiftableMeasure
    /// The same measure ended by a `lift` event at `step`.
    func lifted(at step: Int) -> any LiftableMeasure
}

extension LiftableMeasure {
    /// Every liftable measure answers ``EventEffect/lastingMeasure`` with itself.
    public var lastingMeasure: (any LiftableMeasure)? { self }
}

extension LastingMeasure: LiftableMeasure {
    public func placed(at step: Int) -> any LiftableMeasure {
        var copy = self
        copy.startStep = step
        return copy
    }

    public func lifted(at step: Int) -> any LiftableMeasure {
        var copy = self
        copy.endStep = step
        copy.endsByUntil = false
        return copy
    }
}

/// `lift {event}`: ends the lasting measure with id `event` at this step (no pressure from this step on).
/// The decoder shortens the measure; this occurrence only logs the `lift` row.
public struct Lift: EventEffect {
    public static let typeName = "lift"

    /// Index of the measure lifted (resolved after decoding).
    public var measure: Int
    /// Id of the measure lifted, as written.
    public var measureID: String
    /// Its imposer and target, for the row.
    public var by: Int, target: Int
    /// Its type name.
    public var measureType: String

    public var actor: Int? { by }
    public func targetName(_ names: WorldNames) -> String { names.state(target) }
    public var liftRequest: Lift? { self }

    public func apply(to world: inout World, environment: EventEnvironment, log: inout EventLog) {
        log.record(step: environment.step, event: environment.names.events[environment.eventIndex], type: Self.typeName,
                   actor: environment.names.states[by], target: environment.names.states[target],
                   detail: "\(measureType) \(measureID)")
    }

    /// Creates the value from its fields.
    public init(measureID: String, measure: Int, by: Int, target: Int, measureType: String) {
        self.measureID = measureID
        self.measure = measure
        self.by = by
        self.target = target
        self.measureType = measureType
    }
}
