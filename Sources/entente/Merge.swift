import ArgumentParser
import EntenteKit

/// `entente merge OUT_DIR`: joins the shards of a sweep into the result one process would have written.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge the shard folders of a sweep into runs.csv and points.csv.",
        discussion: "Refuses, writing nothing, when a shard is missing, duplicated, incomplete or from another sweep, or when --out holds a user's files, or other results without --force (docs/errors.md)."
    )

    @Argument(help: "The sweep's output folder holding shard-K-of-N/ folders, or the shard folders themselves.", completion: .directory)
    var folders: [String]

    @Option(help: "Where to write runs.csv and points.csv (default: the folder holding the shards).")
    var out: String?

    @Flag(help: "Replace runs.csv, points.csv and manifest.json of other Entente results in --out.")
    var force = false

    func run() throws {
        try reportingErrors {
            let result = try SweepMerger.merge(folders: folders, out: out, force: force)
            let failed = result.failed > 0 ? ", \(result.failed) failed" : ""
            print("\(result.folder): merged \(NumberText.count(result.shards, "shard")), \(NumberText.count(result.runs, "run"))\(failed); runs.csv and points.csv written")
            if result.failed == 0 && SensitivityAnalysis.applies(to: result.folder) {
                let analysis = try SensitivityAnalysis.analyze(folder: result.folder)
                print("\(analysis.path): \(analysis.rows) rows")
            }
        }
    }
}
