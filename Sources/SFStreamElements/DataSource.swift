/// Where an element came from: `metadata.data_source` in the `unstructured` schema.
///
/// For Salesforce records, `url` is the record's REST URL, `recordLocator` holds the sObject name
/// (`category`) and the record `id`, and `version` is the record's `SystemModstamp`.
public struct DataSource: Sendable, Hashable {
    public var url: String?
    public var version: String?
    public var recordLocator: [String: String]?
    public var dateCreated: String?
    public var dateModified: String?
    public var dateProcessed: String?

    public init(
        url: String? = nil,
        version: String? = nil,
        recordLocator: [String: String]? = nil,
        dateCreated: String? = nil,
        dateModified: String? = nil,
        dateProcessed: String? = nil
    ) {
        self.url = url
        self.version = version
        self.recordLocator = recordLocator
        self.dateCreated = dateCreated
        self.dateModified = dateModified
        self.dateProcessed = dateProcessed
    }
}
