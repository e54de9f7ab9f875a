import EntenteKit
import XCTest

/// Pins the random streams: a change to seeding or to the generator changes every result
/// Entente has published, so it must show up here first.
///
/// The uniform draws were cross-checked against an independent Python implementation of
/// SplitMix64 + MT19937 (gsl_rng_uniform = 32-bit output / 2^32).
final class RandomStreamTests: XCTestCase {
    private func draws(_ stream: RandomStream, _ count: Int) -> [Double] {
        (0..<count).map { _ in stream.uniform() }
    }

    func testStreamKeysArePinned() {
        XCTAssertEqual(StreamSeed.key(seed: 2024, point: 0, replicate: 0), 0x9B07_FD51_BAC8_86BC)
        XCTAssertEqual(StreamSeed.key(seed: 7, point: 3, replicate: 5), 0xF647_DE43_E60E_C467)
        XCTAssertEqual(StreamSeed.key(seed: 2024, point: 0, replicate: 1), 0x1ABC_47B6_1AA4_3E57)
    }

    func testSplitMix64OfZeroIsTheReferenceValue() {
        // The first output of SplitMix64 seeded with 0 (Steele, Lea & Flood; Vigna's reference code).
        XCTAssertEqual(StreamSeed.mix(0), 0xE220_A839_7B1D_CDAF)
    }

    func testFirstFiveUniformsOfReplicate0ArePinned() {
        let stream = RandomStream(seed: 2024, point: 0, replicate: 0)
        XCTAssertEqual(draws(stream, 5), [
            0.8322555129416287, 0.3312500782776624, 0.29939623340032995, 0.4801389151252806, 0.4398646280169487,
        ])
    }

    func testFirstFiveUniformsOfReplicate1ArePinned() {
        let stream = RandomStream(seed: 2024, point: 0, replicate: 1)
        XCTAssertEqual(draws(stream, 5), [
            0.36057005217298865, 0.9572088241111487, 0.7769199176691473, 0.331253427779302, 0.9134026344399899,
        ])
    }

    func testStreamFromKeyEqualsStreamFromSeedPointReplicate() {
        let bySeed = RandomStream(seed: 7, point: 3, replicate: 5)
        let byKey = RandomStream(key: 0xF647_DE43_E60E_C467)
        XCTAssertEqual(draws(bySeed, 20), draws(byKey, 20))
    }

    func testFirstGaussianIsPinned() {
        let stream = RandomStream(seed: 2024, point: 0, replicate: 0)
        XCTAssertEqual(stream.gaussian(), 0.35500233606884246)
    }

    func testReplicateStreamsDiffer() {
        var seen = Set<[Double]>()
        for replicate in 0..<20 {
            let first = draws(RandomStream(seed: 2024, point: 0, replicate: replicate), 3)
            XCTAssertTrue(seen.insert(first).inserted, "replicate \(replicate) repeats another stream")
        }
        XCTAssertNotEqual(draws(RandomStream(seed: 2024, point: 0, replicate: 0), 5),
                          draws(RandomStream(seed: 2024, point: 1, replicate: 0), 5), "points differ too")
        XCTAssertNotEqual(draws(RandomStream(seed: 2024, point: 0, replicate: 0), 5),
                          draws(RandomStream(seed: 2025, point: 0, replicate: 0), 5), "seeds differ too")
    }

    func testSameKeyGivesIdenticalSequences() {
        let a = RandomStream(seed: 2024, point: 2, replicate: 9)
        let b = RandomStream(seed: 2024, point: 2, replicate: 9)
        // Past 624 draws, so mt19937 regenerates its state at least twice.
        XCTAssertEqual(draws(a, 1500), draws(b, 1500))
        XCTAssertEqual((0..<50).map { _ in a.gaussian() }, (0..<50).map { _ in b.gaussian() })
        XCTAssertEqual((0..<50).map { _ in a.integer(below: 7) }, (0..<50).map { _ in b.integer(below: 7) })
    }

    func testReseedRestartsTheStream() {
        let stream = RandomStream(seed: 2024, point: 0, replicate: 0)
        let first = draws(stream, 5)
        _ = draws(stream, 100)
        stream.reseed(key: StreamSeed.key(seed: 2024, point: 0, replicate: 0))
        XCTAssertEqual(draws(stream, 5), first)
    }

    func testStreamsDoNotDependOnCreationOrder() {
        // Replicate 5 first, then 0...4, draws interleaved across streams.
        let late = RandomStream(seed: 2024, point: 0, replicate: 5)
        var streams = (0..<5).map { RandomStream(seed: 2024, point: 0, replicate: $0) }
        streams.append(late)
        var interleaved = Array(repeating: [Double](), count: 6)
        for _ in 0..<10 {
            for index in [5, 3, 0, 4, 1, 2] { interleaved[index].append(streams[index].uniform()) }
        }
        for replicate in 0..<6 {
            let alone = draws(RandomStream(seed: 2024, point: 0, replicate: replicate), 10)
            XCTAssertEqual(interleaved[replicate], alone, "replicate \(replicate)")
        }
        XCTAssertEqual(Array(interleaved[0].prefix(2)), [0.8322555129416287, 0.3312500782776624])
        XCTAssertEqual(Array(interleaved[1].prefix(2)), [0.36057005217298865, 0.9572088241111487])
    }

    func testUniformsStayInTheHalfOpenUnitInterval() {
        let stream = RandomStream(seed: 1, point: 0, replicate: 0)
        let values = draws(stream, 10_000)
        XCTAssertTrue(values.allSatisfy { $0 >= 0 && $0 < 1 })
        let mean = values.reduce(0, +) / Double(values.count)
        XCTAssertEqual(mean, 0.5, accuracy: 0.02)
    }

    func testBernoulliUsesExactlyOneDrawEvenForCertainOutcomes() {
        let a = RandomStream(seed: 3, point: 0, replicate: 0)
        let b = RandomStream(seed: 3, point: 0, replicate: 0)
        XCTAssertFalse(a.bernoulli(0))
        XCTAssertTrue(a.bernoulli(1))
        _ = b.uniform(); _ = b.uniform()
        XCTAssertEqual(a.uniform(), b.uniform(), "streams stay aligned")
    }
}
