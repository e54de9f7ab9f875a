import Foundation

/// The folders Entente created on the way to an output path, so that a failure removes exactly those
/// (and never a folder that was there before).
public struct CreatedDirectories: Sendable {
    /// The folders created, outermost first.
    public private(set) var paths: [String] = []

    /// Nothing created yet.
    public init() {}

    /// Creates `path` (absolute) and every missing folder above it, one at a time, remembering each.
    /// On failure removes those it created and throws a 73 naming `shown` and the cause.
    public static func create(_ path: String, shown: String) throws -> CreatedDirectories {
        var created = CreatedDirectories()
        var current = ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            current += "/" + component
            if mkdir(current, 0o777) == 0 {
                created.paths.append(current)
                continue
            }
            let code = errno
            var info = stat()
            if code == EEXIST, stat(current, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { continue }
            created.removeAll()
            throw FileProblem.cannot("create", shown, errno: code == EEXIST ? ENOTDIR : code)
        }
        return created
    }

    /// Removes the created folders, innermost first; one that is no longer empty is left alone.
    public func removeAll() {
        for path in paths.reversed() { rmdir(path) }
    }
}
