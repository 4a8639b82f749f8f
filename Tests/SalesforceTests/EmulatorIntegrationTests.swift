import Foundation
import SalesforceEmulator
import Testing
@testable import SFStreamSalesforce

/// The client against the full emulator: JWT verified with the certificate, SOQL, pagination,
/// collections, describe and injected faults.
@Suite("Client against the emulator")
struct EmulatorIntegrationTests {
    static let username = "integration@example.com"
    static let consumerKey = "3MVG9EXAMPLE.integration"

    func startEmulator(pageSize: Int = 7, certificate: String? = nil) throws -> SalesforceEmulator {
        var configuration = EmulatorConfiguration(certificatePEM: try certificate ?? TestKeys.text("cert.pem"))
        configuration.username = Self.username
        configuration.consumerKey = Self.consumerKey
        configuration.pageSize = pageSize
        configuration.recordCount = 30
        let emulator = try SalesforceEmulator(configuration: configuration)
        try emulator.start()
        return emulator
    }

    func makeClient(
        for emulator: SalesforceEmulator,
        username: String = username,
        configuration: ClientConfiguration = .fastRetries()
    ) throws -> SalesforceClient {
        let key = try PrivateKey.load(try TestKeys.path("key-pkcs1.pem"), setting: "--private-key-file")
        let credentials = try SalesforceCredentials(
            username: username, consumerKey: Self.consumerKey, privateKey: key, loginURL: emulator.loginURL
        )
        return SalesforceClient(credentials: credentials, configuration: configuration)
    }

    @Test func queryReadsEveryRecordAcrossPages() async throws {
        let emulator = try startEmulator()
        defer { emulator.stop() }
        let client = try makeClient(for: emulator)
        #expect(await client.instanceURL == nil)
        try await client.authenticate()
        #expect(await client.instanceURL == emulator.instanceURL)

        let pages = PageCollector()
        try await client.query("SELECT Id, CaseNumber, Subject FROM Case ORDER BY Id") { pages.append($0) }

        #expect(pages.recordIDs == (try emulator.recordIDs("Case")))
        #expect(pages.all.count == 5)
        #expect(pages.all.last?.done == true)
        #expect(pages.all.allSatisfy { $0.totalSize == 30 })
        #expect(pages.all.first?.records.first?.type == "Case")
        #expect(pages.all.first?.records.first?.string("CaseNumber") != nil)
        let usage = try #require(client.statistics().apiUsage)
        #expect(usage.used > 0)
        #expect(usage.limit == 100_000)
    }

    @Test func retrieveReturnsBodiesInOrder() async throws {
        let emulator = try startEmulator()
        defer { emulator.stop() }
        let client = try makeClient(for: emulator)
        let ids = try emulator.recordIDs("EmailMessage")
        let missing = "02s" + String(repeating: "0", count: 12) + "AAA"
        let requested = Array(ids.reversed()) + [missing]

        let records = try await client.retrieve(sObject: "EmailMessage", ids: requested, fields: ["Id", "Subject", "HtmlBody", "TextBody"])

        #expect(records.count == requested.count)
        #expect(records.dropLast().map { $0?.id } == requested.dropLast().map { $0 })
        #expect(records.last! == nil)
        #expect(records.contains { $0?.string("HtmlBody")?.contains("<") == true })
    }

    @Test func describeListsFields() async throws {
        let emulator = try startEmulator()
        defer { emulator.stop() }
        let client = try makeClient(for: emulator)
        let description = try await client.describe(sObject: "EmailMessage")
        #expect(description.name == "EmailMessage")
        #expect(description.field(named: "htmlbody")?.type == "textarea")
        #expect(description.isQueryable)
    }

    @Test func expiredSessionsRenewedMidQuery() async throws {
        let emulator = try startEmulator()
        defer { emulator.stop() }
        let client = try makeClient(for: emulator)
        let pages = PageCollector()
        try await client.query("SELECT Id FROM Case ORDER BY Id") { page in
            pages.append(page)
            if page.index == 1 { emulator.expireAllSessions() }
        }
        #expect(pages.recordIDs == (try emulator.recordIDs("Case")))
        #expect(client.statistics().reauthentications == 1)
    }

    @Test(arguments: [
        EmulatorFault.status(503), .status(502), .status(500), .closeWithoutResponse, .closeMidBody, .truncatedJSON,
    ])
    func transientFaultRetried(fault: EmulatorFault) async throws {
        let emulator = try startEmulator()
        defer { emulator.stop() }
        let client = try makeClient(for: emulator)
        emulator.inject(fault, on: .queryMore, times: 2)
        let pages = PageCollector()
        try await client.query("SELECT Id FROM Case ORDER BY Id") { pages.append($0) }
        #expect(pages.recordIDs == (try emulator.recordIDs("Case")))
        #expect(emulator.servedFaults.count == 2)
    }

    @Test func requestLimitSurfaces() async throws {
        let emulator = try startEmulator()
        defer { emulator.stop() }
        let client = try makeClient(for: emulator)
        emulator.inject(.requestLimitExceeded, on: .collections)
        let error = try await #require(throws: SalesforceError.self) {
            _ = try await client.retrieve(sObject: "Case", ids: try emulator.recordIDs("Case"), fields: ["Id"])
        }
        #expect(error.kind == .requestLimitExceeded)
        #expect(client.statistics().retries == 0)
    }

    @Test func expiredLocatorSurfaces() async throws {
        let emulator = try startEmulator()
        defer { emulator.stop() }
        let client = try makeClient(for: emulator)
        emulator.inject(.invalidQueryLocator, on: .queryMore)
        let pages = PageCollector()
        let error = try await #require(throws: SalesforceError.self) {
            try await client.query("SELECT Id FROM Case ORDER BY Id") { pages.append($0) }
        }
        #expect(error.kind == .invalidQueryLocator)
        #expect(error.locator != nil)
        #expect(pages.all.count == 1)
    }

    @Test func unknownUserRejected() async throws {
        let emulator = try startEmulator()
        defer { emulator.stop() }
        let client = try makeClient(for: emulator, username: "someone-else@example.com")
        let error = try await #require(throws: SalesforceError.self) { try await client.authenticate() }
        #expect(error.kind == .authenticationFailed)
        #expect(error.description.contains("pre-authorize the user"))
    }

    @Test func certificateOfOtherKeyRejected() async throws {
        let other = try TestKeyPair.generate()
        let emulator = try startEmulator(certificate: other.certificatePEM)
        defer { emulator.stop() }
        let client = try makeClient(for: emulator)
        let error = try await #require(throws: SalesforceError.self) { try await client.authenticate() }
        #expect(error.kind == .authenticationFailed)
        #expect(error.errorCode == "invalid_grant")
        #expect(error.description.contains("certificate uploaded to the app matches the private key"))
    }
}
