import Foundation
import Synchronization

/// A Salesforce org on loopback: the JWT bearer token endpoint, SOQL query with pagination,
/// sObject Collections retrieve, describe and single-record reads and writes, serving generated
/// records and real HTML e-mails. See `docs/emulator.md` for what it serves and how it differs
/// from a real org.
public final class SalesforceEmulator: Sendable {
    private let server: HTTPServer
    private let core: EmulatorCore

    /// Loads the corpus, generates nothing yet (records are built when read) and binds the port.
    /// It serves nothing until `start()`.
    public init(configuration: EmulatorConfiguration) throws {
        guard configuration.pageSize >= 1 else {
            throw EmulatorError.invalidConfiguration("pageSize must be at least 1, got \(configuration.pageSize)")
        }
        guard (0...1).contains(configuration.faultRate) else {
            throw EmulatorError.invalidConfiguration("faultRate must be within 0...1, got \(configuration.faultRate)")
        }
        if let count = configuration.recordCount, count < 0 {
            throw EmulatorError.invalidConfiguration("recordCount must not be negative, got \(count)")
        }
        let corpus = try configuration.corpusDirectory.map { try EmailCorpus(directory: $0) } ?? EmailCorpus.bundled()
        let slot = CoreSlot()
        server = try HTTPServer(port: configuration.port) { request in
            guard let core = slot.core else { return SalesforceResponses.serverError(status: 503) }
            return await core.handle(request)
        }
        core = try EmulatorCore(configuration: configuration, port: server.port, corpus: corpus)
        slot.core = core
    }

    /// Starts serving on a background thread.
    public func start() throws {
        try server.start()
    }

    /// Stops serving and drops open connections. The emulator cannot be started again.
    public func stop() {
        server.stop()
    }

    /// `http://127.0.0.1:PORT`, the URL to send JWT assertions to.
    public var loginURL: URL { core.loginURL }

    /// The URL the token response names as `instance_url`; the same server as `loginURL`.
    public var instanceURL: URL { core.loginURL }

    public var port: UInt16 { server.port }

    /// Live (not deleted) records per object API name.
    public var recordCounts: [String: Int] {
        let store = core.state.withLock { $0.store }
        var counts: [String: Int] = [:]
        for object in OrgSchema.all {
            counts[object.name] = store.liveCount(of: object)
        }
        return counts
    }

    /// Returns one JSON line for scripts that start the emulator:
    /// `{"login_url","instance_url","username","consumer_key","records":{"<object>":count}}`.
    public func startupLine() -> String {
        let counts = recordCounts
        var writer = JSONWriter()
        writer.object { line in
            line.string("login_url", loginURL.absoluteString)
            line.string("instance_url", instanceURL.absoluteString)
            line.string("username", core.configuration.username)
            line.string("consumer_key", core.configuration.consumerKey)
            var records = JSONWriter()
            records.object { entries in
                for object in OrgSchema.all {
                    entries.raw(object.name, String(counts[object.name, default: 0]))
                }
            }
            line.raw("records", records.text)
        }
        return writer.text
    }

    // MARK: - Faults

    /// Makes the next `times` requests to `target` meet `fault`. Injected faults are served in the
    /// order they were injected, before any random fault.
    public func inject(_ fault: EmulatorFault, on target: FaultTarget = .anyDataEndpoint, times: Int = 1) {
        core.state.withLock { $0.faults.inject(fault, on: target, times: times) }
    }

    /// Makes the next `times` requests to `endpoint` meet `fault`.
    public func inject(_ fault: EmulatorFault, on endpoint: EmulatorEndpoint, times: Int = 1) {
        inject(fault, on: .endpoint(endpoint), times: times)
    }

    /// Removes injected faults that have not been served yet.
    public func clearFaults() {
        core.state.withLock { $0.faults.removeAll() }
    }

    /// Every fault served so far, injected or random, in order.
    public var servedFaults: [ServedFault] {
        core.state.withLock { $0.faults.log }
    }

    /// Ends every session, so the next data request with any current token gets 401 `INVALID_SESSION_ID`.
    public func expireAllSessions() {
        core.state.withLock { $0.sessions.removeAll() }
    }

    /// REST data requests counted so far, as reported in `Sforce-Limit-Info`.
    public var apiRequestCount: Int {
        core.state.withLock { $0.apiUsage }
    }

    // MARK: - Records

    /// Creates a record and returns its 18-character Id. `CreatedDate`, `LastModifiedDate` and
    /// `SystemModstamp` are set to now.
    @discardableResult
    public func insertRecord(_ objectName: String, fields: [String: FieldValue]) throws -> String {
        try core.insert(try RecordEditing.object(named: objectName), fields: fields, now: SalesforceDateTime.nowMilliseconds())
    }

    /// Changes fields of a live record and moves its `LastModifiedDate` and `SystemModstamp` to now.
    public func updateRecord(_ objectName: String, id: String, fields: [String: FieldValue]) throws {
        try core.update(try RecordEditing.object(named: objectName), idText: id, fields: fields, now: SalesforceDateTime.nowMilliseconds())
    }

    /// Deletes a record: `query` no longer returns it, `queryAll` returns it with `IsDeleted` true.
    public func deleteRecord(_ objectName: String, id: String) throws {
        try core.delete(try RecordEditing.object(named: objectName), idText: id, now: SalesforceDateTime.nowMilliseconds())
    }

    /// Returns the 18-character Ids of the live records of an object, in Id order.
    public func recordIDs(_ objectName: String) throws -> [String] {
        let object = try RecordEditing.object(named: objectName)
        let store = core.state.withLock { $0.store }
        return (0..<store.count(of: object)).filter { !store.isDeleted(object, index: $0) }.map {
            store.generator.id(of: object, index: $0).value18
        }
    }
}

/// Lets the server's handler reach the core, which needs the server's port before it can exist.
private final class CoreSlot: Sendable {
    private let storage = Mutex<EmulatorCore?>(nil)

    var core: EmulatorCore? {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}
