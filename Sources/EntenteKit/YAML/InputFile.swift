import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an input file's bytes, describing each way that can fail as what it is: a missing file, a
/// symbolic link loop, a folder, a FIFO or device, a permission problem (exit 66), or a file over the size limit (exit 65).
enum InputFile {
    /// The bytes of the regular file at `path`; `name` is how messages call it.
    static func contents(of path: String, name: String, maxBytes: Int) throws -> Data {
        var info = stat()
        guard stat(path, &info) == 0 else { throw EntenteError.noInput("\(name): \(statProblem(path: path, errno: errno))") }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { throw EntenteError.noInput("\(name): is a directory, expected a YAML file") }
        guard type == S_IFREG else {
            throw EntenteError.noInput("\(name): is not a regular file (\(describe(type: type))); expected a YAML file")
        }
        let size = Int(info.st_size)
        if size > maxBytes {
            throw EntenteError.data([Diagnostic(
                "file is \(size) bytes; expected at most \(maxBytes) bytes (16 MiB) for a scenario or sweep file",
                at: SourceLocation(file: name, line: 1, column: 1))])
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw EntenteError.noInput("\(name): cannot be read: \(openProblem(errno: errno))") }
        defer { close(descriptor) }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw EntenteError.noInput("\(name): cannot be read: \(String(cString: strerror(errno)))")
            }
            data.append(contentsOf: chunk[0..<count])
            if data.count > maxBytes {  // grew while being read
                throw EntenteError.data([Diagnostic(
                    "file is over \(maxBytes) bytes; expected at most \(maxBytes) bytes (16 MiB) for a scenario or sweep file",
                    at: SourceLocation(file: name, line: 1, column: 1))])
            }
        }
        return data
    }

    /// Why `stat` failed, in words: a loop and a dangling link are not "no such file".
    private static func statProblem(path: String, errno code: Int32) -> String {
        switch code {
        case ELOOP:
            return "symbolic link loop (following its links leads back to a link already followed); expected a YAML file"
        case ENOENT:
            var link = stat()
            if lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { " (\($0))" } ?? ""
                return "is a symbolic link to a file that does not exist\(target)"
            }
            return "no such file"
        case ENOTDIR:
            return "no such file (a part of the path is a file, not a folder)"
        case EACCES:
            return "cannot be read: permission denied on a folder of its path"
        default:
            return "cannot be read: \(String(cString: strerror(code)))"
        }
    }

    private static func openProblem(errno code: Int32) -> String {
        code == EACCES ? "permission denied (check its permissions)" : String(cString: strerror(code))
    }

    private static func describe(type: mode_t) -> String {
        switch type {
        case S_IFIFO: return "a FIFO"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "file type \(String(type, radix: 8))"
        }
    }
}
