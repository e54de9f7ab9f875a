import Dispatch

/// Times the BLAS product the balance rule calls, so benchmarks can compare a step with its dgemm.
public enum BLASTiming {
    /// Mean seconds of one N×N product T·Tᵀ through `gsl_blas_dgemm`, over `repeats` calls on a seeded matrix.
    public static func secondsPerProduct(n: Int, repeats: Int) -> Double {
        let random = RandomStream(key: 1)
        var matrix = (0..<(n * n)).map { _ in 2 * random.uniform() - 1 }
        var product = [Double](repeating: 0, count: n * n)
        Dynamics.multiplyByTranspose(&matrix, into: &product, n: n)  // warm-up
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<repeats { Dynamics.multiplyByTranspose(&matrix, into: &product, n: n) }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 / Double(max(1, repeats))
    }
}
