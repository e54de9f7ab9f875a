import Foundation

/// Renames a folder to a name that must not exist, atomically: it fails with `EEXIST` instead of replacing
/// whatever appeared there (another process's results, a user's folder, even an empty one).
///
/// Linux: `renameat2(…, RENAME_NOREPLACE)` (glibc ≥ 2.28). Swift's Glibc module does not export it (it is
/// declared only under `_GNU_SOURCE`), so the symbol is looked up with `dlsym`. Where the call or the file
/// system does not support the flag (`ENOSYS`, `EINVAL`; some network file systems), the fallback is
/// `mkdir(to)` — which fails atomically when `to` exists — followed by moving each entry of `from` into the
/// new folder and removing `from`: never a replacement, though a reader may then see the folder filling.
/// macOS: `renamex_np(…, RENAME_EXCL)`.
public enum NoReplaceRename {
    /// Renames `from` to `to`; returns 0, or the `errno` of the failure (`EEXIST` when `to` exists).
    public static func rename(_ from: String, to: String) -> Int32 {
        #if canImport(Darwin)
        return renamex_np(from, to, UInt32(RENAME_EXCL)) == 0 ? 0 : errno
        #else
        if let call = renameat2 {
            if call(AT_FDCWD, from, AT_FDCWD, to, 1 /* RENAME_NOREPLACE */) == 0 { return 0 }
            let code = errno
            guard code == ENOSYS || code == EINVAL || code == ENOTSUP else { return code }
        }
        return moveByMakingFolder(from, to: to)
        #endif
    }

    #if !canImport(Darwin)
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    private static let renameat2: RenameAt2? = {
        guard let symbol = dlsym(nil, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()
    #endif

    /// The fallback: `mkdir(to)` (exclusive), then every entry of `from` renamed into it.
    static func moveByMakingFolder(_ from: String, to: String) -> Int32 {
        guard mkdir(to, 0o777) == 0 else { return errno }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: from)) ?? []
        for entry in entries where Foundation.rename(from + "/" + entry, to + "/" + entry) != 0 {
            let code = errno
            // Put back what was moved, so `from` is whole again and `to` is gone.
            for moved in (try? FileManager.default.contentsOfDirectory(atPath: to)) ?? [] {
                Foundation.rename(to + "/" + moved, from + "/" + moved)
            }
            rmdir(to)
            return code
        }
        rmdir(from)
        return 0
    }
}
