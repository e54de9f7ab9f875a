import EntenteCore
import Foundation

extension Shard {
    /// Parses `K/N` as `--shard` takes it.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let k = parts[0], let n = parts[1], n >= 1, k >= 0, k < n else {
            throw EntenteError.usage("--shard \(text): expected K/N with 0 ≤ K < N, for example --shard 0/4")
        }
        self.init(index: k, count: n)
    }
}
