import ArgumentParser
import EntenteKit
import Foundation

/// `entente init NAME`: a commented starter scenario and sweep file in the current folder.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a commented starter scenario (NAME.yaml) and sweep file (NAME-sweep.yaml).",
        discussion: "Both files pass `entente check` as written. Refuses (exit 73), writing nothing, when either file exists."
    )

    @Argument(help: "The case's name: letters, digits, -, _ and . (the files are NAME.yaml and NAME-sweep.yaml).")
    var name: String

    @Option(help: "Folder to write into (default: the current folder; it must exist).", completion: .directory)
    var directory: String = "."

    func run() throws {
        try reportingErrors {
            guard StarterFiles.isValidName(name) else {
                throw EntenteError.usage("init \(name): expected a name of letters, digits, -, _ and . (not starting with . or -), used as the file stem")
            }
            let files = [(StarterFiles.scenarioFileName(name), StarterFiles.scenario(name: name)),
                         (StarterFiles.sweepFileName(name), StarterFiles.sweep(name: name))]
            let folder = URL(fileURLWithPath: directory)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
                throw EntenteError.noInput("\(directory): no such folder")
            }
            func shown(_ file: String) -> String { directory == "." ? file : folder.appendingPathComponent(file).relativePath }
            for (file, _) in files where FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path) {
                throw EntenteError.cannotCreate("\(shown(file)) exists; init never replaces a file (choose another name or remove it)")
            }
            var written: [URL] = []
            do {
                for (file, text) in files {
                    let url = folder.appendingPathComponent(file)
                    try Data(text.utf8).write(to: url, options: .withoutOverwriting)
                    written.append(url)
                }
            } catch {
                for url in written { try? FileManager.default.removeItem(at: url) }
                throw error
            }
            print("wrote \(shown(files[0].0)) and \(shown(files[1].0)); next: \(InvokedCommand.name) check \(InvokedCommand.quoted(shown(files[0].0)))")
        }
    }
}
