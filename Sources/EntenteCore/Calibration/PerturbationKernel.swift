internal import CGSL

/// ABC-SMC's perturbation kernel: a multivariate normal centred on the chosen ancestor whose covariance
/// is twice the weighted covariance of the previous population (Beaumont et al. 2009), drawn with
/// `gsl_ran_multivariate_gaussian` from its Cholesky factor (`gsl_linalg_cholesky_decomp1`).
public struct PerturbationKernel: Sendable {
    /// Number of parameters d.
    public let dimension: Int
    /// Σ, row-major d × d.
    public let covariance: [Double]
    /// Its Cholesky factor L (Σ = L Lᵀ), row-major, lower triangle (the upper part is 0).
    public let cholesky: [Double]
    /// The ridge added to the diagonal to make Σ positive definite (0 when none was needed).
    public let ridge: Double

    /// The kernel for `population`: Σ = 2 Σ_j W_j (θ_j − μ)(θ_j − μ)ᵀ with μ = Σ_j W_j θ_j and W the
    /// normalised weights. When Σ is not positive definite (all particles equal in some direction), a
    /// ridge r·I is added, starting at r = 10⁻¹² × max(1, largest prior width²) and multiplied by 100
    /// until the factorisation succeeds; `widths` are the prior supports' widths.
    public init(population: ParticlePopulation, widths: [Double]) {
        let d = population.parameterNames.count
        var mean = [Double](repeating: 0, count: d)
        for p in 0..<population.count {
            for j in 0..<d { mean[j] += population.weights[p] * population.value(particle: p, parameter: j) }
        }
        var sigma = [Double](repeating: 0, count: d * d)
        for p in 0..<population.count {
            let w = population.weights[p]
            for i in 0..<d {
                let a = population.value(particle: p, parameter: i) - mean[i]
                for j in 0..<d { sigma[i * d + j] += 2 * w * a * (population.value(particle: p, parameter: j) - mean[j]) }
            }
        }
        self.init(covariance: sigma, dimension: d, widths: widths)
    }

    /// The kernel with covariance `covariance` (row-major d × d), regularised as described above.
    public init(covariance: [Double], dimension d: Int, widths: [Double]) {
        GSLSetup.ensure()
        dimension = d
        var ridge = 0.0
        let scale = max(1, widths.map { $0 * $0 }.max() ?? 1)
        var factor = covariance
        for _ in 0..<40 {
            factor = covariance
            for i in 0..<d { factor[i * d + i] += ridge }
            let status = factor.withUnsafeMutableBufferPointer { buffer -> Int32 in
                var view = gsl_matrix_view_array(buffer.baseAddress, d, d)
                return gsl_linalg_cholesky_decomp1(&view.matrix)
            }
            if status == GSL_SUCCESS { break }
            ridge = ridge == 0 ? 1e-12 * scale : ridge * 100
        }
        for i in 0..<d { for j in (i + 1)..<max(i + 1, d) { factor[i * d + j] = 0 } }
        self.covariance = covariance
        self.cholesky = factor
        self.ridge = ridge
    }

    /// θ* = centre + L z with z a vector of d standard normals from `random` (`gsl_ran_multivariate_gaussian`).
    public func perturb(_ centre: ArraySlice<Double>, random: RandomStream) -> [Double] {
        var mu = Array(centre)
        var result = [Double](repeating: 0, count: dimension)
        var factor = cholesky
        let d = dimension
        let status = mu.withUnsafeMutableBufferPointer { muBuffer in
            result.withUnsafeMutableBufferPointer { resultBuffer in
                factor.withUnsafeMutableBufferPointer { lBuffer -> Int32 in
                    var muView = gsl_vector_view_array(muBuffer.baseAddress, d)
                    var resultView = gsl_vector_view_array(resultBuffer.baseAddress, d)
                    var lView = gsl_matrix_view_array(lBuffer.baseAddress, d, d)
                    return gsl_ran_multivariate_gaussian(random.rng, &muView.vector, &lView.matrix, &resultView.vector)
                }
            }
        }
        precondition(status == GSL_SUCCESS, "gsl_ran_multivariate_gaussian failed with status \(status)")
        return result
    }

    /// The kernel density K(x | centre) (`gsl_ran_multivariate_gaussian_pdf`).
    public func density(_ x: ArraySlice<Double>, centre: ArraySlice<Double>) -> Double {
        var point = Array(x)
        var mu = Array(centre)
        var factor = cholesky
        var work = [Double](repeating: 0, count: dimension)
        var result = 0.0
        let d = dimension
        let status = point.withUnsafeMutableBufferPointer { xBuffer in
            mu.withUnsafeMutableBufferPointer { muBuffer in
                factor.withUnsafeMutableBufferPointer { lBuffer in
                    work.withUnsafeMutableBufferPointer { workBuffer -> Int32 in
                        var xView = gsl_vector_view_array(xBuffer.baseAddress, d)
                        var muView = gsl_vector_view_array(muBuffer.baseAddress, d)
                        var lView = gsl_matrix_view_array(lBuffer.baseAddress, d, d)
                        var workView = gsl_vector_view_array(workBuffer.baseAddress, d)
                        return gsl_ran_multivariate_gaussian_pdf(&xView.vector, &muView.vector, &lView.matrix, &result, &workView.vector)
                    }
                }
            }
        }
        precondition(status == GSL_SUCCESS, "gsl_ran_multivariate_gaussian_pdf failed with status \(status)")
        return result
    }

    /// Σ_j W_j K(x | θ_j) over the particles of `population` with a positive weight: the mixture density
    /// in the denominator of the importance weights. The same `gsl_ran_multivariate_gaussian_pdf` as
    /// ``density(_:centre:)``, summed in particle order, with one set of buffers for all N terms.
    public func mixtureDensity(_ x: ArraySlice<Double>, population: ParticlePopulation) -> Double {
        let d = dimension
        var point = Array(x)
        var mu = [Double](repeating: 0, count: d)
        var factor = cholesky
        var work = [Double](repeating: 0, count: d)
        var mixture = 0.0
        point.withUnsafeMutableBufferPointer { xBuffer in
            mu.withUnsafeMutableBufferPointer { muBuffer in
                factor.withUnsafeMutableBufferPointer { lBuffer in
                    work.withUnsafeMutableBufferPointer { workBuffer in
                        var xView = gsl_vector_view_array(xBuffer.baseAddress, d)
                        var muView = gsl_vector_view_array(muBuffer.baseAddress, d)
                        var lView = gsl_matrix_view_array(lBuffer.baseAddress, d, d)
                        var workView = gsl_vector_view_array(workBuffer.baseAddress, d)
                        population.values.withUnsafeBufferPointer { values in
                            for j in 0..<population.count where population.weights[j] > 0 {
                                for i in 0..<d { muBuffer[i] = values[j * d + i] }
                                var result = 0.0
                                let status = gsl_ran_multivariate_gaussian_pdf(&xView.vector, &muView.vector, &lView.matrix, &result, &workView.vector)
                                precondition(status == GSL_SUCCESS, "gsl_ran_multivariate_gaussian_pdf failed with status \(status)")
                                mixture += population.weights[j] * result
                            }
                        }
                    }
                }
            }
        }
        return mixture
    }
}
