import Foundation
import SalesforceEmulator
import Testing
@testable import SFStreamSalesforce

@Suite("Session renewal")
struct SessionRenewalTests {
    static let tokenA = "00Dxx0000000001!EXAMPLE.FIRST.TOKEN.NOT.REAL"
    static let renewedToken = "00Dxx0000000001!EXAMPLE.RENEWED.TOKEN.NOT.REAL"

    /// Returns the org of the expired-session fixture. Page 2 returns 401 for the first token,
    /// and for the renewed one as well when `rejectRenewedToken` is set.
    func expiringOrg(rejectRenewedToken: Bool) throws -> StubOrg {
        let tokenCount = Counter()
        return try StubOrg { request, org in
            let authorization = request.headers["Authorization"]
            switch request.path {
            case "/services/oauth2/token":
                return tokenCount.increment() == 1
                    ? org.tokenResponse(Self.tokenA)
                    : org.fixture("session-expired/token-renewed.json")
            case "/services/data/v62.0/query":
                guard authorization == "Bearer \(Self.tokenA)" else { return org.fixture("session-expired/page-2-expired.json", status: 401) }
                return org.fixture("session-expired/page-1.json")
            case "/services/data/v61.0/query/0r8xx00000SeSs1-2":
                if authorization == "Bearer \(Self.renewedToken)" && !rejectRenewedToken {
                    return org.fixture("session-expired/page-2.json")
                }
                return org.fixture("session-expired/page-2-expired.json", status: 401)
            default:
                return .json(status: 404, #"[{"errorCode":"NOT_FOUND","message":"unexpected"}]"#)
            }
        }
    }

    @Test func expiredSessionRenewedOnce() async throws {
        let org = try expiringOrg(rejectRenewedToken: false)
        let logs = LogCollector()
        let client = try org.makeClient(configuration: .fastRetries(logger: logs.logger))
        let pages = PageCollector()
        try await client.query("SELECT Id, CaseNumber, Subject, Description FROM Case ORDER BY Id") { pages.append($0) }

        #expect(pages.recordIDs == (1...4).map { "500xx000000000\($0)AAA" })
        let sequence = org.requests.map { "\($0.method) \($0.path) \($0.authorization ?? "-")" }
        #expect(sequence == [
            "POST /services/oauth2/token -",
            "GET /services/data/v62.0/query Bearer \(Self.tokenA)",
            "GET /services/data/v61.0/query/0r8xx00000SeSs1-2 Bearer \(Self.tokenA)",
            "POST /services/oauth2/token -",
            "GET /services/data/v61.0/query/0r8xx00000SeSs1-2 Bearer \(Self.renewedToken)",
        ])
        #expect(org.tokenRequests.allSatisfy { $0.form["grant_type"] == "urn:ietf:params:oauth:grant-type:jwt-bearer" })
        #expect(org.tokenRequests.allSatisfy { $0.form["assertion"]?.split(separator: ".").count == 3 })
        let statistics = client.statistics()
        #expect(statistics.reauthentications == 1)
        #expect(statistics.tokenRequests == 2)
        #expect(statistics.retries == 0)
        for line in logs.lines {
            #expect(!line.contains("EXAMPLE.FIRST.TOKEN"))
            #expect(!line.contains("EXAMPLE.RENEWED.TOKEN"))
        }
    }

    @Test func secondRejectionStops() async throws {
        let org = try expiringOrg(rejectRenewedToken: true)
        let client = try org.makeClient()
        let pages = PageCollector()
        let error = try await #require(throws: SalesforceError.self) {
            try await client.query("SELECT Id FROM Case") { pages.append($0) }
        }
        #expect(error.kind == .sessionInvalidAfterReauthentication)
        #expect(error.description.contains("INVALID_SESSION_ID"))
        #expect(error.description.contains("re-authentication did not help"))
        #expect(!error.description.contains("TOKEN"))
        #expect(org.tokenRequests.count == 2)
        #expect(pages.recordIDs.count == 2)
    }

    @Test func concurrentRejectionsShareOneTokenRequest() async throws {
        let tokenCount = Counter()
        let org = try StubOrg { request, org in
            if request.path == "/services/oauth2/token" {
                let number = tokenCount.increment()
                // Keep the renewal in flight long enough for every caller to join it.
                if number > 1 { try? await Task.sleep(for: .milliseconds(200)) }
                return org.tokenResponse("TOKEN-\(number)")
            }
            guard request.headers["Authorization"] != "Bearer TOKEN-1" else {
                return .json(status: 401, #"[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]"#)
            }
            return .json(status: 200, #"{"name":"Case","fields":[{"name":"Id","type":"id","label":"Case ID"}]}"#)
        }
        let client = try org.makeClient()
        try await client.authenticate()
        try await withThrowingTaskGroup(of: SObjectDescription.self) { group in
            for _ in 0..<6 {
                group.addTask { try await client.describe(sObject: "Case") }
            }
            for try await description in group {
                #expect(description.name == "Case")
            }
        }
        #expect(org.tokenRequests.count == 2)
        #expect(client.statistics().reauthentications == 1)
    }
}
