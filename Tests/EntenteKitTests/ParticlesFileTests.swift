import EntenteCore
@testable import EntenteKit
import Foundation
import XCTest

/// particles.csv is the contract between `calibrate` (writer) and `--posterior` (reader).
final class ParticlesFileTests: XCTestCase {
    private func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("particles-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testPopulationsReadBackBitIdenticalToWhatWasWritten() throws {
        let first = ParticlePopulation(generation: 0, parameterNames: ["betrayal", "noise"],
                                       values: [2.0, 0.1, 0.1 + 0.2, 1e-300],
                                       weights: [0.25, 0.75], shares: [0.5, 1], distances: [0.5, 1.0 / 3.0, 0.125, .infinity])
        let second = ParticlePopulation(generation: 1, parameterNames: ["betrayal", "noise"],
                                        values: [1.5, 0.01], weights: [1], shares: [0.5], distances: [0.125, 1])
        var buffer = CSVBuffer(header: ParticlesFile.header(parameterNames: first.parameterNames, replicates: 2))
        ParticlesFile.append(first, to: &buffer)
        ParticlesFile.append(second, to: &buffer)
        let path = try write(String(decoding: buffer.bytes, as: UTF8.self))
        XCTAssertEqual(try ParticlesFile.read(path: path), [first, second])
        XCTAssertEqual(first.value(particle: 1, parameter: 0), 0.30000000000000004)
    }

    func testARowOfTheWrongGenerationIsRefusedAtItsLineAndColumn() throws {
        let path = try write("generation,particle,weight,betrayal,share,distance_1\n0,0,1,2,1,0.5\n2,0,1,2,1,0.5\n")
        XCTAssertThrowsError(try ParticlesFile.read(path: path)) { error in
            XCTAssertEqual((error as? EntenteError)?.description,
                           "\(path):3:1: error: expected generation 1 after generation 0; found 2; particles.csv was cut or edited — rerun or resume the calibration")
        }
    }

    func testANonNumericWeightIsRefused() throws {
        let path = try write("generation,particle,weight,betrayal,share,distance_1\n0,0,x,2,1,0.5\n")
        XCTAssertThrowsError(try ParticlesFile.read(path: path)) { error in
            XCTAssertEqual((error as? EntenteError)?.description,
                           "\(path):2:5: error: 'weight' must be a finite number; found 'x'; particles.csv was cut or edited — rerun or resume the calibration")
        }
    }
}
