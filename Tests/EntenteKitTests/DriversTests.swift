import XCTest
@testable import EntenteCore
@testable import EntenteKit

/// The decomposition drivers.csv records: the affinity target's terms and the membership checks.
final class DriversTests: XCTestCase {
    func testTermsOfAnUnclampedTargetAreHalfTrustAndSecurityWithNoClamp() {
        // w_trust 0.6, τ 0.5, w_security 0.4, need 0.5, cover 1: (1 + 0.3 + 0.2)/2 = 0.75.
        let terms = AffinityTerms(blocTrust: 0.5, need: 0.5, cover: 1, wTrust: 0.6, wSecurity: 0.4)
        XCTAssertEqual(terms.half, 0.5)
        XCTAssertEqual(terms.trust, 0.15, accuracy: 1e-15)
        XCTAssertEqual(terms.security, 0.1, accuracy: 1e-15)
        XCTAssertEqual(terms.clamp, 0)
        XCTAssertEqual(terms.target, 0.75)
    }

    func testClampAdjustmentIsWhatTheClampToZeroOrOneAdds() {
        // (1 + 2·1 + 1·1·1)/2 = 2 → clamped to 1: the clamp adds −1.
        let high = AffinityTerms(blocTrust: 1, need: 1, cover: 1, wTrust: 2, wSecurity: 1)
        XCTAssertEqual(high.target, 1)
        XCTAssertEqual(high.clamp, -1)
        // (1 − 2·1 + 1·1·(−1))/2 = −1 → clamped to 0: the clamp adds +1.
        let low = AffinityTerms(blocTrust: -1, need: 1, cover: 0, wTrust: 2, wSecurity: 1)
        XCTAssertEqual(low.target, 0)
        XCTAssertEqual(low.clamp, 1)
    }

    func testTermsSumToTheModelsTargetBitForBitOverManyInputs() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let tau = Double.random(in: -1...1, using: &generator)
            let need = Double.random(in: 0...1, using: &generator)
            let cover = Double.random(in: 0...1, using: &generator)
            let wTrust = Double.random(in: 0...5, using: &generator)
            let wSecurity = Double.random(in: 0...5, using: &generator)
            let terms = AffinityTerms(blocTrust: tau, need: need, cover: cover, wTrust: wTrust, wSecurity: wSecurity)
            let model = min(1, max(0, (1 + wTrust * tau + wSecurity * need * (2 * cover - 1)) / 2))
            XCTAssertEqual(terms.target.bitPattern, model.bitPattern)
            XCTAssertEqual((((terms.half + terms.trust) + terms.security) + terms.clamp).bitPattern, model.bitPattern,
                           "τ \(tau) need \(need) cover \(cover) w \(wTrust) \(wSecurity)")
        }
    }

    func testMembershipChecksFollowRuleSix() {
        var parameters = ParameterValues.defaults  // freeze 0.05, leave 0.2 … hazard 2
        parameters[.hazard] = 2
        parameters[.freezeThreshold] = 0.05
        parameters[.leaveThreshold] = 0.2
        parameters[.hysteresis] = 0.02
        parameters[.joinThreshold] = 0.7
        parameters[.acceptThreshold] = 0.3
        let freeze = MembershipCheck(status: .member, gap: 0.15, affinity: 0.3, acceptance: nil, parameters: parameters)
        XCTAssertEqual(freeze.change, .freeze)
        XCTAssertEqual(freeze.hazard, 0.2, accuracy: 1e-15)
        XCTAssertEqual(freeze.probability, 1 - exp(-0.2), accuracy: 1e-15)
        XCTAssertEqual(MembershipCheck(status: .member, gap: 0.01, affinity: 0.5, acceptance: nil, parameters: parameters).probability, 0)
        let leave = MembershipCheck(status: .frozen, gap: 0.3, affinity: 0.2, acceptance: nil, parameters: parameters)
        XCTAssertEqual(leave.change, .leave)
        XCTAssertEqual(leave.hazard, 0.2, accuracy: 1e-15)
        let unfreeze = MembershipCheck(status: .frozen, gap: 0.0, affinity: 0.5, acceptance: nil, parameters: parameters)
        XCTAssertEqual(unfreeze.change, .unfreeze)
        XCTAssertEqual(unfreeze.probability, 1)
        let refused = MembershipCheck(status: .outside, gap: -0.3, affinity: 0.9, acceptance: 0.1, parameters: parameters)
        XCTAssertEqual(refused.change, .join)
        XCTAssertEqual(refused.probability, 0)
        let join = MembershipCheck(status: .left, gap: -0.3, affinity: 0.9, acceptance: 0.5, parameters: parameters)
        XCTAssertEqual(join.hazard, 0.4, accuracy: 1e-15)
        XCTAssertEqual(join.probability, 1 - exp(-0.4), accuracy: 1e-15)
    }

    func testRecordDriversParsesAndIsRefusedTwice() throws {
        XCTAssertTrue(try RecordOptions(parsing: "every=3,drivers").drivers)
        XCTAssertFalse(try RecordOptions(parsing: "every=3").drivers)
        XCTAssertThrowsError(try RecordOptions(parsing: ["drivers", "drivers"])) { error in
            XCTAssertEqual("\(error)".contains("'drivers' is given twice"), true, "\(error)")
        }
    }
}
