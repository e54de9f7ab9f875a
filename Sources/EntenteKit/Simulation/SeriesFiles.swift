/// The time-series files of `run` and `compare --record`, opened in a results folder with their headers.
enum SeriesFiles {
    /// One slot per ``SeriesFile/all`` entry: the file when `record` records it, nil otherwise.
    /// `compress` writes `NAME.csv.gz`; `variantColumn` puts a `variant` column first (compare); `model`
    /// chooses drivers.csv's header.
    static func create(in folder: ResultsFolder, record: RecordOptions, compress: Bool, variantColumn: Bool, model: Int) throws -> [OutputFile?] {
        var files: [OutputFile?] = []
        for series in SeriesFile.all {
            guard series.isRecorded(by: record) else {
                files.append(nil)
                continue
            }
            let file = try folder.create(compress ? series.name + ".gz" : series.name, compressed: compress)
            var header = CSVBuffer(header: (variantColumn ? ["variant"] : []) + series.columns(model: model))
            try file.flush(&header)
            files.append(file)
        }
        return files
    }
}
