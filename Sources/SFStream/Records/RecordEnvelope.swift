import Foundation

/// One record as it travels through the stages: the record itself plus what identifies it, so
/// that every element and every error line can be traced to its Salesforce record.
public struct RecordEnvelope: Sendable {
    public var category: String
    public var record: SalesforceRecord
    /// The record's absolute REST URL (`instance_url` + `attributes.url`).
    public var url: String
    /// Fields fetched after the query (for `EmailMessage`: `HtmlBody`, `TextBody`).
    public var fetchedFields: [String: JSONValue] = [:]

    public init(category: String, record: SalesforceRecord, url: String) {
        self.category = category
        self.record = record
        self.url = url
    }

    public var id: String { record.id }

    public var locator: RecordLocator {
        RecordLocator(category: category, id: record.id, url: url, stamp: string("SystemModstamp"))
    }

    /// Returns the string value of a queried or fetched field, or `nil` when absent, null or empty.
    public func string(_ field: String) -> String? {
        let value = fetchedFields[field] ?? record.fields[field]
        switch value {
        case .string(let text)?:
            return text.isEmpty ? nil : text
        case .number(let number)?:
            return number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .bool(let flag)?:
            return flag ? "true" : "false"
        default:
            return nil
        }
    }
}
