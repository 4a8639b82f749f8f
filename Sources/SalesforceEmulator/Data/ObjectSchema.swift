/// A field as the describe resource reports it.
struct FieldSchema: Sendable {
    enum FieldType: String, Sendable {
        case id, string, textarea, email, url, phone, picklist, datetime, reference, boolean
    }

    let name: String
    let label: String
    let type: FieldType
    let length: Int
    let isNillable: Bool
    let isCustom: Bool
    /// `richtextarea` or `plaintextarea` for text areas, as Salesforce's describe reports them.
    let extraTypeInfo: String?
    let referenceTo: [String]
    let relationshipName: String?
    let picklistValues: [String]

    init(
        _ name: String, _ label: String, _ type: FieldType, length: Int = 0, nillable: Bool = true,
        extraTypeInfo: String? = nil, referenceTo: [String] = [], relationshipName: String? = nil,
        picklist: [String] = []
    ) {
        self.name = name
        self.label = label
        self.type = type
        self.length = length
        self.isNillable = nillable
        self.isCustom = name.hasSuffix("__c")
        self.extraTypeInfo = extraTypeInfo
        self.referenceTo = referenceTo
        self.relationshipName = relationshipName
        self.picklistValues = picklist
    }

    var isHTMLFormatted: Bool { extraTypeInfo == "richtextarea" }

    var soapType: String {
        switch type {
        case .id, .reference: "tns:ID"
        case .datetime: "xsd:dateTime"
        case .boolean: "xsd:boolean"
        default: "xsd:string"
        }
    }
}

/// An sObject type the emulator serves: its describe data and the fields its records carry.
struct ObjectSchema: Sendable {
    let name: String
    let label: String
    let labelPlural: String
    let keyPrefix: String
    let fields: [FieldSchema]
    private let fieldsByLowercasedName: [String: Int]

    init(name: String, label: String, labelPlural: String, keyPrefix: String, fields: [FieldSchema]) {
        self.name = name
        self.label = label
        self.labelPlural = labelPlural
        self.keyPrefix = keyPrefix
        self.fields = ObjectSchema.systemFields + fields
        var index: [String: Int] = [:]
        for (position, field) in self.fields.enumerated() {
            index[field.name.lowercased()] = position
        }
        self.fieldsByLowercasedName = index
    }

    var isCustom: Bool { name.hasSuffix("__c") }

    /// The field describe marks `nameField`: the record's display name. Salesforce uses
    /// `CaseNumber` for Case and `Subject` for EmailMessage instead of a `Name` field.
    var nameFieldName: String {
        switch name {
        case "Case": "CaseNumber"
        case "EmailMessage": "Subject"
        default: "Name"
        }
    }

    /// Finds a field by name without regard to case, as SOQL does.
    func field(named name: String) -> FieldSchema? {
        fieldsByLowercasedName[name.lowercased()].map { fields[$0] }
    }

    private static let systemFields: [FieldSchema] = [
        FieldSchema("Id", "Record ID", .id, length: 18, nillable: false),
        FieldSchema("IsDeleted", "Deleted", .boolean, nillable: false),
        FieldSchema("CreatedDate", "Created Date", .datetime, nillable: false),
        FieldSchema("LastModifiedDate", "Last Modified Date", .datetime, nillable: false),
        FieldSchema("SystemModstamp", "System Modstamp", .datetime, nillable: false),
    ]
}

/// The objects of the emulated org, in the order `recordCounts` and the startup line list them.
enum OrgSchema {
    static let textAreaLength = 32_000
    static let longTextLength = 131_072

    static let account = ObjectSchema(
        name: "Account", label: "Account", labelPlural: "Accounts", keyPrefix: "001",
        fields: [
            FieldSchema("Name", "Account Name", .string, length: 255, nillable: false),
            FieldSchema("Industry", "Industry", .picklist, length: 255, picklist: SampleText.industries),
            FieldSchema("Website", "Website", .url, length: 255),
            FieldSchema("Phone", "Account Phone", .phone, length: 40),
            FieldSchema("BillingCity", "Billing City", .string, length: 40),
            FieldSchema("Description", "Account Description", .textarea, length: textAreaLength, extraTypeInfo: "plaintextarea"),
        ]
    )

    static let campaign = ObjectSchema(
        name: "Campaign", label: "Campaign", labelPlural: "Campaigns", keyPrefix: "701",
        fields: [
            FieldSchema("Name", "Campaign Name", .string, length: 80, nillable: false),
            FieldSchema("Type", "Type", .picklist, length: 255, picklist: SampleText.campaignTypes),
            FieldSchema("Status", "Status", .picklist, length: 255, picklist: SampleText.campaignStatuses),
            FieldSchema("Description", "Description", .textarea, length: textAreaLength, extraTypeInfo: "plaintextarea"),
        ]
    )

