import Foundation
import SalesforceEmulator
import Testing
@testable import SFStreamSalesforce

@Suite("Query pagination")
struct QueryPaginationTests {
    let soql = "SELECT Id, CaseNumber, Subject, Description FROM Case ORDER BY Id"

    @Test func shortPagesFollowedUntilDone() async throws {
        let org = try StubOrg { request, org in
            switch (request.method, request.path) {
            case ("POST", "/services/oauth2/token"): return org.tokenResponse("TOKEN-A")
            case ("GET", "/services/data/v62.0/query"): return org.fixture("pagination-short-pages/page-1.json")
            case ("GET", "/services/data/v61.0/query/0r8xx00000AbCdE-3"): return org.fixture("pagination-short-pages/page-2.json")
            case ("GET", "/services/data/v61.0/query/0r8xx00000AbCdE-6"): return org.fixture("pagination-short-pages/page-3.json")
            default: return .json(status: 404, #"[{"errorCode":"NOT_FOUND","message":"unexpected"}]"#)
            }
        }
        let client = try org.makeClient()
        let pages = PageCollector()
        try await client.query(soql) { pages.append($0) }

        #expect(pages.recordIDs == (1...7).map { "500xx000000000\($0)AAA" })
        #expect(pages.all.map(\.index) == [0, 1, 2])
        #expect(pages.all.map(\.records.count) == [3, 3, 1])
        #expect(pages.all.last?.done == true)
        #expect(pages.all.last?.totalSize == 7)
        #expect(org.apiRequests.map(\.path) == [
            "/services/data/v62.0/query",
            "/services/data/v61.0/query/0r8xx00000AbCdE-3",
            "/services/data/v61.0/query/0r8xx00000AbCdE-6",
        ])
        let firstQuery = try #require(org.apiRequests.first)
        #expect(firstQuery.target.contains("q=SELECT%20Id%2C%20CaseNumber"))
    }

    @Test func repeatedLocatorStops() async throws {
        let org = try StubOrg { request, org in
            switch request.path {
            case "/services/oauth2/token": return org.tokenResponse("TOKEN-A")
            case "/services/data/v62.0/query": return org.fixture("pagination-broken-locator/repeated-page-1.json")
            default: return org.fixture("pagination-broken-locator/repeated-page-2.json")
            }
        }
        let client = try org.makeClient()
        let pages = PageCollector()
        let error = try await #require(throws: SalesforceError.self) {
            try await client.query(soql) { pages.append($0) }
        }
        #expect(error.kind == .repeatedQueryLocator)
        #expect(error.locator == "/services/data/v61.0/query/0r8xx00000LoOp1-2")
        #expect(error.description.contains("0r8xx00000LoOp1-2"))
        #expect(org.apiRequests.count == 2)
        #expect(pages.recordIDs == (1...4).map { "500xx000000000\($0)AAA" })
    }

    @Test func missingLocatorStops() async throws {
        let org = try StubOrg { request, org in
            request.path == "/services/oauth2/token"
                ? org.tokenResponse("TOKEN-A")
                : org.fixture("pagination-broken-locator/missing-locator-page-1.json")
        }
        let client = try org.makeClient()
        let pages = PageCollector()
        let error = try await #require(throws: SalesforceError.self) {
            try await client.query(soql) { pages.append($0) }
        }
        #expect(error.kind == .missingQueryLocator)
        #expect(error.description.contains("done=false but nextRecordsUrl missing"))
        #expect(org.apiRequests.count == 1)
        #expect(pages.recordIDs.count == 2)
    }

    @Test func invalidQueryLocatorHasItsOwnKind() async throws {
        let org = try StubOrg { request, org in
            switch request.path {
            case "/services/oauth2/token": return org.tokenResponse("TOKEN-A")
            case "/services/data/v62.0/query": return org.fixture("pagination-short-pages/page-1.json")
            default: return .json(status: 404, #"[{"errorCode":"INVALID_QUERY_LOCATOR","message":"invalid query locator"}]"#)
            }
        }
        let client = try org.makeClient()
        let error = try await #require(throws: SalesforceError.self) {
            try await client.query(soql) { _ in }
        }
        #expect(error.kind == .invalidQueryLocator)
        #expect(error.locator == "/services/data/v61.0/query/0r8xx00000AbCdE-3")
        #expect(error.attempts == 1)
    }

    @Test func queryAllAndBatchSizeHeader() async throws {
        let org = try StubOrg { request, org in
            request.path == "/services/oauth2/token"
                ? org.tokenResponse("TOKEN-A")
                : .json(status: 200, #"{"totalSize":0,"done":true,"records":[]}"#)
        }
        let client = try org.makeClient(configuration: ClientConfiguration(queryBatchSize: 500))
        try await client.query(soql, includeDeleted: true) { _ in }
        let request = try #require(org.apiRequests.first)
        #expect(request.path == "/services/data/v62.0/queryAll")
        #expect(request.headers["Sforce-Query-Options"] == "batchSize=500")
    }

    @Test func malformedQueryRejectedWithoutRetry() async throws {
        let org = try StubOrg { request, org in
            request.path == "/services/oauth2/token"
                ? org.tokenResponse("TOKEN-A")
                : .json(status: 400, #"[{"errorCode":"MALFORMED_QUERY","message":"unexpected token: FORM"}]"#)
        }
        let client = try org.makeClient()
        let error = try await #require(throws: SalesforceError.self) {
            try await client.query("SELECT Id FORM Case") { _ in }
        }
        #expect(error.kind == .requestRejected)
        #expect(error.errorCode == "MALFORMED_QUERY")
        #expect(error.description.contains("MALFORMED_QUERY: unexpected token: FORM"))
        #expect(org.apiRequests.count == 1)
    }
}
