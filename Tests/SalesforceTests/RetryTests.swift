import Foundation
import SalesforceEmulator
import Testing
@testable import SFStreamSalesforce

@Suite("Retries")
struct RetryTests {
    static let emptyPage = #"{"totalSize":1,"done":true,"records":[{"attributes":{"type":"Case","url":"/services/data/v62.0/sobjects/Case/500xx0000000001AAA"},"Id":"500xx0000000001AAA"}]}"#

    func org(queryResponses: [HTTPResponse]) throws -> StubOrg {
        let queue = ResponseQueue(queryResponses)
        return try StubOrg { request, org in
            request.path == "/services/oauth2/token" ? org.tokenResponse("TOKEN-A") : queue.next()
        }
    }

    @Test func pageFailsTwiceThenSucceeds() async throws {
        let unavailable = HTTPResponse.json(status: 503, #"[{"errorCode":"SERVER_UNAVAILABLE","message":"try later"}]"#)
        let org = try org(queryResponses: [unavailable, unavailable, .json(status: 200, Self.emptyPage)])
        let logs = LogCollector()
        let client = try org.makeClient(configuration: .fastRetries(logger: logs.logger))
        let pages = PageCollector()
        try await client.query("SELECT Id FROM Case") { pages.append($0) }

        #expect(pages.recordIDs == ["500xx0000000001AAA"])
        #expect(org.apiRequests.count == 3)
        #expect(client.statistics().retries == 2)
        let retries = logs.all.filter { $0.message == "retrying Salesforce request after a transient failure" }
        #expect(retries.map { $0.field("attempt") } == ["2", "3"])
        #expect(retries.allSatisfy { $0.field("status") == "503" })
        #expect(retries.allSatisfy { $0.field("method") == "GET" })
        #expect(retries.allSatisfy { $0.field("path") == "/services/data/v62.0/query" })
    }

    @Test(arguments: [TransportFault.closeWithoutResponse, .closeMidBody(afterBytes: 20)])
    func droppedConnectionRetried(fault: TransportFault) async throws {
        let dropped = HTTPResponse.json(status: 200, Self.emptyPage).with(fault: fault)
        let org = try org(queryResponses: [dropped, .json(status: 200, Self.emptyPage)])
        let client = try org.makeClient()
        let pages = PageCollector()
        try await client.query("SELECT Id FROM Case") { pages.append($0) }
        #expect(pages.recordIDs == ["500xx0000000001AAA"])
        #expect(org.apiRequests.count == 2)
        // libcurl itself resends a request whose reused connection closed before any response
        // byte, so only the cut-off body is sure to reach the client's retry.
        if case .closeMidBody = fault {
            #expect(client.statistics().retries == 1)
        }
    }

    @Test func timeoutRetried() async throws {
        // FoundationNetworking counts the timeout in whole seconds. Three seconds leave the token
        // request and the fast second response room on a loaded machine.
        let slow = HTTPResponse.json(status: 200, Self.emptyPage).with(fault: .delay(milliseconds: 9000))
        let org = try org(queryResponses: [slow, .json(status: 200, Self.emptyPage)])
        let logs = LogCollector()
        let configuration = ClientConfiguration(
            requestTimeout: 3, maxRetries: 2, retryBaseDelay: 0.01, retryMaxDelay: 0.05, logger: logs.logger
        )
        let client = try org.makeClient(configuration: configuration)
        let pages = PageCollector()
        try await client.query("SELECT Id FROM Case") { pages.append($0) }

        #expect(pages.recordIDs == ["500xx0000000001AAA"])
        // The second, fast response can still pass the timeout on a loaded machine.
        #expect((1...2).contains(client.statistics().retries))
        #expect(logs.all.first { $0.message.description.hasPrefix("retrying") }?.field("error")?.contains("timed out") == true)
    }

    @Test func truncatedJSONRetried() async throws {
        let truncated = HTTPResponse.json(status: 200, String(Self.emptyPage.prefix(40)))
        let org = try org(queryResponses: [truncated, .json(status: 200, Self.emptyPage)])
        let client = try org.makeClient()
        let pages = PageCollector()
        try await client.query("SELECT Id FROM Case") { pages.append($0) }
        #expect(pages.recordIDs == ["500xx0000000001AAA"])
        #expect(client.statistics().retries == 1)
    }

    @Test func requestLimitNotRetried() async throws {
        let limit = HTTPResponse.json(status: 403, #"[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]"#)
        let org = try org(queryResponses: [limit, .json(status: 200, Self.emptyPage)])
        let client = try org.makeClient()
        let error = try await #require(throws: SalesforceError.self) {
            try await client.query("SELECT Id FROM Case") { _ in }
        }
        #expect(error.kind == .requestLimitExceeded)
        #expect(error.httpStatus == 403)
        #expect(error.description.contains("REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded."))
        // The code is named once, not once as the kind and again as the server's code.
        #expect(error.description.components(separatedBy: "REQUEST_LIMIT_EXCEEDED").count == 2, "\(error)")
        #expect(org.apiRequests.count == 1)
        #expect(client.statistics().retries == 0)
    }

    @Test func retriesBoundedByCount() async throws {
        let unavailable = HTTPResponse.json(status: 503, #"[{"errorCode":"SERVER_UNAVAILABLE","message":"down"}]"#)
        let org = try org(queryResponses: [unavailable])
        let client = try org.makeClient(configuration: .fastRetries(maxRetries: 2))
        let error = try await #require(throws: SalesforceError.self) {
            try await client.query("SELECT Id FROM Case") { _ in }
        }
        #expect(error.kind == .serverUnavailable)
        #expect(error.attempts == 3)
        #expect(error.description.contains("after 3 attempts"))
        #expect(org.apiRequests.count == 3)
    }

    @Test func retriesBoundedByTotalTime() async throws {
        let unavailable = HTTPResponse.json(status: 503, "[]")
        let org = try org(queryResponses: [unavailable])
        let configuration = ClientConfiguration(maxRetries: 50, retryBaseDelay: 0.01, retryMaxDelay: 0.02, retryMaxTotalTime: 0)
        let client = try org.makeClient(configuration: configuration)
        let error = try await #require(throws: SalesforceError.self) {
            try await client.query("SELECT Id FROM Case") { _ in }
        }
        #expect(error.kind == .serverUnavailable)
        #expect(org.apiRequests.count < 50)
    }

    @Test func limitInfoRecorded() async throws {
        var response = HTTPResponse.json(status: 200, Self.emptyPage)
        response.headers["Sforce-Limit-Info"] = "api-usage=42/15000"
        let org = try org(queryResponses: [response])
        let client = try org.makeClient()
        try await client.query("SELECT Id FROM Case") { _ in }
        #expect(client.statistics().apiUsage?.used == 42)
        #expect(client.statistics().apiUsage?.limit == 15000)
    }
}
