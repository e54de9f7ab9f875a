/// Tells a sweep file from a scenario file: a sweep file has `scenario:` at the top.
public enum SweepFileDetector {
    /// True when a parsed file is a mapping with a `scenario` key (and no `states`).
    public static func isSweep(_ root: YAMLNode) -> Bool {
        root["scenario"] != nil && root["states"] == nil
    }
}
