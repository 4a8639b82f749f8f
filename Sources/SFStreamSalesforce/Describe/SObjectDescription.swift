/// The parts of an sObject describe result the pipeline uses.
public struct SObjectDescription: Sendable, Hashable {
    public struct Field: Sendable, Hashable {
        public let name: String
        /// Salesforce field type: `id`, `string`, `textarea`, `datetime`, `reference`, `boolean`, …
        public let type: String
        public let label: String
        /// Maximum length in characters for text fields, 0 for other types.
        public let length: Int
        public let isNillable: Bool
        /// `richtextarea` or `plaintextarea` for text areas; `nil` for other types.
        public let extraTypeInfo: String?
        /// Whether describe marks this field `nameField`: the record's display name.
        public let isNameField: Bool

        public init(
            name: String, type: String, label: String, length: Int = 0, isNillable: Bool = true,
            extraTypeInfo: String? = nil, isNameField: Bool = false
        ) {
            self.name = name
            self.type = type
            self.label = label
            self.length = length
            self.isNillable = isNillable
            self.extraTypeInfo = extraTypeInfo
            self.isNameField = isNameField
        }

        /// Whether the field holds HTML (a rich text area).
        public var isRichText: Bool { extraTypeInfo == "richtextarea" }
    }

    public let name: String
    public let label: String
    public let isQueryable: Bool
    public let isRetrieveable: Bool
    public let fields: [Field]

    public init(name: String, label: String, isQueryable: Bool, isRetrieveable: Bool, fields: [Field]) {
        self.name = name
        self.label = label
        self.isQueryable = isQueryable
        self.isRetrieveable = isRetrieveable
        self.fields = fields
    }

    /// Returns the field with this API name, compared without regard to case as Salesforce does.
    public func field(named name: String) -> Field? {
        let lowered = name.lowercased()
        return fields.first { $0.name.lowercased() == lowered }
    }

    init?(json: JSONValue) {
        guard let name = json["name"]?.stringValue, let fieldValues = json["fields"]?.arrayValue else { return nil }
        var fields: [Field] = []
        for value in fieldValues {
            guard let fieldName = value["name"]?.stringValue else { return nil }
            fields.append(Field(
                name: fieldName,
                type: value["type"]?.stringValue ?? "",
                label: value["label"]?.stringValue ?? fieldName,
                length: value["length"]?.numberValue.map { Int($0) } ?? 0,
                isNillable: value["nillable"]?.boolValue ?? true,
                extraTypeInfo: value["extraTypeInfo"]?.stringValue,
                isNameField: value["nameField"]?.boolValue ?? false
            ))
        }
        self.init(
            name: name,
            label: json["label"]?.stringValue ?? name,
            isQueryable: json["queryable"]?.boolValue ?? true,
            isRetrieveable: json["retrieveable"]?.boolValue ?? true,
            fields: fields
        )
    }
}
