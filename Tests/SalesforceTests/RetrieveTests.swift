import Foundation
import SalesforceEmulator
import Testing
@testable import SFStreamSalesforce

@Suite("sObject Collections retrieve")
struct RetrieveTests {
    /// Returns a stub org whose retrieve response has a record per id, or `null` for ids ending in `ZZZ`.
    func collectionsOrg() throws -> StubOrg {
        try StubOrg { request, org in
            if request.path == "/services/oauth2/token" { return org.tokenResponse("TOKEN-A") }
            guard request.path == "/services/data/v62.0/composite/sobjects/EmailMessage",
                  let ids = request.queryValue("ids"), let fields = request.queryValue("fields")
            else { return .json(status: 404, #"[{"errorCode":"NOT_FOUND","message":"unexpected"}]"#) }
            let elements = ids.split(separator: ",").map { id -> String in
                if id.hasSuffix("ZZZ") { return "null" }
                return #"{"attributes":{"type":"EmailMessage","url":"/services/data/v62.0/sobjects/EmailMessage/\#(id)"},"Id":"\#(id)","Subject":"fields=\#(fields)"}"#
            }
            return .json(status: 200, "[" + elements.joined(separator: ",") + "]")
        }
    }

    static func id(_ number: Int) -> String {
        let digits = String(number)
        return "02s" + String(repeating: "0", count: 12 - digits.count) + digits + "AAA"
    }

    @Test func largeListSplitIntoBatches() async throws {
        let org = try collectionsOrg()
        let client = try org.makeClient()
        let ids = (1...450).map(Self.id)
        let records = try await client.retrieve(sObject: "EmailMessage", ids: ids, fields: ["Id", "Subject", "HtmlBody"])

        #expect(records.map { $0?.id } == ids)
        #expect(org.apiRequests.count == 3)
        let batchSizes = org.apiRequests.map { request in
            let query = request.target.split(separator: "?").last ?? ""
            let idsParameter = query.split(separator: "&").first { $0.hasPrefix("ids=") } ?? ""
            return idsParameter.split(separator: ",").count
        }
        #expect(batchSizes == [200, 200, 50])
        #expect(records.first??.string("Subject") == "fields=Id,Subject,HtmlBody")
        #expect(records.first??.type == "EmailMessage")
    }

    @Test func missingRecordsAreNil() async throws {
        let org = try collectionsOrg()
        let client = try org.makeClient()
        let ids = ["02s000000000001AAA", "02s000000000002ZZZ", "02s000000000003AAA"]
        let records = try await client.retrieve(sObject: "EmailMessage", ids: ids, fields: ["Id"])
        #expect(records.map { $0?.id } == ["02s000000000001AAA", nil, "02s000000000003AAA"])
    }

    @Test func emptyListSendsNothing() async throws {
        let org = try collectionsOrg()
        let client = try org.makeClient()
        let records = try await client.retrieve(sObject: "EmailMessage", ids: [], fields: ["Id"])
        #expect(records.isEmpty)
        #expect(org.apiRequests.isEmpty)
    }

    @Test(arguments: [
        ("EmailMessage/../User", ["Id"], ["02s000000000001AAA"]),
        ("EmailMessage", ["Id&x=1"], ["02s000000000001AAA"]),
        ("EmailMessage", ["Id"], ["02s00000000001,AA"]),
    ])
    func oddNamesRejected(sObject: String, fields: [String], ids: [String]) async throws {
        let org = try collectionsOrg()
        let client = try org.makeClient()
        let error = try await #require(throws: SalesforceError.self) {
            _ = try await client.retrieve(sObject: sObject, ids: ids, fields: fields)
        }
        #expect(error.kind == .invalidArgument)
        #expect(org.apiRequests.isEmpty)
    }

    @Test func countMismatchIsInvalidResponse() async throws {
        let org = try StubOrg { request, org in
            request.path == "/services/oauth2/token" ? org.tokenResponse("TOKEN-A") : .json(status: 200, "[null]")
        }
        let client = try org.makeClient()
        let error = try await #require(throws: SalesforceError.self) {
            _ = try await client.retrieve(sObject: "EmailMessage", ids: ["02s000000000001AAA", "02s000000000002AAA"], fields: ["Id"])
        }
        #expect(error.kind == .invalidResponse)
    }

    @Test func relationshipPath() {
        let record = SalesforceRecord(
            type: "Case", id: "500xx0000000001AAA", url: "/services/data/v62.0/sobjects/Case/500xx0000000001AAA",
            fields: ["Owner": .object(["Name": .string("Ada")]), "Subject": .null]
        )
        #expect(record.string("Owner.Name") == "Ada")
        #expect(record.string("Subject") == nil)
        #expect(record.string("Missing.Name") == nil)
    }
}
