#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Steps a compiled scenario through time: events, then memory, balance, noise,
/// perception, affinity and membership (docs/model.md gives every equation).
///
/// An `Engine` is immutable and shared by all workers; each run owns its ``World``
/// copy, its ``RandomStream`` and its scratch buffers.
public struct Engine: Sendable {
    /// The scenario it runs.
    public private(set) var scenario: Scenario
    /// The compiled timeline.
    public let schedule: Schedule
    /// The world at step 0.
    public private(set) var initialWorld: World
    /// Outcome columns in order.
    public let outcomeColumns: [OutcomeColumn]
    private let outcomeOffsets: [Int]
    private let measures: [any OutcomeMeasure]
    private let initialOutcomes: [Double]
    /// Status watches checked inline after every step.
    private let watches: [InlineWatch]
    /// The other measures (indexes into `measures`) and the step each observes (-1: every step).
    private let observedMeasures: [Int], observedSteps: [Int]
    private let names: WorldNames

    /// Compiles `scenario`.
    public init(scenario: Scenario) {
        self.scenario = scenario
        schedule = Schedule(scenario: scenario)
        initialWorld = WorldBuilder.initialWorld(of: scenario)
        var columns: [OutcomeColumn] = []
        var offsets: [Int] = []
        var initial: [Double] = []
        for outcome in scenario.outcomes {
            offsets.append(columns.count)
            columns += outcome.measure.columns(name: outcome.name)
            initial += outcome.measure.initialValues
        }
        outcomeColumns = columns
        outcomeOffsets = offsets
        measures = scenario.outcomes.map(\.measure)
        initialOutcomes = initial
        let lastStep = scenario.calendar.stepCount - 1
        var watches: [InlineWatch] = []
        var observed: [(index: Int, step: Int)] = []
        for (index, measure) in measures.enumerated() {
            if let watch = measure.statusWatch {
                watches.append(InlineWatch(offset: offsets[index], cell: watch.state * scenario.blocs.count + watch.bloc,
                                           target: watch.target, lastStep: watch.byStep ?? Int.max))
            } else {
                observed.append((index, measure.observationStep(lastStep: lastStep) ?? -1))
            }
        }
        self.watches = watches
        observedMeasures = observed.map(\.index)
        observedSteps = observed.map(\.step)
        names = scenario.names
    }

    /// The parameters that shape the world at step 0 (the rest act only while it runs).
    static let initialValueParameters: [Parameter] = [.defaultTrust, .memberTrust, .memberAffinity, .outsiderAffinity]

    /// The same compiled scenario with other parameter values: a typed edit, no decoding. The world at
    /// step 0 is rebuilt only when a parameter it depends on changes; events and outcomes are reused.
    public func reparameterised(_ parameters: ParameterValues) -> Engine {
        var copy = self
        copy.scenario.parameters = parameters
        if Self.initialValueParameters.contains(where: { parameters[$0] != scenario.parameters[$0] }) {
            copy.initialWorld = WorldBuilder.initialWorld(of: copy.scenario)
        }
        return copy
    }

    /// Runs replicate `replicate` of parameter point `point` for its outcomes only: the same run as
    /// ``run(replicate:point:seed:observer:)`` with a ``NullObserver``, compiled here, so that callers in
    /// other modules (sweeps, calibration) get the loop specialised for an observer that does nothing.
    public func runOutcomes(replicate: Int, point: Int = 0, seed: UInt64? = nil) -> RunResult {
        var observer = NullObserver()
        return run(replicate: replicate, point: point, seed: seed, observer: &observer)
    }

    /// Runs replicate `replicate` of parameter point `point` with random stream key (seed, point, replicate).
    public func run<Observer: StepObserver>(replicate: Int, point: Int = 0, seed: UInt64? = nil,
                                            observer: inout Observer) -> RunResult {
        let random = RandomStream(seed: seed ?? scenario.seed, point: point, replicate: replicate)
        var world = initialWorld
        var scratch = Scratch(world: world)
        var log = EventLog(enabled: observer.wantsEvents)
        var outcomes = initialOutcomes
        let lastStep = scenario.calendar.stepCount - 1
        let parameters = scenario.parameters
        let modelTwo = world.isModelTwo  // the rule set is chosen once per run
        for step in 0...lastStep {
            log.removeAll()
            for index in schedule.start[step]..<schedule.start[step + 1] {
                let entry = schedule.entries[index]
                let environment = EventEnvironment(step: step, eventIndex: entry.eventIndex, parameters: parameters,
                                                   random: random, names: names)
                entry.effect.apply(to: &world, environment: environment, log: &log)
            }
            Dynamics.updateTrust(&world, parameters: parameters, random: random, scratch: &scratch)
            if modelTwo {
                DynamicsTwo.relax(&world, parameters: parameters)
                DynamicsTwo.perceive(&world, parameters: parameters, scratch: &scratch)
                DynamicsTwo.updateAffinity(&world, parameters: parameters, scratch: scratch)
            } else {
                Dynamics.perceive(&world, parameters: parameters, scratch: &scratch)
                Dynamics.updateAffinity(&world, parameters: parameters, scratch: scratch)
            }
            if observer.wantsDrivers {
                if modelTwo {
                    observer.observeModelTwoDrivers(world: world, scratch: scratch, step: step)
                } else {
                    observer.observeDrivers(world: world, blocTrust: UnsafeBufferPointer(scratch.blocTrust), cover: UnsafeBufferPointer(scratch.cover), step: step)
                }
            }
            if modelTwo {
                DynamicsTwo.updateMembership(&world, step: step, parameters: parameters, random: random, scratch: scratch, names: names, log: &log)
            } else {
                Dynamics.updateMembership(&world, step: step, parameters: parameters, random: random, names: names, log: &log)
            }
            for watch in watches where world.status[watch.cell] == watch.target && step <= watch.lastStep && outcomes[watch.offset] == 0 {
                outcomes[watch.offset] = 1
                outcomes[watch.offset + 1] = Double(step)
            }
            for k in 0..<observedMeasures.count where observedSteps[k] < 0 || observedSteps[k] == step {
                let index = observedMeasures[k]
                measures[index].observe(world: world, step: step, lastStep: lastStep, values: &outcomes, offset: outcomeOffsets[index])
            }
            observer.observe(world: world, step: step, events: log.entries)
            #if DEBUG
            if let problem = world.nonFiniteDescription(names: names) {
                return RunResult(outcomes: outcomes, error: "step \(step): \(problem)")
            }
            #endif
        }
        if let problem = world.nonFiniteDescription(names: names) {
            return RunResult(outcomes: outcomes, error: "at the end: \(problem)")
        }
        return RunResult(outcomes: outcomes, error: nil)
    }
}

/// A status outcome the engine checks inline: the flag's column (the step goes in the next), the
/// (state, bloc) cell, the status looked for and the last step counted.
struct InlineWatch: Sendable {
    var offset: Int
    var cell: Int
    var target: MembershipStatus
    var lastStep: Int
}

extension World {
    /// Names the first non-finite quantity, or nil when the state is finite.
    func nonFiniteDescription(names: WorldNames) -> String? {
        for i in 0..<stateCount where !capability[i].isFinite {
            return "capability of \(names.states[i]) is \(capability[i])"
        }
        for index in trust.indices where !trust[index].isFinite {
            return "trust of \(names.states[index / stateCount]) in \(names.states[index % stateCount]) is \(trust[index])"
        }
        for index in affinity.indices where !affinity[index].isFinite {
            return "affinity of \(names.states[index / blocCount]) for \(names.blocs[index % blocCount]) is \(affinity[index])"
        }
        return nil
    }
}
