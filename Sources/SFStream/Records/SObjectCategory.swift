/// The query and rendering rules of one sObject: which fields are read, which make the title,
/// and which are partitioned as plain text or HTML.
///
/// The five default categories start from a built-in field list that ``CategoryResolver``
/// trims to the fields the org's describe result has. `EmailMessage` bodies are not queried:
/// they can be large, so the fetch stage retrieves them in batches with the sObject Collections
/// resource.
public struct SObjectCategory: Sendable, Hashable {
    /// The sObject API name, for example `Case` or `Support_Note__c`.
    public var name: String
    /// Fields selected by the query, besides `Id` and the system date fields.
    public var fields: [String]
    /// Fields whose values make the record's `Title`, joined with a space (for example
    /// `CaseNumber` and `Subject`). The first non-empty combination is used.
    public var titleFields: [String]
    /// Long text fields, each partitioned into its own elements under the title.
    public var longTextFields: [String]
    /// Fields that hold HTML (rich text areas), partitioned with the HTML parser.
    public var htmlFields: [String]
    /// Fields fetched separately with the sObject Collections resource.
    public var fetchedFields: [String]

    public init(
        name: String, fields: [String], titleFields: [String], longTextFields: [String] = [],
        htmlFields: [String] = [], fetchedFields: [String] = []
    ) {
        self.name = name
        self.fields = fields
        self.titleFields = titleFields
        self.longTextFields = longTextFields
        self.htmlFields = htmlFields
        self.fetchedFields = fetchedFields
    }

    /// `Id`, `CreatedDate`, `LastModifiedDate` and `SystemModstamp`: selected for every category.
    public static let systemFields = ["Id", "CreatedDate", "LastModifiedDate", "SystemModstamp"]

    /// The categories read when the user names none.
    public static let defaultNames = ["Account", "Campaign", "Case", "EmailMessage", "Lead"]

    public static let account = SObjectCategory(
        name: "Account",
        fields: ["Name", "Industry", "Type", "Website", "Phone", "BillingCity", "BillingCountry", "Description"],
        titleFields: ["Name"],
        longTextFields: ["Description"]
    )

    public static let campaign = SObjectCategory(
        name: "Campaign",
        fields: ["Name", "Type", "Status", "StartDate", "EndDate", "Description"],
        titleFields: ["Name"],
        longTextFields: ["Description"]
    )

    public static let `case` = SObjectCategory(
        name: "Case",
        fields: ["CaseNumber", "Subject", "Status", "Priority", "Origin", "Description"],
        titleFields: ["CaseNumber", "Subject"],
        longTextFields: ["Description"]
    )

    public static let emailMessage = SObjectCategory(
        name: "EmailMessage",
        fields: [
            "Subject", "FromName", "FromAddress", "ToAddress", "CcAddress", "BccAddress", "MessageDate",
            "Status", "ParentId", "MessageIdentifier", "Incoming",
        ],
        titleFields: ["Subject"],
        htmlFields: ["HtmlBody"],
        fetchedFields: ["HtmlBody", "TextBody"]
    )

    public static let lead = SObjectCategory(
        name: "Lead",
        fields: ["Name", "Title", "Company", "Email", "Phone", "Status", "LeadSource", "Description"],
        titleFields: ["Name"],
        longTextFields: ["Description"]
    )

    /// Returns the built-in rules of a default category, or `nil` for any other sObject.
    public static func standard(named name: String) -> SObjectCategory? {
        switch name {
        case "Account": account
        case "Campaign": campaign
        case "Case": `case`
        case "EmailMessage": emailMessage
        case "Lead": lead
        default: nil
        }
    }

    /// Returns the SOQL query of this category, ordered by `SystemModstamp, Id` so that a run can resume
    /// after the last record it delivered. `includeDeleted` adds `IsDeleted`, for `queryAll`.
    public func soql(where condition: String? = nil, includeDeleted: Bool = false) -> String {
        var selected = Self.systemFields
        for field in fields where !selected.contains(field) {
            selected.append(field)
        }
        if includeDeleted { selected.append("IsDeleted") }
        var query = "SELECT \(selected.joined(separator: ", ")) FROM \(name)"
        if let condition, !condition.isEmpty {
            query += " WHERE \(condition)"
        }
        query += " ORDER BY SystemModstamp ASC, Id ASC"
        return query
    }
}
