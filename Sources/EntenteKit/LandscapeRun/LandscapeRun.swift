import Foundation

/// `entente landscape`: analyses a system and writes its results folder atomically (``ResultsFolder``).
public enum LandscapeRun {
    /// What the command computed.
    public struct Report: Sendable {
        /// The landscape.
        public var landscape: Landscape
        /// Structural balance of the same propensities.
        public var balance: StructuralBalance
        /// Seconds spent analysing (not writing).
        public var seconds: Double
    }

    /// Analyses `input` and writes landscape.csv, balance.csv, actors.csv (and bipartitions.csv with
    /// `options.keepAll`) and manifest.json into `out`; `force` as for every command.
    public static func execute(_ input: LandscapeInput.Described, scenario: Scenario, options: LandscapeOptions,
                               out: String, force: Bool, commandLine: String) throws -> Report {
        let started = Date()
        let folder = try ResultsFolder(path: out, force: force, inputs: [scenario.file])
        do {
            let clock = Date()
            let landscape = try Landscape(system: input.system, options: options)
            let balance = try StructuralBalance(system: input.system, options: options)
            let seconds = Date().timeIntervalSince(clock)
            try folder.write("landscape.csv", bytes: LandscapeCSV.minima(landscape))
            try folder.write("balance.csv", bytes: LandscapeCSV.balance(balance))
            try folder.write("actors.csv", bytes: LandscapeCSV.actors(input.system, balance))
            if options.keepAll { try folder.write("bipartitions.csv", bytes: LandscapeCSV.bipartitions(landscape)) }
            let search = LandscapeManifest.Search(
                exhaustive: landscape.exhaustive, basinExact: landscape.basinExact, starts: landscape.starts,
                minima: landscape.minima.count,
                randomStream: "RandomStream(seed, point: \(LandscapeOptions.randomPoint), replicate: 0 landscape, 1 balance)",
                tolerance: landscape.tolerance)
            let manifest = LandscapeManifest(command: commandLine, started: started, scenario: ManifestInput(path: scenario.file),
                                             source: input.source.rawValue, at: input.when, replicatesAveraged: input.replicates,
                                             runFolder: input.runFolder, seed: options.seed, landscape: search)
            try folder.write("manifest.json", bytes: manifest.encoded())
            try folder.commit()
            return Report(landscape: landscape, balance: balance, seconds: seconds)
        } catch {
            folder.discard()
            throw error
        }
    }
}
