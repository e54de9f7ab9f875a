import Foundation

/// The one output-folder policy of every command that writes results (`run`, `compare`, `sweep`,
/// `merge --out`): which paths may be written, and which existing folders `--force` may replace.
///
/// The rule: no command deletes or replaces anything it did not create, unless told to with `--force`,
/// and then only a folder holding an Entente manifest (see ``isResultsFolder(_:)``). Paths that can never
/// be a results folder are refused (exit 64) before anything is simulated or created; a target whose
/// current contents forbid writing is refused with exit 73.
public struct OutputTarget {
    /// What is at the target path now.
    public enum Contents: Equatable, Sendable {
        /// Nothing: the folder will be created.
        case missing
        /// An empty folder.
        case emptyFolder
        /// A folder holding an Entente manifest.json.
        case results
        /// A non-empty folder without an Entente manifest: a user's files.
        case foreignFolder
        /// A file or anything else that is not a folder.
        case notAFolder
    }

    /// The path as the user gave it, for messages.
    public let argument: String
    /// The absolute path with symbolic links of its existing part resolved.
    public let resolved: URL
    /// What is there now.
    public let contents: Contents

    /// Checks `path` (the value of `option`) against the paths that can never be a results folder: empty,
    /// the current folder or one holding it (`.`, `..`, `/`), the home folder, an input file, or a folder
    /// holding an input file. Throws a usage error (64) naming the reason; creates nothing.
    public init(path: String, inputs: [String] = [], option: String = "--out") throws {
        argument = path
        guard !path.isEmpty else {
            throw EntenteError.usage("\(option) is empty (an unset shell variable?); name the folder to write, for example \(option) Results/NAME")
        }
        let target = Self.resolve(path)
        resolved = URL(fileURLWithPath: target)
        let shown = "\(option) \(FileProblem.display(path))"
        let advice = "name a folder of its own, for example \(option) Results/NAME"
        if target == "/" {
            throw EntenteError.usage("\(shown) is the root folder; \(advice)")
        }
        let current = Self.resolve(FileManager.default.currentDirectoryPath)
        if target == current {
            throw EntenteError.usage("\(shown) is the current folder; \(advice)")
        }
        if Self.path(target, isAncestorOf: current) {
            throw EntenteError.usage("\(shown) holds the current folder; \(advice)")
        }
        if let home = ProcessInfo.processInfo.environment["HOME"].flatMap({ $0.isEmpty ? nil : $0 }).map(Self.resolve) {
            if target == home { throw EntenteError.usage("\(shown) is the home folder; \(advice)") }
        }
        for input in inputs {
            let file = Self.resolve(input)
            if target == file { throw EntenteError.usage("\(shown) is the input file \(input); \(advice)") }
            if Self.path(target, isAncestorOf: file) {
                throw EntenteError.usage("\(shown) holds the input file \(input), which --force would delete; \(advice)")
            }
        }
        contents = Self.contents(of: target)
    }

    /// Refuses (exit 73) a target that holds anything but an Entente results folder, and one that holds
    /// results unless `force`. `alternatives` ends the message for existing results without `--force`.
    public func requireWritable(force: Bool,
                                alternatives: String = "pass --force to replace them or --out to write elsewhere") throws {
        if let refusal = Self.refusal(contents, shown: argument, force: force, alternatives: alternatives) { throw refusal }
    }

    /// The 73 error for writing to a target with `contents`, or nil when it may be written.
    public static func refusal(_ contents: Contents, shown: String, force: Bool,
                               alternatives: String = "pass --force to replace them or --out to write elsewhere") -> EntenteError? {
        switch contents {
        case .missing, .emptyFolder:
            return nil
        case .notAFolder:
            return .cannotCreate("\(shown) exists and is not a folder; choose another --out")
        case .foreignFolder:
            return .cannotCreate("\(shown) holds files Entente did not write (no Entente manifest.json); --force only replaces a results folder written by Entente, so choose another --out")
        case .results:
            return force ? nil : .cannotCreate("\(shown) already holds results; \(alternatives)")
        }
    }

    /// What is at `path` now (symbolic links followed).
    public static func contents(of path: String) -> Contents {
        var info = stat()
        // Not there, or unreachable (a file or an unreadable folder on the way): creating it reports why.
        guard stat(path, &info) == 0 else { return .missing }
        guard info.st_mode & S_IFMT == S_IFDIR else { return .notAFolder }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else { return .foreignFolder }
        if entries.allSatisfy({ $0 == FolderLock.fileName }) { return .emptyFolder }  // nothing, or only a sweep's lock file
        return isResultsFolder(path) ? .results : .foreignFolder
    }

    /// True when `folder` holds Entente's manifest.json: a regular file (not a symbolic link) of at most
    /// 16 MiB holding a JSON object whose `"tool"` is `"entente"` and whose `"command"` is a string. Every
    /// manifest `run`, `compare`, `sweep` and `merge` write has both fields.
    public static func isResultsFolder(_ folder: String) -> Bool {
        let path = folder + "/manifest.json"
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= 16 << 20,
              let data = FileManager.default.contents(atPath: path),
              let header = try? JSONDecoder().decode(ManifestHeader.self, from: data) else { return false }
        return header.tool == "entente"
    }

    /// `path` made absolute and normalised, with the symbolic links of the part that exists resolved
    /// (so `results` → `/scratch/results` and `a/../b` are compared as the folders they name).
    public static func resolve(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var resolved = "/"
        var existing = true
        for component in absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init) {
            if component == "." { continue }
            if component == ".." {
                resolved = (resolved as NSString).deletingLastPathComponent
                if resolved.isEmpty { resolved = "/" }
                continue
            }
            let candidate = resolved == "/" ? "/" + component : resolved + "/" + component
            if existing, let real = realpath(candidate, nil) {
                resolved = String(cString: real)
                free(real)
            } else {
                existing = false
                resolved = candidate
            }
        }
        return resolved
    }

    /// True when `ancestor` is a proper ancestor of `path` (both resolved).
    static func path(_ ancestor: String, isAncestorOf path: String) -> Bool {
        ancestor == "/" ? path != "/" : path.hasPrefix(ancestor + "/")
    }
}
