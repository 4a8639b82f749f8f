import Testing

@testable import SFStream

/// A record whose long text or HTML field exceeds `RecordRenderer.maximumFieldBytes` fails in the
/// partition stage with its Id, instead of being partitioned or dropped.
@Suite struct FieldSizeLimitTests {
    private let limit = RecordRenderer.maximumFieldBytes

    private func email(_ id: String, _ fields: [String: JSONValue]) -> RecordEnvelope {
        var all = fields
        all["Subject"] = .string("Quarterly report")
        all["SystemModstamp"] = .string("2026-03-01T10:15:00.000+0000")
        let record = SalesforceRecord(
            type: "EmailMessage", id: id, url: "/services/data/v62.0/sobjects/EmailMessage/\(id)", fields: all)
        return RecordEnvelope(category: "EmailMessage", record: record, url: "https://example.my.salesforce.com" + record.url)
    }

    @Test func htmlBodyAtLimitFits() {
        let envelope = email("02sxx0000000001AAA", ["HtmlBody": .string(String(repeating: "a", count: limit))])
        #expect(RecordRenderer(category: .emailMessage).oversizedField(in: envelope) == nil)
    }

    @Test func htmlBodyOneByteOverLimitIsNamed() throws {
        // "é" is 2 UTF-8 bytes: the limit counts bytes, not characters.
        let body = String(repeating: "a", count: limit - 1) + "é"
        let envelope = email("02sxx0000000001AAA", ["HtmlBody": .string(body)])
        let field = try #require(RecordRenderer(category: .emailMessage).oversizedField(in: envelope))
        #expect(field.name == "HtmlBody")
        #expect(field.bytes == limit + 1)
    }

    @Test func unusedTextBodyDoesNotCount() {
        // With an HTML body, the plain-text body is not partitioned, so its size does not matter.
        let envelope = email("02sxx0000000001AAA", [
            "HtmlBody": .string("<p>Short</p>"), "TextBody": .string(String(repeating: "a", count: limit + 1)),
        ])
        #expect(RecordRenderer(category: .emailMessage).oversizedField(in: envelope) == nil)
    }

    @Test func textBodyWithoutHTMLCounts() {
        let envelope = email("02sxx0000000001AAA", ["TextBody": .string(String(repeating: "a", count: limit + 1))])
        #expect(RecordRenderer(category: .emailMessage).oversizedField(in: envelope)?.name == "TextBody")
    }

    @Test func partitionStageReportsOversizedRecord() throws {
        let envelope = email("02sxx0000000002AAA", ["HtmlBody": .string(String(repeating: "a", count: limit + 1))])
        let output = PartitionStage.render(.record(envelope, .emailMessage))
        guard case .failure(let failure) = output else {
            Issue.record("expected a failure, got \(output)")
            return
        }
        #expect(failure.recordID == "02sxx0000000002AAA")
        #expect(failure.category == "EmailMessage")
        #expect(failure.stage == .partition)
        #expect(failure.reason.contains("HtmlBody"))
        #expect(failure.reason.contains("\(limit + 1) bytes"))
    }

    @Test func partitionStageRendersRecordUnderLimit() {
        let envelope = email("02sxx0000000003AAA", ["HtmlBody": .string("<p>Hello</p>")])
        guard case .elements(let record) = PartitionStage.render(.record(envelope, .emailMessage)) else {
            Issue.record("expected elements")
            return
        }
        #expect(record.recordID == "02sxx0000000003AAA")
        #expect(record.elements.contains { $0.text == "Hello" })
    }
}
