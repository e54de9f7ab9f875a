import CGSL
import EntenteCore
import Foundation
import XCTest

/// GSL's abort-on-error handler is off whenever a GSL-backed value exists: every GSL allocation in Sources
/// is one of `GSLSetup`'s, and each turns the handler off first, even after something restored GSL's default.
final class GSLSetupTests: XCTestCase {
    /// The handler GSL would call now (reading it means setting it, so it is put back at once).
    private func currentHandler() -> UnsafeRawPointer? {
        let handler = gsl_set_error_handler(nil)
        gsl_set_error_handler(handler)
        return handler.map { unsafeBitCast($0, to: UnsafeRawPointer.self) }
    }

    /// GSL's "off" handler (the function `gsl_set_error_handler_off` installs).
    private func offHandler() -> UnsafeRawPointer? {
        let previous = gsl_set_error_handler_off()
        let off = gsl_set_error_handler(previous)
        return off.map { unsafeBitCast($0, to: UnsafeRawPointer.self) }
    }

    /// Restores GSL's default handler, which aborts the process on any error.
    private func restoreAbortingDefault() { gsl_set_error_handler(nil) }

    override func tearDown() {
        _ = gsl_set_error_handler_off()
        super.tearDown()
    }

    func testCreatingAnyGSLBackedValueTurnsTheAbortHandlerOff() throws {
        let off = try XCTUnwrap(offHandler())
        let creations: [(String, () -> Void)] = [
            ("RandomStream", { _ = RandomStream(key: 1) }),
            ("DiscreteSampler", { _ = DiscreteSampler(weights: [1, 2]) }),
            ("SobolDesign", { _ = SobolDesign.unitPoints(dimensions: 2, samples: 1) }),
            ("SaltelliDesign", { _ = SaltelliDesign.baseMatrix(dimensions: 2, samples: 1, skip: 1) }),
            ("PerturbationKernel", { _ = PerturbationKernel(covariance: [1], dimension: 1, widths: [1]) }),
            ("symmetricEigen", { _ = GSLSetup.symmetricEigen([2, 0, 0, 1], n: 2) }),
        ]
        for (name, create) in creations {
            restoreAbortingDefault()
            XCTAssertNil(currentHandler(), "GSL's default handler is nil (abort)")
            create()
            XCTAssertEqual(currentHandler(), off, "\(name) left GSL's abort handler on")
        }
    }

    /// GSL's `gsl_qrng_alloc` ignores the Sobol initialiser's refusal of more than 40 dimensions and returns
    /// a generator of uninitialised numbers; `GSLSetup.sobol` refuses them itself.
    func testASobolDesignBeyondGSLsFortyDimensionsIsRowsOfNothingNotGarbage() {
        restoreAbortingDefault()
        XCTAssertEqual(SobolDesign.unitPoints(dimensions: 41, samples: 2), [[], []])
        restoreAbortingDefault()
        XCTAssertEqual(SaltelliDesign.baseMatrix(dimensions: 21, samples: 3, skip: 1), [[], [], []])
    }

    func testANotPositiveDefiniteCovarianceIsARidgeNotAnAbort() {
        restoreAbortingDefault()
        // Σ = [[1, 1], [1, 1]] is singular: gsl_linalg_cholesky_decomp1 reports GSL_EDOM, and the first ridge
        // (10⁻¹² × max(1, width²) = 10⁻¹²) makes it positive definite.
        let kernel = PerturbationKernel(covariance: [1, 1, 1, 1], dimension: 2, widths: [1, 1])
        XCTAssertEqual(kernel.ridge, 1e-12)
        XCTAssertEqual(kernel.cholesky[0], (1 + 1e-12).squareRoot())
        XCTAssertEqual(kernel.cholesky[1], 0)
    }

    func testSymmetricEigenSortsValuesDescendingWithTheirVectors() throws {
        // [[1, 2], [2, 1]]: eigenvalues 3 and −1 with vectors (1, 1)/√2 and (1, −1)/√2.
        let eigen = try GSLSetup.symmetricEigen([1, 2, 2, 1], n: 2).get()
        XCTAssertEqual(eigen.values[0], 3, accuracy: 1e-12)
        XCTAssertEqual(eigen.values[1], -1, accuracy: 1e-12)
        XCTAssertEqual(abs(eigen.vectors[0]), 0.5.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(eigen.vectors[0], eigen.vectors[2], accuracy: 1e-12, "column 0 is the vector of 3")
        XCTAssertEqual(eigen.vectors[1], -eigen.vectors[3], accuracy: 1e-12, "column 1 is the vector of −1")
    }

    func testAnEmptyEigenproblemIsAFailureWithAMessageNotAnAbort() {
        restoreAbortingDefault()
        guard case .failure(let failure) = GSLSetup.symmetricEigen([], n: 0) else { return XCTFail("expected a failure") }
        XCTAssertEqual(failure.message, "gsl: out of memory for a 0×0 eigenproblem")
    }

    /// Every `gsl_…_alloc(` (and `gsl_ran_discrete_preproc(`, `gsl_set_error_handler`) in Sources is in GSLSetup's files.
    func testGSLObjectsAreAllocatedOnlyByGSLSetup() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sources = root.appendingPathComponent("Sources")
        let files = try XCTUnwrap(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        let allocation = try NSRegularExpression(pattern: "gsl_[a-z0-9_]*_alloc\\(|gsl_ran_discrete_preproc\\(|gsl_set_error_handler")
        var found: [String] = []
        for file in files.sorted() where !file.hasPrefix("EntenteCore/Random/GSLSetup") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = String(line.components(separatedBy: "//").first ?? "")
                if allocation.firstMatch(in: code, range: NSRange(code.startIndex..., in: code)) != nil { found.append("\(file):\(number + 1)") }
            }
        }
        XCTAssertEqual(found, [])
    }
}
