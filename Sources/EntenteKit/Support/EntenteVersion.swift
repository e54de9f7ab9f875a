/// The version of Entente, printed by `--version` and written in manifests.
public enum EntenteVersion {
    /// Semantic version.
    public static let current = "0.2.0"
}
