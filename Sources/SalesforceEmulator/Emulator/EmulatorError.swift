/// An error that keeps a `SalesforceEmulator` or a `TestKeyPair` from being created.
public enum EmulatorError: Error, CustomStringConvertible, Equatable {
    case invalidCertificate(String)
    case invalidCorpus(String)
    case invalidConfiguration(String)
    case keyGenerationFailed(String)

    public var description: String {
        switch self {
        case .invalidCertificate(let detail): "invalid certificate: \(detail)"
        case .invalidCorpus(let detail): "invalid corpus: \(detail)"
        case .invalidConfiguration(let detail): "invalid emulator configuration: \(detail)"
        case .keyGenerationFailed(let detail): "key generation failed: \(detail)"
        }
    }
}
