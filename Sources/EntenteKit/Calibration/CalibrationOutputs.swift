import EntenteCore
import Foundation

/// The CSV files of a calibration results folder besides particles.csv: generations.csv and posterior.csv.
public enum CalibrationOutputs {
    /// generations.csv's header.
    public static let generationsHeader = ["generation", "tolerance", "proposals", "acceptance_rate", "ess", "simulations", "seconds"]
    /// posterior.csv's header.
    public static let posteriorHeader = ["parameter", "mean", "sd", "q05", "q50", "q95"]

    /// particles.csv: every generation in order.
    public static func particlesCSV(_ populations: [ParticlePopulation], parameterNames: [String]) -> [UInt8] {
        var buffer = CSVBuffer(header: ParticlesFile.header(parameterNames: parameterNames, replicates: populations.first?.replicates ?? 1))
        for population in populations { ParticlesFile.append(population, to: &buffer) }
        return buffer.bytes
    }

    /// generations.csv: one row per generation; tolerance empty for generation 0 (every prior draw is
    /// accepted); acceptance rate = particles / proposals; ess = 1 / Σ W²; seconds = wall time.
    public static func generationsCSV(_ records: [GenerationRecord], populations: [ParticlePopulation]) -> [UInt8] {
        var buffer = CSVBuffer(header: generationsHeader)
        for (record, population) in zip(records, populations) {
            buffer.field(record.generation)
            if record.tolerance.isFinite { buffer.field(record.tolerance) } else { buffer.emptyField() }
            buffer.field(record.attempts)
            buffer.field(Double(population.count) / Double(max(record.attempts, 1)))
            buffer.field(WeightedSample.effectiveSampleSize(population.weights))
            buffer.field(record.simulations)
            buffer.field((record.seconds * 1000).rounded() / 1000)
            buffer.endRow()
        }
        return buffer.bytes
    }

    /// posterior.csv: per parameter, the weighted mean, sd and 5 %, 50 %, 95 % quantiles of `population`.
    public static func posteriorCSV(_ population: ParticlePopulation) -> [UInt8] {
        var buffer = CSVBuffer(header: posteriorHeader)
        for (j, name) in population.parameterNames.enumerated() {
            let sample = WeightedSample(values: (0..<population.count).map { population.value(particle: $0, parameter: j) },
                                        weights: population.weights)
            buffer.field(name)
            for value in [sample.mean, sample.sd, sample.quantile(0.05), sample.quantile(0.5), sample.quantile(0.95)] { buffer.field(value) }
            buffer.endRow()
        }
        return buffer.bytes
    }

    /// Reads generations.csv back (for `--resume`); refuses anything it did not write at file:line:column.
    public static func readGenerations(path: String) throws -> [GenerationRecord] {
        var reader = try CSVLineReader(path: path)
        guard reader.next() == generationsHeader else {
            throw EntenteError.data([Diagnostic("expected the header `\(generationsHeader.joined(separator: ","))`; generations.csv was edited — rerun the calibration",
                                                at: SourceLocation(file: path, line: 1, column: 1))])
        }
        var records: [GenerationRecord] = []
        while let row = reader.next() {
            guard row.count == generationsHeader.count, let generation = Int(row[0]), generation == records.count,
                  let attempts = Int(row[2]), let simulations = Int(row[5]), let seconds = Double(row[6]) else {
                throw EntenteError.data([Diagnostic("expected generation \(records.count) with \(generationsHeader.count) fields; generations.csv was cut or edited — rerun the calibration",
                                                    at: SourceLocation(file: path, line: reader.line, column: 1))])
            }
            let tolerance = row[1].isEmpty ? Double.infinity : (Double(row[1]) ?? .nan)
            records.append(GenerationRecord(generation: generation, tolerance: tolerance, attempts: attempts,
                                            simulations: simulations, seconds: seconds))
        }
        return records
    }
}
