/// The time-series files of `run` and `compare --record`, opened in a results folder with their headers.
enum SeriesFiles {
    /// One slot per ``SpillingRecorder/buffers`` entry: the five series files, then drivers.csv and
    /// landscape.csv when recorded (nil otherwise). `compress` writes `NAME.csv.gz`; `variantColumn`
    /// puts a `variant` column first (compare).
    static func create(in folder: ResultsFolder, record: RecordOptions, compress: Bool, variantColumn: Bool) throws -> [OutputFile?] {
        var files: [OutputFile?] = []
        let optional: [(String, [String])?] = [record.drivers ? ("drivers.csv", SeriesRecorder.driversHeader) : nil,
                                               record.landscape ? ("landscape.csv", SeriesRecorder.landscapeHeader) : nil]
        for entry in SeriesRecorder.headers.map(Optional.some) + optional {
            guard let (name, columns) = entry else {
                files.append(nil)
                continue
            }
            let file = try folder.create(compress ? name + ".gz" : name, compressed: compress)
            var header = CSVBuffer(header: (variantColumn ? ["variant"] : []) + columns)
            try file.flush(&header)
            files.append(file)
        }
        return files
    }
}
