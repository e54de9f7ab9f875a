import EntenteCore

/// The `particles.csv` file of a calibration results folder: one row per particle and generation,
/// `generation,particle,weight,<parameter>…,distance`, numbers in shortest round-trip form so a
/// population read back is bit-identical to the one written.
public enum ParticlesFile {
    /// The header row for these parameters.
    public static func header(parameterNames: [String]) -> [String] {
        ["generation", "particle", "weight"] + parameterNames + ["distance"]
    }

    /// Appends the rows of `population` (particles in order) to `buffer`.
    public static func append(_ population: ParticlePopulation, to buffer: inout CSVBuffer) {
        for particle in 0..<population.count {
            buffer.field(population.generation)
            buffer.field(particle)
            buffer.field(population.weights[particle])
            for value in population.values(ofParticle: particle) { buffer.field(value) }
            buffer.field(population.distances[particle])
            buffer.endRow()
        }
    }

    /// Reads every generation in `path`, in order. Rows must be grouped by generation (0, 1, …),
    /// particles numbered 0, 1, … within each; any other content is refused at file:line:column
    /// (exit 65), so a cut or hand-edited file is never taken for a posterior.
    public static func read(path: String) throws -> [ParticlePopulation] {
        var reader = try CSVLineReader(path: path)
        guard let header = reader.next() else {
            throw EntenteError.data([Diagnostic("expected a header row `generation,particle,weight,…,distance` in particles.csv; found an empty file",
                                                at: SourceLocation(file: path, line: 1, column: 1))])
        }
        guard header.count >= 4, Array(header.prefix(3)) == ["generation", "particle", "weight"], header.last == "distance" else {
            throw EntenteError.data([Diagnostic("expected the header `generation,particle,weight,<parameter>…,distance`; found `\(header.joined(separator: ","))`",
                                                at: SourceLocation(file: path, line: 1, column: 1))])
        }
        let names = Array(header[3..<(header.count - 1)])
        var populations: [ParticlePopulation] = []
        var generation = -1
        var values: [Double] = [], weights: [Double] = [], distances: [Double] = []

        func flush() {
            guard generation >= 0 else { return }
            populations.append(ParticlePopulation(generation: generation, parameterNames: names,
                                                  values: values, weights: weights, distances: distances))
            values.removeAll(); weights.removeAll(); distances.removeAll()
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
                guard let value = Double(row[field]), value.isFinite else {
                    throw fail(field, "'\(header[field])' must be a finite number; found '\(row[field])'")
                }
                if field == 2 {
                    guard value >= 0 else { throw fail(field, "'weight' must be ≥ 0; found '\(row[field])'") }
                    weights.append(value)
                } else if field == row.count - 1 {
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
