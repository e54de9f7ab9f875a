internal import CGSL

/// `design: saltelli` — Saltelli's (2010) scheme for Sobol indices, laid out exactly as SALib's
/// `saltelli.sample`, so SALib's `analyze.sobol` reads Entente's points in order.
///
/// The base matrix has N = `samples` rows of 2k columns: row n is GSL's Sobol point `skip + n`
/// in 2k dimensions (GSL's point 0 is the centre (0.5, …); the default skip 1 leaves it out,
/// as `design: sobol` does). A = its first k columns, B = its last k. For each base row n the
/// design holds, in this order, one block of k + 2 rows (2k + 2 with `second_order`):
/// A_n; AB_n,1 … AB_n,k (A_n with column i from B_n); [BA_n,1 … BA_n,k (B_n with column i from
/// A_n)]; B_n — SALib's `calc_second_order` layout.
public enum SaltelliDesign: SweepDesign {
    public static let name = "saltelli"

    /// Rows per base sample.
    public static func blockSize(dimensions k: Int, secondOrder: Bool) -> Int { secondOrder ? 2 * k + 2 : k + 2 }

    /// The base matrix: `samples` rows of GSL's 2k-dimensional Sobol sequence after `skip` points.
    public static func baseMatrix(dimensions k: Int, samples: Int, skip: Int) -> [[Double]] {
        guard k > 0, let generator = GSLSetup.sobol(dimensions: 2 * k) else {
            return Array(repeating: [], count: samples)
        }
        defer { gsl_qrng_free(generator) }
        var buffer = [Double](repeating: 0, count: 2 * k)
        for _ in 0..<skip { _ = gsl_qrng_get(generator, &buffer) }
        return (0..<samples).map { _ in
            _ = gsl_qrng_get(generator, &buffer)
            return buffer
        }
    }

    /// The unit-cube design built from any base matrix (rows of 2k values), in SALib's layout.
    public static func layout(base: [[Double]], dimensions k: Int, secondOrder: Bool) -> [[Double]] {
        var rows: [[Double]] = []
        rows.reserveCapacity(base.count * blockSize(dimensions: k, secondOrder: secondOrder))
        for row in base {
            let a = Array(row[0..<k]), b = Array(row[k..<(2 * k)])
            rows.append(a)
            for i in 0..<k {
                var ab = a
                ab[i] = b[i]
                rows.append(ab)
            }
            if secondOrder {
                for i in 0..<k {
                    var ba = b
                    ba[i] = a[i]
                    rows.append(ba)
                }
            }
            rows.append(b)
        }
        return rows
    }

    /// The unit-cube design.
    public static func unitPoints(dimensions k: Int, samples: Int, options: DesignOptions) -> [[Double]] {
        layout(base: baseMatrix(dimensions: k, samples: samples, skip: options.skip), dimensions: k, secondOrder: options.secondOrder)
    }

    public static func points(parameters: [SweepParameter], samples: Int, seed: UInt64) -> [[Double]] {
        points(parameters: parameters, samples: samples, seed: seed, options: DesignOptions())
    }

    public static func points(parameters: [SweepParameter], samples: Int, seed: UInt64, options: DesignOptions) -> [[Double]] {
        unitPoints(dimensions: parameters.count, samples: samples, options: options).map { unit in
            zip(parameters, unit).map { $0.value(at: $1) }
        }
    }
}
