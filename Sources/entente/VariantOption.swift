import EntenteKit

/// `--variant`, which names one variant: variants are not combined, so a second one is refused rather than
/// silently replacing the first (declare a variant in the file that makes both changes instead).
enum VariantOption {
    /// The one variant given, nil for none; a usage error naming them when several are given.
    static func single(_ names: [String]) throws -> String? {
        guard names.count > 1 else { return names.first }
        let given = names.map { "--variant \($0)" }.joined(separator: " ")
        throw EntenteError.usage("\(given): expected at most one --variant; variants are not combined — declare one in the file that makes both changes")
    }
}
