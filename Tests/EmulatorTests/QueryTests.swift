import Foundation
import SalesforceEmulator
import Testing

@Suite("Query")
struct QueryTests {
    @Test func threePagesWithBatchSize() async throws {
        let harness = try EmulatorHarness { $0.recordCountsByObject = ["Account": 450] }
        defer { harness.stop() }
        let token = try await harness.accessToken()

        let pages = try await harness.queryAllPages("SELECT Id, Name FROM Account", token: token, batchSize: 200)
        let all = try pages.flatMap { try records($0) }
        let ids = all.compactMap { $0["Id"] as? String }

        #expect(pages.count == 3)
        #expect(try pages.map { try records($0).count } == [200, 200, 50])
        #expect(pages.map { $0["totalSize"] as? Int } == [450, 450, 450])
        #expect(pages.map { $0["done"] as? Bool } == [false, false, true])
        #expect(Set(ids).count == 450)
        #expect(ids.allSatisfy { $0.count == 18 })
        #expect(ids.allSatisfy { $0.hasPrefix("001") })
        let first = try #require(all.first)
        let attributes = try #require(first["attributes"] as? [String: String])
        #expect(attributes["type"] == "Account")
        #expect(attributes["url"] == "/services/data/v62.0/sobjects/Account/\(ids[0])")
        #expect(Array(first.keys).sorted() == ["Id", "Name", "attributes"])
        let next = try #require(pages[0]["nextRecordsUrl"] as? String)
        #expect(next.hasPrefix("/services/data/v62.0/query/01g"))
        #expect(next.hasSuffix("-200"))
    }

    @Test func batchSizeIsClampedAndPageSizeConfigurable() async throws {
        let harness = try EmulatorHarness { $0.pageSize = 10 }
        defer { harness.stop() }
        let token = try await harness.accessToken()

        let pages = try await harness.queryAllPages("SELECT Id FROM Lead", token: token, batchSize: 5)

        #expect(try pages.map { try records($0).count } == [10, 10, 5])
    }

