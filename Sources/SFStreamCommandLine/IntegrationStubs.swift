// TEMPORARY: stand-ins for the emulator API; deleted at merge.
import Foundation

public struct EmulatorConfiguration: Sendable {
    public var certificatePEM: String
    public var port: UInt16 = 0
    public var corpusDirectory: URL? = nil
    public var recordCount: Int? = nil
    public var seed: UInt64 = 1
    public var pageSize: Int = 2000
    public var latencyMilliseconds: Int = 0
    public var faultRate: Double = 0
    public var username: String = "demo@example.com"
    public var consumerKey: String = "3MVG9emulator.consumer.key"
    public init(certificatePEM: String) { self.certificatePEM = certificatePEM }
}
public final class SalesforceEmulator: Sendable {
    public init(configuration: EmulatorConfiguration) throws {}
    public func start() throws {}
    public func stop() {}
    public var loginURL: URL { URL(string: "http://127.0.0.1:1")! }
    public var recordCounts: [String: Int] { [:] }
    public func startupLine() -> String { "{}" }
}
public enum TestKeyPair {
    public static func generate(bits: Int = 2048) throws -> (privateKeyPEM: String, certificatePEM: String) { ("", "") }
}
