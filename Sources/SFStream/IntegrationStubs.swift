// TEMPORARY: stand-ins for the APIs other stages deliver; deleted at merge.
import Foundation
import SFStreamElements

public struct PartitionOptions: Sendable {
    public var metadata: ElementMetadata
    public init(metadata: ElementMetadata = ElementMetadata()) { self.metadata = metadata }
}
public struct PartitionError: Error, CustomStringConvertible { public var description: String }
public enum HTMLPartitioner {
    public static func partition(html: String, options: PartitionOptions) -> [Element] { [] }
    public static func partition(htmlBytes: [UInt8], declaredEncoding: String?, options: PartitionOptions) throws -> [Element] { [] }
}
public enum TextPartitioner {
    public static func partition(text: String, options: PartitionOptions) -> [Element] {
        var elements = [Element(type: .narrativeText, text: text, metadata: options.metadata)]
        ElementIDs.assign(to: &elements)
        return elements
    }
}
public enum ChunkingStrategy: String, Sendable, CaseIterable { case basic; case byTitle = "by_title" }
public struct ChunkingOptionsError: Error, CustomStringConvertible { public var description: String }
public struct ChunkingOptions: Sendable, Equatable {
    public var strategy: ChunkingStrategy
    public init(strategy: ChunkingStrategy, maxCharacters: Int? = nil, newAfterNChars: Int? = nil,
                combineTextUnderNChars: Int? = nil, overlap: Int = 0, overlapAll: Bool = false,
                multipageSections: Bool = true) throws(ChunkingOptionsError) { self.strategy = strategy }
}
public struct Chunker: Sendable {
    public init(options: ChunkingOptions) {}
    public func chunk(_ elements: [Element]) -> [Element] { elements }
}

public struct CredentialError: Error, CustomStringConvertible { public var description: String }
public struct PrivateKey: Sendable, CustomStringConvertible {
    public var description: String { "PrivateKey(redacted)" }
    public static func load(_ value: String, setting: String, passphrase: String? = nil) throws(CredentialError) -> PrivateKey { PrivateKey() }
    public static func load(fileAt path: String, setting: String, passphrase: String? = nil) throws(CredentialError) -> PrivateKey { PrivateKey() }
}
public struct SalesforceCredentials: Sendable {
    public init(username: String, consumerKey: String, privateKey: PrivateKey, loginURL: URL, audience: String? = nil) throws(CredentialError) {}
}
public struct ClientConfiguration: Sendable {
    public var apiVersion = "62.0"
    public var requestTimeout: Double = 60
    public init() {}
}
public enum JSONValue: Sendable, Hashable { case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue]) }
public struct SalesforceRecord: Sendable {
    public var type: String
    public var id: String
    public var url: String
    public var fields: [String: JSONValue]
    public func string(_ name: String) -> String? { if case .string(let s) = fields[name] { return s }; return nil }
}
public struct QueryPage: Sendable { public var records: [SalesforceRecord]; public var totalSize: Int; public var done: Bool; public var index: Int }
public struct ClientStatistics: Sendable { public var requests = 0; public var retries = 0; public var reauthentications = 0; public var apiUsage: (used: Int, limit: Int)? = nil }
public struct SalesforceError: Error, CustomStringConvertible { public var description: String; public var errorCode: String? }
public final class SalesforceClient: Sendable {
    public init(credentials: SalesforceCredentials, configuration: ClientConfiguration = .init()) {}
    public func authenticate() async throws {}
    public var instanceURL: URL? { get async { nil } }
    public func query(_ soql: String, includeDeleted: Bool = false, onPage: @Sendable (QueryPage) async throws -> Void) async throws {}
    public func retrieve(sObject: String, ids: [String], fields: [String]) async throws -> [SalesforceRecord?] { [] }
    public func statistics() -> ClientStatistics { ClientStatistics() }
}
