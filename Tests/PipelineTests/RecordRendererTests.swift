import Testing

@testable import SFStream

@Suite struct RecipientListTests {
    @Test func splitsOnSemicolonsAndCommas() {
        #expect(RecipientList.split("a@example.com; b@example.com,c@example.com") == ["a@example.com", "b@example.com", "c@example.com"])
    }

    @Test func keepsCommaInsideQuotedName() {
        #expect(RecipientList.split("\"Roe, Sam\" <sam@example.com>; alex@example.com") == ["\"Roe, Sam\" <sam@example.com>", "alex@example.com"])
    }

    @Test func emptyValueGivesNil() {
        #expect(RecipientList.split(nil) == nil)
        #expect(RecipientList.split(" ; , ") == nil)
    }
}

@Suite struct RecordRendererTests {
    func envelope(_ category: String, _ id: String, _ fields: [String: JSONValue]) -> RecordEnvelope {
        var all = fields
        all["SystemModstamp"] = .string("2026-03-01T10:15:00.000+0000")
        all["CreatedDate"] = .string("2026-02-01T09:00:00.000+0000")
        all["LastModifiedDate"] = .string("2026-03-01T10:15:00.000+0000")
        let record = SalesforceRecord(type: category, id: id, url: "/services/data/v62.0/sobjects/\(category)/\(id)", fields: all)
        return RecordEnvelope(category: category, record: record, url: "https://example.my.salesforce.com" + record.url)
    }

    @Test func caseTitleJoinsNumberAndSubject() throws {
        let elements = RecordRenderer(category: .case).render(envelope("Case", "500xx0000000001AAA", [
            "CaseNumber": .string("00001001"), "Subject": .string("Login fails"), "Status": .string("New"),
            "Description": .string("Customer reports a login failure."), "Priority": .null,
        ]))
        let title = try #require(elements.first)
        #expect(title.type == .title)
        #expect(title.text == "00001001 Login fails")
        #expect(elements.contains { $0.text == "Status: New" })
        #expect(!elements.contains { $0.text.contains("Priority") })
    }

    @Test func everyElementNamesItsRecord() {
        let elements = RecordRenderer(category: .account).render(envelope("Account", "001xx0000000001AAA", [
            "Name": .string("Acme"), "Description": .string("A maker of anvils."),
        ]))
        #expect(elements.count >= 2)
        for element in elements {
            let source = element.metadata.dataSource
            #expect(source?.recordLocator == ["category": "Account", "id": "001xx0000000001AAA"])
            #expect(source?.url == "https://example.my.salesforce.com/services/data/v62.0/sobjects/Account/001xx0000000001AAA")
            #expect(source?.version == "2026-03-01T10:15:00.000+0000")
            #expect(source?.dateCreated == "2026-02-01T09:00:00.000+0000")
            #expect(element.metadata.filename == "001xx0000000001AAA.txt")
            #expect(element.elementID.count == 32)
        }
        #expect(Set(elements.map(\.elementID)).count == elements.count)
    }

    @Test func bodyElementsPointAtRecordTitle() throws {
        let elements = RecordRenderer(category: .lead).render(envelope("Lead", "00Qxx0000000001AAA", [
            "Name": .string("Sam Roe"), "Description": .string("Met at the fair."),
        ]))
        let title = try #require(elements.first)
        for element in elements.dropFirst() {
            #expect(element.metadata.parentID == title.elementID)
        }
    }

    @Test func emailMetadataAndStatusLabel() throws {
        let elements = RecordRenderer(category: .emailMessage).render(envelope("EmailMessage", "02sxx0000000001AAA", [
            "Subject": .string("Renewal"), "FromName": .string("Sam Roe"), "FromAddress": .string("sam@example.com"),
            "ToAddress": .string("a@example.com; b@example.com"), "CcAddress": .null, "Status": .string("3"),
            "ParentId": .string("500xx0000000001AAA"), "MessageIdentifier": .string("<m1@example.com>"),
            "TextBody": .string("Please find the renewal attached."),
        ]))
        let first = try #require(elements.first)
        #expect(first.metadata.subject == "Renewal")
        #expect(first.metadata.sentFrom == ["Sam Roe <sam@example.com>"])
        #expect(first.metadata.sentTo == ["a@example.com", "b@example.com"])
        #expect(first.metadata.ccRecipient == nil)
        #expect(first.metadata.emailMessageID == "<m1@example.com>")
        #expect(first.metadata.extra.first?.key == "parent_record_id")
        #expect(elements.contains { $0.text.contains("Status: Sent") })
    }

    @Test func sameTextInTwoRecordsGetsDistinctIDs() {
        let fields: [String: JSONValue] = ["Name": .string("Same"), "Description": .string("Same text.")]
        let first = RecordRenderer(category: .account).render(envelope("Account", "001xx0000000001AAA", fields))
        let second = RecordRenderer(category: .account).render(envelope("Account", "001xx0000000002AAA", fields))
        #expect(Set(first.map(\.elementID)).isDisjoint(with: second.map(\.elementID)))
    }
}

@Suite struct PartitionStageTests {
    @Test func recordWithoutTextBecomesFailure() {
        let record = SalesforceRecord(type: "Lead", id: "00Qxx0000000009AAA", url: "/services/data/v62.0/sobjects/Lead/00Qxx0000000009AAA", fields: [
            "Name": .null, "Description": .string(""),
        ])
        let envelope = RecordEnvelope(category: "Lead", record: record, url: "https://x" + record.url)
        guard case .failure(let failure) = PartitionStage.render(.record(envelope, .lead)) else {
            Issue.record("an empty record must be reported, not dropped")
            return
        }
        #expect(failure.recordID == "00Qxx0000000009AAA")
        #expect(failure.stage == .partition)
    }
}

@Suite struct EmailBodyFallbackTests {
    func email(html: JSONValue, text: JSONValue) -> RecordEnvelope {
        let record = SalesforceRecord(type: "EmailMessage", id: "02sxx0000000007AAA", url: "/services/data/v62.0/sobjects/EmailMessage/02sxx0000000007AAA", fields: [
            "Subject": .string("Invoice"), "SystemModstamp": .string("2026-03-01T10:15:00.000+0000"),
        ])
        var envelope = RecordEnvelope(category: "EmailMessage", record: record, url: "https://x" + record.url)
        envelope.fetchedFields = ["HtmlBody": html, "TextBody": text]
        return envelope
    }

    @Test func htmlBodyWinsOverTextBody() {
        let elements = RecordRenderer(category: .emailMessage).render(email(html: .string("<p>From the HTML part.</p>"), text: .string("From the text part.")))
        #expect(elements.contains { $0.text == "From the HTML part." })
        #expect(!elements.contains { $0.text.contains("text part") })
    }

    @Test(arguments: [JSONValue.null, .string(""), .string("<html><body><div> </div></body></html>")])
    func fallsBackToTextBody(html: JSONValue) {
        let elements = RecordRenderer(category: .emailMessage).render(email(html: html, text: .string("From the text part.")))
        let body = elements.first { $0.text == "From the text part." }
        #expect(body != nil)
        #expect(body?.metadata.filetype == "text/plain")
    }
}
