import Foundation
import SalesforceEmulator
import Testing

@Suite("sObject resources")
struct SObjectTests {
    @Test func collectionsKeepOrderWithNulls() async throws {
        let harness = try EmulatorHarness()
        defer { harness.stop() }
        let token = try await harness.accessToken()
        let ids = try harness.emulator.recordIDs("EmailMessage")
        let deleted = ids[5]
        try harness.emulator.deleteRecord("EmailMessage", id: deleted)
        let foreign = try harness.emulator.recordIDs("Account")[0]
        let requested = [ids[3], "02sXX0000000000AAA", ids[0], deleted, "garbage", foreign, String(ids[7].prefix(15))]

        let reply = try await harness.get(
            "/services/data/v62.0/composite/sobjects/EmailMessage?ids=\(requested.joined(separator: ","))&fields=Id,Subject,HtmlBody,TextBody",
            token: token
        )
        let list = try #require(try reply.json() as? [Any])

        #expect(reply.status == 200)
        #expect(list.count == requested.count)
        #expect((list[0] as? [String: Any])?["Id"] as? String == ids[3])
        #expect(list[1] is NSNull)
        #expect((list[2] as? [String: Any])?["Id"] as? String == ids[0])
        #expect(list[3] is NSNull)
        #expect(list[4] is NSNull)
        #expect(list[5] is NSNull)
        #expect((list[6] as? [String: Any])?["Id"] as? String == ids[7])
        let record = try #require(list[0] as? [String: Any])
        #expect(Array(record.keys).sorted() == ["HtmlBody", "Id", "Subject", "TextBody", "attributes"])
    }

    @Test func collectionsPostBodyAndLimits() async throws {
        let harness = try EmulatorHarness()
        defer { harness.stop() }
        let token = try await harness.accessToken()
        let ids = try harness.emulator.recordIDs("Case")

        let posted = try await harness.send(
            "POST", "/services/data/v62.0/composite/sobjects/Case", token: token,
            json: "{\"ids\":[\"\(ids[1])\",\"\(ids[0])\"],\"fields\":[\"CaseNumber\"]}"
        )
        let postedList = try #require(try posted.json() as? [[String: Any]])
        #expect(postedList.map { $0["CaseNumber"] as? String } == ["00001002", "00001001"])

        let tooMany = Array(repeating: ids[0], count: 201).joined(separator: ",")
        let rejected = try await harness.get("/services/data/v62.0/composite/sobjects/Case?ids=\(tooMany)&fields=Id", token: token)
        #expect(rejected.status == 400)

        let badField = try await harness.get("/services/data/v62.0/composite/sobjects/Case?ids=\(ids[0])&fields=Id,Nope", token: token)
        #expect(badField.status == 400)
        #expect(try restError(badField).code == "INVALID_FIELD")

        let missing = try await harness.get("/services/data/v62.0/composite/sobjects/Case?fields=Id", token: token)
        #expect(missing.status == 400)
    }

    @Test func describeReportsFieldTypes() async throws {
        let harness = try EmulatorHarness()
        defer { harness.stop() }
        let token = try await harness.accessToken()

        let reply = try await harness.get("/services/data/v62.0/sobjects/EmailMessage/describe", token: token)
        let object = try #require(try reply.json() as? [String: Any])
        let fields = try #require(object["fields"] as? [[String: Any]])
        let byName = Dictionary(uniqueKeysWithValues: fields.compactMap { field in (field["name"] as? String).map { ($0, field) } })

        #expect(reply.status == 200)
        #expect(object["name"] as? String == "EmailMessage")
        #expect(object["keyPrefix"] as? String == "02s")
        #expect(byName["Id"]?["type"] as? String == "id")
        #expect(byName["HtmlBody"]?["type"] as? String == "textarea")
        #expect(byName["HtmlBody"]?["extraTypeInfo"] as? String == "richtextarea")
        #expect(byName["HtmlBody"]?["htmlFormatted"] as? Bool == true)
        #expect(byName["TextBody"]?["extraTypeInfo"] as? String == "plaintextarea")
        #expect(byName["ParentId"]?["type"] as? String == "reference")
        #expect(byName["ParentId"]?["referenceTo"] as? [String] == ["Case"])
        #expect(byName["SystemModstamp"]?["type"] as? String == "datetime")
        #expect(byName["Incoming"]?["type"] as? String == "boolean")
        #expect(byName["FromAddress"]?["type"] as? String == "email")
        #expect((byName["Status"]?["picklistValues"] as? [[String: Any]])?.compactMap { $0["value"] as? String } == ["0", "1", "2", "3", "4", "5"])
        #expect(byName["Subject"]?["length"] as? Int == 3000)
    }

