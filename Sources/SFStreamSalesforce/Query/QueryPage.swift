/// One page of a SOQL query result.
public struct QueryPage: Sendable {
    public var records: [SalesforceRecord]
    /// The number of records the whole query matches, as Salesforce reported it on this page.
    public var totalSize: Int
    /// True on the last page.
    public var done: Bool
    /// 0 for the first page, counting up.
    public var index: Int
    /// The locator of the next page, when `done` is false.
    public var nextRecordsURL: String?

    public init(records: [SalesforceRecord], totalSize: Int, done: Bool, index: Int, nextRecordsURL: String? = nil) {
        self.records = records
        self.totalSize = totalSize
        self.done = done
        self.index = index
        self.nextRecordsURL = nextRecordsURL
    }

    /// Reads a query response body; returns `nil` when `done` or `records` is missing.
    init?(json: JSONValue, index: Int) {
        guard let done = json["done"]?.boolValue,
              let recordValues = json["records"]?.arrayValue
        else { return nil }
        var records: [SalesforceRecord] = []
        records.reserveCapacity(recordValues.count)
        for value in recordValues {
            guard let record = SalesforceRecord(json: value) else { return nil }
            records.append(record)
        }
        let totalSize = json["totalSize"]?.numberValue.map { Int($0) } ?? records.count
        let next = json["nextRecordsUrl"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        self.init(records: records, totalSize: totalSize, done: done, index: index, nextRecordsURL: next)
    }
}
