internal import CGSL

/// Why GSL could not do something, in words for an error message.
public struct GSLFailure: Error, Sendable, Equatable {
    /// What failed, with GSL's own text where it gave one.
    public var message: String
}

extension GSLSetup {
    /// The eigenvalues of the symmetric n×n matrix `a` (row-major), largest first, and their eigenvectors
    /// (`vectors[i * n + k]` is component i of the vector of value k), by `gsl_eigen_symmv` and
    /// `gsl_eigen_symmv_sort` (by value, descending).
    public static func symmetricEigen(_ a: [Double], n: Int) -> Result<(values: [Double], vectors: [Double]), GSLFailure> {
        ensure()
        let matrix = gsl_matrix_alloc(n, n), values = gsl_vector_alloc(n), vectors = gsl_matrix_alloc(n, n), work = gsl_eigen_symmv_alloc(n)
        defer { gsl_matrix_free(matrix); gsl_vector_free(values); gsl_matrix_free(vectors); gsl_eigen_symmv_free(work) }
        guard let matrix, let values, let vectors, let work else {
            return .failure(GSLFailure(message: "gsl: out of memory for a \(n)×\(n) eigenproblem"))
        }
        for i in 0..<n { for j in 0..<n { gsl_matrix_set(matrix, i, j, a[i * n + j]) } }
        let status = gsl_eigen_symmv(matrix, values, vectors, work)
        guard status == GSL_SUCCESS else {
            return .failure(GSLFailure(message: "gsl_eigen_symmv failed (\(String(cString: gsl_strerror(status))))"))
        }
        let sortStatus = gsl_eigen_symmv_sort(values, vectors, GSL_EIGEN_SORT_VAL_DESC)
        guard sortStatus == GSL_SUCCESS else {
            return .failure(GSLFailure(message: "gsl_eigen_symmv_sort failed (\(String(cString: gsl_strerror(sortStatus))))"))
        }
        return .success(((0..<n).map { gsl_vector_get(values, $0) },
                         (0..<(n * n)).map { gsl_matrix_get(vectors, $0 / n, $0 % n) }))
    }
}
