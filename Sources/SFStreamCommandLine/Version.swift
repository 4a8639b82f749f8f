/// The version `sfstream --version` prints. This is the only place it is written.
public enum ToolVersion {
    public static let current = "0.1.0"
}
