import Foundation
@testable import SalesforceEmulator
import Testing

@Suite("SOQL subset")
struct SOQLTests {
    /// Runs a query against 60 generated records per object and returns the rows of its first page.
    static func rows(_ soql: String, in harness: EmulatorHarness, token: String) async throws -> [[String: Any]] {
        let reply = try await harness.query(soql, token: token)
        try #require(reply.status == 200, "\(soql): \(reply.text)")
        return try records(try #require(try reply.json() as? [String: Any]))
    }

    @Test func operatorsFilterRows() async throws {
        let harness = try EmulatorHarness { $0.recordCount = 60 }
        defer { harness.stop() }
        let token = try await harness.accessToken()

        let inList = try await Self.rows("SELECT Id, Priority FROM Case WHERE Priority IN ('High', 'Low')", in: harness, token: token)
        let notIn = try await Self.rows("SELECT Id, Priority FROM Case WHERE Priority NOT IN ('High', 'Low')", in: harness, token: token)
        let like = try await Self.rows("SELECT Id, Subject FROM Case WHERE Subject LIKE '%refund%'", in: harness, token: token)
        let orNot = try await Self.rows(
            "SELECT Id, Status, Priority FROM Case WHERE (Status = 'new' OR Status = 'Closed') AND NOT Priority = 'Low'",
            in: harness, token: token
        )
        let nulls = try await Self.rows("SELECT Id FROM EmailMessage WHERE CcAddress = null", in: harness, token: token)
        let notNulls = try await Self.rows("SELECT Id FROM EmailMessage WHERE CcAddress != null", in: harness, token: token)

        #expect(inList.allSatisfy { ["High", "Low"].contains($0["Priority"] as? String ?? "") })
        #expect(notIn.allSatisfy { $0["Priority"] as? String == "Medium" })
        #expect(inList.count + notIn.count == 60)
        #expect(!like.isEmpty)
        #expect(like.allSatisfy { ($0["Subject"] as? String)?.lowercased().contains("refund") == true })
        #expect(orNot.allSatisfy { ["New", "Closed"].contains($0["Status"] as? String ?? "") })
        #expect(orNot.allSatisfy { $0["Priority"] as? String != "Low" })
        #expect(nulls.count + notNulls.count == 60)
        #expect(!nulls.isEmpty)
    }

    @Test func orderNullsAndOffset() async throws {
        let harness = try EmulatorHarness { $0.recordCount = 60 }
        defer { harness.stop() }
        let token = try await harness.accessToken()

        let ascending = try await Self.rows("SELECT Id, CcAddress FROM EmailMessage ORDER BY CcAddress", in: harness, token: token)
        let nullsLast = try await Self.rows("SELECT Id, CcAddress FROM EmailMessage ORDER BY CcAddress ASC NULLS LAST", in: harness, token: token)
        let descending = try await Self.rows("SELECT Id, CreatedDate FROM Lead ORDER BY CreatedDate DESC", in: harness, token: token)
        let offset = try await Self.rows("SELECT Id FROM Lead ORDER BY Id LIMIT 5 OFFSET 10", in: harness, token: token)
        let all = try await Self.rows("SELECT Id FROM Lead ORDER BY Id", in: harness, token: token)

        #expect(ascending.first?["CcAddress"] is NSNull)
        #expect(ascending.last?["CcAddress"] is String)
        #expect(nullsLast.first?["CcAddress"] is String)
        #expect(nullsLast.last?["CcAddress"] is NSNull)
        let dates = descending.compactMap { $0["CreatedDate"] as? String }
        #expect(dates == dates.sorted(by: >))
        #expect(offset.compactMap { $0["Id"] as? String } == all[10..<15].compactMap { $0["Id"] as? String })
    }

    @Test func parserRejectsUnsupportedSyntax() {
        let cases = [
            "SELECT COUNT() FROM Account",
            "SELECT Id FROM Account WHERE CreatedDate = TODAY",
            "SELECT Id FROM Account LIMIT",
            "SELECT Id FROM Account WHERE Name = 'unterminated",
            "SELECT Id, FROM Account",
        ]
        for soql in cases {
            #expect(throws: SOQLError.self, "\(soql)") { _ = try SOQLParser.parse(soql) }
        }
    }

    @Test func dateTimeLiterals() {
        #expect(SalesforceDateTime.parseLiteral("2026-01-01T00:00:00Z") == 1_767_225_600_000)
        #expect(SalesforceDateTime.parseLiteral("2026-01-01T01:00:00.500+01:00") == 1_767_225_600_500)
        #expect(SalesforceDateTime.parseLiteral("2025-12-31T19:00:00-0500") == 1_767_225_600_000)
        #expect(SalesforceDateTime.parseLiteral("2026-01-01") == nil)
        #expect(SalesforceDateTime.format(milliseconds: 1_767_225_600_500) == "2026-01-01T00:00:00.500+0000")
    }

    @Test func idSuffixMatchesSalesforce() {
        // Worked by hand: the chunks 001A0, 00000 and 6Vm9r have upper-case letters at bit 3, none
        // and bit 1, so the suffix letters are alphabet[8], alphabet[0] and alphabet[2]: I, A, C.
        #expect(SalesforceID("001A0000006Vm9r")?.value18 == "001A0000006Vm9rIAC")
        #expect(SalesforceID("001A0000006Vm9rIAC") != nil)
        #expect(SalesforceID("001A0000006Vm9rAAA") == nil)
    }
}

@Suite("JSON writing")
struct JSONWriterTests {
    @Test func stringsRoundTrip() throws {
        let samples = [
            "plain", "", "quote \" and backslash \\ and slash /", "line\nbreak\r\ttab", "\u{01}\u{1F} controls",
            "café e\u{301} 日本語 😀", "\"\u{301}", String(repeating: "<p>x</p>", count: 10_000),
        ]
        for sample in samples {
            var writer = JSONWriter()
            writer.raw("[")
            writer.string(sample)
            writer.raw("]")
            let decoded = try JSONSerialization.jsonObject(with: Data(writer.text.utf8)) as? [String]
            #expect(decoded == [sample], "\(sample.prefix(40))")
        }
    }
}
