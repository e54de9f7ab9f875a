import EntenteCore

/// The `particles.csv` file of a calibration results folder: one row per particle and generation,
/// `generation,particle,weight,<parameter>…,share,distance_1,…,distance_k`, numbers in shortest
/// round-trip form so a population read back is bit-identical to the one written (a replicate distance
/// of a numeric observation may be `inf`).
public enum ParticlesFile {
    /// The header row for these parameters and k replicates.
    public static func header(parameterNames: [String], replicates: Int) -> [String] {
        ["generation", "particle", "weight"] + parameterNames + ["share"] + (1...max(1, replicates)).map { "distance_\($0)" }
    }

    /// Appends the rows of `population` (particles in order) to `buffer`.
    public static func append(_ population: ParticlePopulation, to buffer: inout CSVBuffer) {
        for particle in 0..<population.count {
            buffer.field(population.generation)
            buffer.field(particle)
            buffer.field(population.weights[particle])
            for value in population.values(ofParticle: particle) { buffer.field(value) }
            buffer.field(population.shares[particle])
            for distance in population.distances(ofParticle: particle) { buffer.field(distance) }
            buffer.endRow()
        }
    }

    /// Reads every generation in `path`, in order. Rows must be grouped by generation (0, 1, …),
    /// particles numbered 0, 1, … within each; any other content is refused at file:line:column
    /// (exit 65), so a cut or hand-edited file is never taken for a posterior.
    public static func read(path: String) throws -> [ParticlePopulation] {
        var reader = try CSVLineReader(path: path)
        guard let header = reader.next() else {
            throw EntenteError.data([Diagnostic("expected a header row `generation,particle,weight,…,share,distance_1,…` in particles.csv; found an empty file",
                                                at: SourceLocation(file: path, line: 1, column: 1))])
        }
        let shareColumn = header.firstIndex(of: "share") ?? header.count
        let replicates = header.count - shareColumn - 1
        guard header.count >= 5, Array(header.prefix(3)) == ["generation", "particle", "weight"], replicates >= 1,
              header[(shareColumn + 1)...].elementsEqual((1...replicates).map { "distance_\($0)" }) else {
            throw EntenteError.data([Diagnostic("expected the header `generation,particle,weight,<parameter>…,share,distance_1,…,distance_k`; found `\(header.joined(separator: ","))`",
                                                at: SourceLocation(file: path, line: 1, column: 1))])
        }
        let names = Array(header[3..<shareColumn])
        var populations: [ParticlePopulation] = []
        var generation = -1
        var values: [Double] = [], weights: [Double] = [], shares: [Double] = [], distances: [Double] = []

        func flush() {
            guard generation >= 0 else { return }
            populations.append(ParticlePopulation(generation: generation, parameterNames: names,
                                                  values: values, weights: weights, shares: shares, distances: distances))
            values.removeAll(); weights.removeAll(); shares.removeAll(); distances.removeAll()
        }

        while let row = reader.next() {
            let line = reader.line
            func fail(_ field: Int, _ message: String) -> EntenteError {
                let column = 1 + row.prefix(min(field, row.count)).reduce(0) { $0 + $1.utf8.count + 1 }
                return EntenteError.data([Diagnostic(message + "; particles.csv was cut or edited — rerun or resume the calibration",
                                                     at: SourceLocation(file: path, line: line, column: column))])
            }
            guard row.count == header.count else {
                throw fail(min(row.count, header.count), "expected \(header.count) fields; found \(row.count)")
            }
            guard let rowGeneration = Int(row[0]), rowGeneration >= 0 else {
                throw fail(0, "'generation' must be a whole number ≥ 0; found '\(row[0])'")
            }
            if rowGeneration != generation {
                guard rowGeneration == generation + 1 else {
                    throw fail(0, "expected generation \(generation + 1) after generation \(generation); found \(rowGeneration)")
                }
                flush()
                generation = rowGeneration
            }
            guard Int(row[1]) == weights.count else {
                throw fail(1, "expected particle \(weights.count) of generation \(generation); found '\(row[1])'")
            }
            for field in 2..<row.count {
                guard let value = Double(row[field]), value.isFinite || (field > shareColumn && value == .infinity) else {
                    throw fail(field, "'\(header[field])' must be a finite number; found '\(row[field])'")
                }
                if field == 2 {
                    guard value >= 0 else { throw fail(field, "'weight' must be ≥ 0; found '\(row[field])'") }
                    weights.append(value)
                } else if field == shareColumn {
                    guard value >= 0, value <= 1 else { throw fail(field, "'share' must lie in [0, 1]; found '\(row[field])'") }
                    shares.append(value)
                } else if field > shareColumn {
                    distances.append(value)
                } else {
                    values.append(value)
                }
            }
        }
        flush()
        return populations
    }
}