    @Test func describeCustomAndUnknownObjects() async throws {
        let harness = try EmulatorHarness()
        defer { harness.stop() }
        let token = try await harness.accessToken()

        let custom = try #require(try await harness.get("/services/data/v62.0/sobjects/Support_Note__c/describe", token: token).json() as? [String: Any])
        let body = (custom["fields"] as? [[String: Any]])?.first { $0["name"] as? String == "Body__c" }
        #expect(custom["custom"] as? Bool == true)
        #expect(body?["extraTypeInfo"] as? String == "richtextarea")
        #expect(body?["custom"] as? Bool == true)

        let unknown = try await harness.get("/services/data/v62.0/sobjects/Foo/describe", token: token)
        #expect(unknown.status == 404)
        #expect(try restError(unknown).code == "NOT_FOUND")

        let global = try #require(try await harness.get("/services/data/v62.0/sobjects", token: token).json() as? [String: Any])
        let names = (global["sobjects"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == ["Account", "Campaign", "Case", "EmailMessage", "Lead", "Contact", "Support_Note__c"])
    }

    @Test func defaultRecordsAndIdPrefixes() async throws {
        let harness = try EmulatorHarness()
        defer { harness.stop() }

        let counts = harness.emulator.recordCounts
        let prefixes = ["Account": "001", "Campaign": "701", "Case": "500", "EmailMessage": "02s", "Lead": "00Q", "Contact": "003", "Support_Note__c": "a0B"]

        #expect(counts["Account"] == 25)
        #expect(counts["EmailMessage"] == 91 + 6)
        for (object, prefix) in prefixes {
            let ids = try harness.emulator.recordIDs(object)
            #expect(ids.allSatisfy { $0.hasPrefix(prefix) }, "\(object)")
            #expect(ids.allSatisfy { $0.count == 18 }, "\(object)")
        }
    }

    @Test func emailMessageFieldsAndBodyKinds() async throws {
        let harness = try EmulatorHarness()
        defer { harness.stop() }
        let token = try await harness.accessToken()

        let pages = try await harness.queryAllPages(
            "SELECT Id, Subject, FromAddress, MessageDate, Status, ParentId, Incoming, HtmlBody, TextBody FROM EmailMessage ORDER BY Id",
            token: token
        )
        let all = try pages.flatMap { try records($0) }
        let caseIDs = Set(try harness.emulator.recordIDs("Case"))

        #expect(all.count == 97)
        #expect(all.allSatisfy { caseIDs.contains($0["ParentId"] as? String ?? "") })
        #expect(all.allSatisfy { ["0", "1", "2", "3", "4", "5"].contains($0["Status"] as? String ?? "") })
        #expect(all.allSatisfy { $0["Incoming"] is Bool })
        let textOnly = all.filter { $0["HtmlBody"] is NSNull && $0["TextBody"] is String }
        let noBody = all.filter { $0["HtmlBody"] is NSNull && $0["TextBody"] is NSNull }
        #expect(textOnly.count == 2)
        #expect(noBody.count == 1)
        #expect(all.filter { ($0["HtmlBody"] as? String)?.isEmpty == false }.count == 94)
    }

    @Test func singleRecordReadAndRESTWrites() async throws {
        let harness = try EmulatorHarness()
        defer { harness.stop() }
        let token = try await harness.accessToken()

        let created = try await harness.send("POST", "/services/data/v62.0/sobjects/Lead", token: token, json: "{\"LastName\":\"Nakamura\",\"Company\":\"Orchid Labs\",\"Status\":\"Open - Not Contacted\"}")
        let createdObject = try #require(try created.json() as? [String: Any])
        let id = try #require(createdObject["id"] as? String)
        #expect(created.status == 201)
        #expect(createdObject["success"] as? Bool == true)

        let patched = try await harness.send("PATCH", "/services/data/v62.0/sobjects/Lead/\(id)", token: token, json: "{\"Title\":\"CTO\"}")
        #expect(patched.status == 204)

        let read = try #require(try await harness.get("/services/data/v62.0/sobjects/Lead/\(id)", token: token).json() as? [String: Any])
        #expect(read["Title"] as? String == "CTO")
        #expect(read["Company"] as? String == "Orchid Labs")
        #expect(read["IsDeleted"] as? Bool == false)

        let readOnly = try await harness.send("PATCH", "/services/data/v62.0/sobjects/Lead/\(id)", token: token, json: "{\"SystemModstamp\":\"2020-01-01T00:00:00Z\"}")
        #expect(readOnly.status == 400)
        #expect(try restError(readOnly).code == "INVALID_FIELD_FOR_INSERT_UPDATE")

        let deleted = try await harness.send("DELETE", "/services/data/v62.0/sobjects/Lead/\(id)", token: token)
        #expect(deleted.status == 204)
        let deletedRead = try await harness.get("/services/data/v62.0/sobjects/Lead/\(id)", token: token)
        #expect(deletedRead.status == 404)
        #expect(try restError(deletedRead).code == "ENTITY_IS_DELETED")
    }
}
