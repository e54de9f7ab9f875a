import EntenteCore
import Foundation
import XCTest

/// Code that needs one kind of event or outcome asks a typed question every type answers
/// (`scriptedMembership`, `lastingMeasure`, `liftRequest`, `datedStatus`), never "are you an X?" with a
/// downcast, so a new type is one file plus a registration.
final class TypedQueryTests: XCTestCase {
    func testOnlyAMembershipEventScriptsAMembershipChange() {
        let join = MembershipChange(state: 2, bloc: 1, action: .join)
        XCTAssertEqual(join.scriptedMembership?.state, 2)
        XCTAssertEqual(join.scriptedMembership?.bloc, 1)
        XCTAssertEqual(join.scriptedMembership?.action, .join)
        let others: [any EventEffect] = [
            BlocDissolution(bloc: 1),
            LastingMeasure<SanctionKind>(by: 0, target: 1, intensity: 1, startStep: 0, endStep: 5, endsByUntil: false),
            Lift(measureID: "s", measure: 0, by: 0, target: 1, measureType: "sanction"),
        ]
        for effect in others { XCTAssertNil(effect.scriptedMembership, "\(type(of: effect))") }
    }

    func testEveryKindOfLastingMeasureAnswersAsLiftableAndNothingElseDoes() {
        let measures: [any EventEffect] = [
            LastingMeasure<OccupationKind>(by: 0, target: 1, intensity: 1, startStep: 2, endStep: 9, endsByUntil: true),
            LastingMeasure<BlockadeKind>(by: 0, target: 1, intensity: 1, startStep: 2, endStep: 9, endsByUntil: true),
            LastingMeasure<SanctionKind>(by: 0, target: 1, intensity: 1, startStep: 2, endStep: 9, endsByUntil: true),
            LastingMeasure<BasingKind>(by: 0, target: 1, intensity: 1, startStep: 2, endStep: 9, endsByUntil: true),
        ]
        for effect in measures {
            let measure = effect.lastingMeasure
            XCTAssertEqual(measure?.startStep, 2, "\(type(of: effect))")
            XCTAssertEqual(measure?.endStep, 9)
            XCTAssertEqual(measure?.lifted(at: 5).endStep, 5)
            XCTAssertEqual(measure?.lifted(at: 5).endsByUntil, false)
            XCTAssertEqual(measure?.placed(at: 3).startStep, 3)
            XCTAssertNil(effect.liftRequest)
        }
        let lift = Lift(measureID: "s", measure: 0, by: 0, target: 1, measureType: "sanction")
        XCTAssertEqual(lift.liftRequest?.measureID, "s")
        XCTAssertNil(lift.lastingMeasure)
        XCTAssertNil(MembershipChange(state: 0, bloc: 0, action: .leave).lastingMeasure)
    }

    func testTheFiveDatedStatusOutcomesAnswerTheirStateBlocAndBound() {
        let dated: [any OutcomeMeasure] = [
            StatusOutcome.Left(measure: .init(state: 1, bloc: 2, byStep: 3, target: .left)),
            StatusOutcome.Frozen(measure: .init(state: 1, bloc: 2, byStep: 3, target: .frozen)),
            JoinedOutcome(state: 1, bloc: 2, byStep: 3),
            RejoinedOutcome(state: 1, bloc: 2, byStep: 3),
            UnfrozenOutcome(state: 1, bloc: 2, byStep: 3),
        ]
        for outcome in dated {
            XCTAssertEqual(outcome.datedStatus?.state, 1, "\(type(of: outcome))")
            XCTAssertEqual(outcome.datedStatus?.bloc, 2)
            XCTAssertEqual(outcome.datedStatus?.byStep, 3)
        }
        XCTAssertNil(TrustOutcome(from: 0, to: 1, atStep: nil).datedStatus)
    }

    /// The only casts left in Sources bridge errors (Swift errors, NSError's user info) in FileProblem.swift.
    func testSourcesCastOnlyToBridgeErrors() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sources = root.appendingPathComponent("Sources")
        let files = try XCTUnwrap(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        XCTAssertGreaterThan(files.count, 100)
        var found: [String] = []
        for file in files.sorted() where file != "EntenteKit/Support/FileProblem.swift" {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.components(separatedBy: "//").first ?? ""
                for cast in [" as? ", " as! ", " is any "] where code.contains(cast) { found.append("\(file):\(number + 1): \(cast)") }
            }
        }
        XCTAssertEqual(found, [])
    }
}