    @Test func whereOrderAndLimit() async throws {
        let harness = try EmulatorHarness { $0.recordCount = 300 }
        defer { harness.stop() }
        let token = try await harness.accessToken()
        let everything = try await harness.queryAllPages("SELECT Id, SystemModstamp, CreatedDate FROM Case", token: token)
        let all = try everything.flatMap { try records($0) }
        let stamps = all.compactMap { $0["SystemModstamp"] as? String }.sorted()
        let cutoff = stamps[stamps.count / 2]
        // Salesforce's output format `...000+0000` is not a SOQL literal; `Z` is.
        let literal = String(cutoff.prefix(19)) + "Z"

        let soql = "select Id, SystemModstamp from case where SystemModstamp >= \(literal) order by SystemModstamp asc, Id asc limit 100"
        let filtered = try records(try #require(try await harness.queryAllPages(soql, token: token).first))
        let filteredStamps = filtered.compactMap { $0["SystemModstamp"] as? String }

        #expect(filtered.count == 100)
        #expect(filteredStamps == filteredStamps.sorted())
        #expect(filteredStamps.allSatisfy { $0 >= cutoff })
        #expect(try #require(filteredStamps.first) == cutoff)
        #expect(stamps.allSatisfy { $0.hasSuffix(".000+0000") })
        #expect(stamps.allSatisfy { $0.count == 28 })
    }

    @Test func createdDateRangeAndIdKeyset() async throws {
        let harness = try EmulatorHarness { $0.recordCount = 200 }
        defer { harness.stop() }
        let token = try await harness.accessToken()

        let ranged = try await harness.queryAllPages(
            "SELECT Id, CreatedDate FROM Contact WHERE CreatedDate >= 2025-06-01T00:00:00Z AND CreatedDate < 2026-01-01T00:00:00.000+00:00",
            token: token
        )
        let created = try ranged.flatMap { try records($0) }.compactMap { $0["CreatedDate"] as? String }
        #expect(!created.isEmpty)
        #expect(created.allSatisfy { $0 >= "2025-06-01" })
        #expect(created.allSatisfy { $0 < "2026-01-01" })

        let firstPage = try records(try #require(try await harness.queryAllPages("SELECT Id FROM Contact ORDER BY Id LIMIT 50", token: token).first))
        let lastID = try #require(firstPage.last?["Id"] as? String)
        let rest = try await harness.queryAllPages("SELECT Id FROM Contact WHERE Id > '\(lastID)' ORDER BY Id", token: token)
        let restIDs = try rest.flatMap { try records($0) }.compactMap { $0["Id"] as? String }
        #expect(restIDs.count == 150)
        #expect(restIDs.allSatisfy { $0 > lastID })
        #expect(restIDs == restIDs.sorted())
    }

    /// Each case: a query, the errorCode and a fragment of Salesforce's message.
    @Test func invalidQueriesGetSalesforceErrors() async throws {
        let harness = try EmulatorHarness()
        defer { harness.stop() }
        let token = try await harness.accessToken()
        let cases: [(soql: String, code: String, fragment: String)] = [
            ("SELECT Id, Nonsense FROM Account", "INVALID_FIELD", "No such column 'Nonsense' on entity 'Account'"),
            ("SELECT Id FROM Foo", "INVALID_TYPE", "sObject type 'Foo' is not supported"),
            ("SELECT Id FRM Account", "MALFORMED_QUERY", "unexpected token: FRM"),
            ("SELECT Id FROM Account WHERE", "MALFORMED_QUERY", "unexpected token: <EOF>"),
            ("SELECT Id FROM Account WHERE CreatedDate > '2026-01-01'", "INVALID_FIELD", "must be of type dateTime"),
            ("SELECT Account.Name FROM Contact", "INVALID_FIELD", "Didn't understand relationship 'Account'"),
            ("SELECT Id FROM EmailMessage WHERE HtmlBody = 'x'", "INVALID_FIELD", "field 'HtmlBody' can not be filtered"),
            ("SELECT Id FROM Case ORDER BY Description", "INVALID_FIELD", "field 'Description' can not be sorted"),
        ]
        for testCase in cases {
            let reply = try await harness.query(testCase.soql, token: token)
            let error = try restError(reply)
            #expect(reply.status == 400, "\(testCase.soql)")
            #expect(error.code == testCase.code, "\(testCase.soql)")
            #expect(error.message.contains(testCase.fragment), "\(testCase.soql): \(error.message)")
            #expect(error.message.contains("ERROR at Row:1:Column:"), "\(testCase.soql)")
        }
    }

    @Test func malformedFieldColumnIsReported() async throws {
        let harness = try EmulatorHarness()
        defer { harness.stop() }
        let token = try await harness.accessToken()

        let error = try restError(try await harness.query("SELECT Id, Bogus__c FROM Lead", token: token))

        #expect(error.message == "\nSELECT Id, Bogus__c FROM Lead\n           ^\nERROR at Row:1:Column:12\nNo such column 'Bogus__c' on entity 'Lead'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.")
    }

    @Test func missingOrBadTokenGets401() async throws {
        let harness = try EmulatorHarness()
        defer { harness.stop() }

        for token in [nil, "00Dbogus!token"] {
            let reply = try await harness.query("SELECT Id FROM Account", token: token ?? "")
            let error = try restError(reply)
            #expect(reply.status == 401)
            #expect(error.code == "INVALID_SESSION_ID")
            #expect(error.message == "Session expired or invalid")
        }
    }

    @Test func limitInfoCountsRequests() async throws {
        let harness = try EmulatorHarness { $0.apiRequestLimit = 3 }
        defer { harness.stop() }
        let token = try await harness.accessToken()

        var headers: [String?] = []
        var statuses: [Int] = []
        for _ in 0..<4 {
            let reply = try await harness.query("SELECT Id FROM Account LIMIT 1", token: token)
            headers.append(reply.header("Sforce-Limit-Info"))
            statuses.append(reply.status)
        }

        #expect(headers == ["api-usage=1/3", "api-usage=2/3", "api-usage=3/3", "api-usage=3/3"])
        #expect(statuses == [200, 200, 200, 403])
    }

    @Test func unknownLocatorIsInvalid() async throws {
        let harness = try EmulatorHarness()
        defer { harness.stop() }
        let token = try await harness.accessToken()

        for path in ["01gXX0000000000AAA-2000", "nonsense"] {
            let reply = try await harness.get("/services/data/v62.0/query/\(path)", token: token)
            #expect(reply.status == 400)
            #expect(try restError(reply).code == "INVALID_QUERY_LOCATOR")
        }
    }

    @Test func expiredLocatorIsInvalid() async throws {
        let harness = try EmulatorHarness { $0.pageSize = 5; $0.queryLocatorLifetimeSeconds = 0 }
        defer { harness.stop() }
        let token = try await harness.accessToken()
        let first = try #require(try await harness.query("SELECT Id FROM Lead", token: token).json() as? [String: Any])
        let next = try #require(first["nextRecordsUrl"] as? String)

        let reply = try await harness.get(next, token: token)

        #expect(reply.status == 400)
        #expect(try restError(reply).code == "INVALID_QUERY_LOCATOR")
    }

    @Test func hundredThousandEmailMessages() async throws {
        let harness = try EmulatorHarness { $0.recordCountsByObject = ["EmailMessage": 100_000] }
        defer { harness.stop() }
        let token = try await harness.accessToken()

        let reply = try await harness.query("SELECT Id FROM EmailMessage", token: token)
        let page = try #require(try reply.json() as? [String: Any])
        let ids = try harness.emulator.recordIDs("EmailMessage")
        let last = try #require(ids.last)
        let retrieved = try await harness.get("/services/data/v62.0/composite/sobjects/EmailMessage?ids=\(last)&fields=Id,HtmlBody", token: token)
        let lastRecord = try #require((try retrieved.json() as? [Any])?.first as? [String: Any])

        #expect(page["totalSize"] as? Int == 100_000)
        #expect(try records(page).count == 2000)
        #expect(harness.emulator.recordCounts["EmailMessage"] == 100_000)
        #expect(lastRecord["Id"] as? String == last)
    }
}
