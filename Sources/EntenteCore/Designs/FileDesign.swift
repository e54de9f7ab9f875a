/// `design: file` — points read from a CSV file of parameter columns (for example a sample made by
/// SALib or the EMA Workbench), one point per data row, in file order.
///
/// The core reads no files: EntenteKit's `DesignFileReader` validates the file and passes its rows
/// in ``DesignOptions/rows``, already in the sweep's parameter order.
public enum FileDesign: SweepDesign {
    public static let name = "file"

    public static func points(parameters: [SweepParameter], samples: Int, seed: UInt64) -> [[Double]] { [] }

    public static func points(parameters: [SweepParameter], samples: Int, seed: UInt64, options: DesignOptions) -> [[Double]] {
        options.rows ?? []
    }
}