    static let caseObject = ObjectSchema(
        name: "Case", label: "Case", labelPlural: "Cases", keyPrefix: "500",
        fields: [
            FieldSchema("CaseNumber", "Case Number", .string, length: 30, nillable: false),
            FieldSchema("Subject", "Subject", .string, length: 255),
            FieldSchema("Status", "Status", .picklist, length: 255, picklist: SampleText.caseStatuses),
            FieldSchema("Priority", "Priority", .picklist, length: 255, picklist: SampleText.casePriorities),
            FieldSchema("Origin", "Case Origin", .picklist, length: 255, picklist: SampleText.caseOrigins),
            FieldSchema("Description", "Description", .textarea, length: textAreaLength, extraTypeInfo: "plaintextarea"),
            FieldSchema("AccountId", "Account ID", .reference, length: 18, referenceTo: ["Account"], relationshipName: "Account"),
            FieldSchema("ContactId", "Contact ID", .reference, length: 18, referenceTo: ["Contact"], relationshipName: "Contact"),
        ]
    )

    static let contact = ObjectSchema(
        name: "Contact", label: "Contact", labelPlural: "Contacts", keyPrefix: "003",
        fields: [
            FieldSchema("FirstName", "First Name", .string, length: 40),
            FieldSchema("LastName", "Last Name", .string, length: 80, nillable: false),
            FieldSchema("Name", "Full Name", .string, length: 121, nillable: false),
            FieldSchema("Email", "Email", .email, length: 80),
            FieldSchema("Title", "Title", .string, length: 128),
            FieldSchema("Phone", "Business Phone", .phone, length: 40),
            FieldSchema("AccountId", "Account ID", .reference, length: 18, referenceTo: ["Account"], relationshipName: "Account"),
            FieldSchema("Description", "Contact Description", .textarea, length: textAreaLength, extraTypeInfo: "plaintextarea"),
        ]
    )

    static let emailMessage = ObjectSchema(
        name: "EmailMessage", label: "Email Message", labelPlural: "Email Messages", keyPrefix: "02s",
        fields: [
            FieldSchema("Subject", "Subject", .string, length: 3000),
            FieldSchema("FromName", "From Name", .string, length: 1000),
            FieldSchema("FromAddress", "From Address", .email, length: 1000),
            FieldSchema("ToAddress", "To Address", .string, length: 4000),
            FieldSchema("CcAddress", "CC Address", .string, length: 4000),
            FieldSchema("BccAddress", "BCC Address", .string, length: 4000),
            FieldSchema("MessageDate", "Message Date", .datetime),
            FieldSchema("Status", "Status", .picklist, length: 40, nillable: false, picklist: SampleText.emailStatuses),
            FieldSchema("ParentId", "Parent ID", .reference, length: 18, referenceTo: ["Case"], relationshipName: "Parent"),
            FieldSchema("MessageIdentifier", "Message ID", .string, length: 998),
            FieldSchema("Incoming", "Is Incoming", .boolean, nillable: false),
            FieldSchema("HtmlBody", "HTML Body", .textarea, length: longTextLength, extraTypeInfo: "richtextarea"),
            FieldSchema("TextBody", "Text Body", .textarea, length: longTextLength, extraTypeInfo: "plaintextarea"),
        ]
    )

    static let lead = ObjectSchema(
        name: "Lead", label: "Lead", labelPlural: "Leads", keyPrefix: "00Q",
        fields: [
            FieldSchema("FirstName", "First Name", .string, length: 40),
            FieldSchema("LastName", "Last Name", .string, length: 80, nillable: false),
            FieldSchema("Name", "Full Name", .string, length: 121, nillable: false),
            FieldSchema("Company", "Company", .string, length: 255, nillable: false),
            FieldSchema("Title", "Title", .string, length: 128),
            FieldSchema("Email", "Email", .email, length: 80),
            FieldSchema("Status", "Status", .picklist, length: 255, nillable: false, picklist: SampleText.leadStatuses),
            FieldSchema("Description", "Description", .textarea, length: textAreaLength, extraTypeInfo: "plaintextarea"),
        ]
    )

    static let supportNote = ObjectSchema(
        name: "Support_Note__c", label: "Support Note", labelPlural: "Support Notes", keyPrefix: "a0B",
        fields: [
            FieldSchema("Name", "Support Note Name", .string, length: 80, nillable: false),
            FieldSchema("Case__c", "Case", .reference, length: 18, referenceTo: ["Case"], relationshipName: "Case__r"),
            FieldSchema("Body__c", "Body", .textarea, length: longTextLength, extraTypeInfo: "richtextarea"),
        ]
    )

    static let all: [ObjectSchema] = [account, campaign, caseObject, emailMessage, lead, contact, supportNote]

    private static let byLowercasedName: [String: ObjectSchema] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.name.lowercased(), $0) }
    )

    /// Finds an object by API name without regard to case, as SOQL and the REST paths do.
    static func object(named name: String) -> ObjectSchema? {
        byLowercasedName[name.lowercased()]
    }

    static func object(keyPrefix: String) -> ObjectSchema? {
        all.first { $0.keyPrefix == keyPrefix }
    }
}
