import Foundation

/// Turns a file-system failure (a POSIX `errno`, or a Foundation error wrapping one) into one sentence a
/// user can act on: what could not be done, to which path, and why in plain words. Every file-system
/// error Entente reports goes through here, so no `NSCocoaErrorDomain` text ever reaches a terminal.
public enum FileProblem {
    /// The cause of `code` in words: the system's text (stable, searchable: "No space left on device")
    /// followed, for the common cases, by what it means here.
    public static func cause(errno code: Int32) -> String {
        let system = String(cString: strerror(code))
        guard let hint = hints[code] else { return system }
        return "\(system) (\(hint))"
    }

    /// The cause of any error: the POSIX code it carries when there is one, else a short generic text.
    public static func cause(of error: Error) -> String {
        if let code = posixCode(of: error) { return cause(errno: code) }
        if let error = error as? EntenteError { return error.description.replacingOccurrences(of: "error: ", with: "") }
        return "an unexpected file-system error"
    }

    /// "cannot ACTION PATH: CAUSE" as a 73 (cannot create) error.
    public static func cannot(_ action: String, _ path: String, errno code: Int32) -> EntenteError {
        .cannotCreate("cannot \(action) \(display(path)): \(cause(errno: code))")
    }

    /// "cannot ACTION PATH: CAUSE" as a 73 (cannot create) error, from a thrown error.
    public static func cannot(_ action: String, _ path: String, error: Error) -> EntenteError {
        if let error = error as? EntenteError { return error }
        return .cannotCreate("cannot \(action) \(display(path)): \(cause(of: error))")
    }

    /// Any error as an ``EntenteError``: Entente's own unchanged; a Foundation file error as a sentence
    /// naming its path (66 for a read, 73 for a write); anything else as an internal error (70).
    public static func ententeError(from error: Error) -> EntenteError {
        if let error = error as? EntenteError { return error }
        let nsError = error as NSError
        let path = (nsError.userInfo[NSFilePathErrorKey] as? String)
            ?? (nsError.userInfo[NSURLErrorKey] as? URL)?.path ?? "a file"
        if nsError.domain == NSCocoaErrorDomain, (256..<512).contains(nsError.code) || nsError.code == 4 {
            return .noInput("cannot read \(display(path)): \(cause(of: error))")
        }
        if nsError.domain == NSCocoaErrorDomain || nsError.domain == NSPOSIXErrorDomain {
            return .cannotCreate("cannot write \(display(path)): \(cause(of: error))")
        }
        return .software("internal error (\(type(of: error))); please report it with the command line")
    }

    /// The POSIX error code an error carries: itself, its underlying error, or the one its Cocoa code stands for.
    public static func posixCode(of error: Error) -> Int32? {
        if let error = error as? POSIXError { return error.code.rawValue }
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return Int32(nsError.code) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        guard nsError.domain == NSCocoaErrorDomain else { return nil }
        switch CocoaError.Code(rawValue: nsError.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
        case .fileReadNoPermission, .fileWriteNoPermission: return EACCES
        case .fileWriteOutOfSpace: return ENOSPC
        case .fileWriteVolumeReadOnly: return EROFS
        case .fileWriteFileExists: return EEXIST
        case .fileReadTooLarge: return EFBIG
        case .fileWriteInvalidFileName, .fileReadInvalidFileName: return ENAMETOOLONG
        default: return nil
        }
    }

    /// A path as shown in a message; one longer than 240 characters keeps its start and end.
    public static func display(_ path: String) -> String {
        guard path.count > 240 else { return path }
        return "\(path.prefix(100))…\(path.suffix(100)) (\(path.count) characters)"
    }

    private static let hints: [Int32: String] = [
        ENOENT: "a folder on the way does not exist or was removed",
        ENOTDIR: "a part of the path is a file, not a folder",
        EISDIR: "it is a folder",
        EACCES: "you lack the permission to write there",
        EPERM: "the operation is not permitted there",
        EROFS: "the file system is mounted read-only",
        ENOSPC: "the disk is full",
        EDQUOT: "your disk quota is used up",
        EFBIG: "a file size limit, such as ulimit -f, was reached",
        ENAMETOOLONG: "the path, or a name in it, is longer than the system allows",
        ELOOP: "the path goes through a loop of symbolic links",
        EEXIST: "something with that name is already there",
        ENOTEMPTY: "the folder is not empty",
        EBUSY: "it is in use, for example a mount point",
        EXDEV: "it lies on another file system",
        EMFILE: "this process has too many files open",
        ENFILE: "the system has too many files open",
        EIO: "an input/output error of the disk or network file system",
    ]
}
