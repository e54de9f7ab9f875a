import Foundation

/// A file written through a POSIX descriptor, with every failure (full disk, file size limit)
/// turned into an ``EntenteError`` instead of a crash.
public final class OutputFile {
    private var descriptor: Int32
    /// The path written.
    public let path: String
    /// The gzip compressor of a file created with `compressed: true`.
    private let deflater: GzipDeflater?

    /// SIGXFSZ ignored, once per process: a file size limit then fails a write with EFBIG (reported as an
    /// error) instead of killing the process.
    private static let ignoreFileSizeSignal: Void = { _ = signal(SIGXFSZ, SIG_IGN) }()

    /// Creates (truncates) `path`; with `compressed`, what is written goes to it gzip-compressed.
    public init(path: String, append: Bool = false, compressed: Bool = false) throws {
        self.path = path
        deflater = compressed ? try GzipDeflater() : nil
        _ = Self.ignoreFileSizeSignal
        descriptor = open(path, O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC) | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw FileProblem.cannot("create", path, errno: errno)
        }
    }

    /// Writes all of `bytes` (compressed, when the file is).
    public func write(_ bytes: [UInt8]) throws {
        if let deflater {
            try deflater.compress(bytes) { try writeRaw($0) }
        } else {
            try writeRaw(bytes)
        }
    }

    private func writeRaw(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw FileProblem.cannot("write", path, errno: errno)
                }
                offset += written
            }
        }
    }

    /// Writes a CSV buffer and empties it.
    public func flush(_ buffer: inout CSVBuffer) throws {
        try write(buffer.bytes)
        buffer.removeAll()
    }

    /// True when the file was deleted after it was opened (its folder removed, say): writes still
    /// succeed, into a file that nobody can read any more.
    public var isDeleted: Bool {
        var info = stat()
        return descriptor >= 0 && fstat(descriptor, &info) == 0 && info.st_nlink == 0
    }

    /// Forces the data to disk; a failure (EIO, disk full on a delayed allocation) is an error.
    public func sync() throws {
        guard descriptor >= 0 else { return }
        if fsync(descriptor) != 0 {
            throw EntenteError.cannotCreate("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Forces a folder's entries (files created or renamed in it) to disk.
    public static func syncFolder(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw EntenteError.cannotCreate("cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { Foundation.close(descriptor) }
        if fsync(descriptor) != 0 && errno != EINVAL {
            throw EntenteError.cannotCreate("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Closes the file (ending the gzip stream first, when compressed).
    public func close() throws {
        guard descriptor >= 0 else { return }
        if let deflater { try deflater.finish { try writeRaw($0) } }
        let result = Foundation.close(descriptor)
        descriptor = -1
        if result != 0 { throw FileProblem.cannot("close", path, errno: errno) }
    }

    deinit { if descriptor >= 0 { Foundation.close(descriptor) } }
}
