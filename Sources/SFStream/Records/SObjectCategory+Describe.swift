extension SObjectCategory {
    /// Field types whose values are text a person reads. Ids, references, numbers, dates and
    /// booleans never become element text.
    static let textFieldTypes: Set<String> = [
        "string", "textarea", "email", "url", "picklist", "multipicklist", "phone", "combobox", "encryptedstring",
    ]

    /// Text fields up to this length go into the one-line field summary; longer ones and every
    /// text area are partitioned into elements of their own.
    static let shortTextMaximumLength = 255

    /// Fields Salesforce maintains itself, never rendered as text.
    static let systemFieldNames: Set<String> = [
        "Id", "IsDeleted", "CreatedDate", "CreatedById", "LastModifiedDate", "LastModifiedById",
        "SystemModstamp", "LastActivityDate", "LastViewedDate", "LastReferencedDate", "OwnerId",
    ]

    /// Creates the category of any queryable sObject from its describe result. The name field is
    /// the title and rich text areas are parsed as HTML. Other text areas and long strings are
    /// partitioned as plain text, and short text fields go into the field summary.
    public init(description: SObjectDescription) {
        var fields: [String] = []
        var titleFields: [String] = []
        var longTextFields: [String] = []
        var htmlFields: [String] = []
        for field in description.fields where !Self.systemFieldNames.contains(field.name) {
            guard Self.textFieldTypes.contains(field.type) else { continue }
            fields.append(field.name)
            if field.isNameField {
                titleFields.append(field.name)
            } else if field.isRichText {
                htmlFields.append(field.name)
            } else if field.type == "textarea" || field.length > Self.shortTextMaximumLength {
                longTextFields.append(field.name)
            }
        }
        if titleFields.isEmpty, let name = ["Name", "Subject", "Title"].first(where: { description.field(named: $0) != nil }) {
            titleFields = [name]
            if !fields.contains(name) { fields.append(name) }
        }
        self.init(
            name: description.name, fields: fields, titleFields: titleFields, longTextFields: longTextFields,
            htmlFields: htmlFields
        )
    }

    /// Returns this built-in category without the fields the org's describe result lacks. Orgs
    /// differ because of person accounts, disabled features and field-level security.
    func restricted(to description: SObjectDescription) -> SObjectCategory {
        func exists(_ name: String) -> Bool { description.field(named: name) != nil }
        var category = self
        category.fields = fields.filter(exists)
        category.titleFields = titleFields.filter(exists)
        category.longTextFields = longTextFields.filter(exists)
        category.htmlFields = htmlFields.filter(exists)
        category.fetchedFields = fetchedFields.filter(exists)
        return category
    }

    /// Returns this category reading exactly `names` (besides the system fields), typed by describe.
    func overriding(fields names: [String], description: SObjectDescription) -> SObjectCategory {
        let chosen = names.compactMap { description.field(named: $0) }
        var category = self
        category.fields = chosen.map(\.name)
        category.titleFields = titleFields.filter { title in chosen.contains { $0.name == title } }
        category.htmlFields = chosen.filter(\.isRichText).map(\.name)
        category.longTextFields = chosen.filter {
            !$0.isRichText && ($0.type == "textarea" || $0.length > Self.shortTextMaximumLength)
        }.map(\.name)
        // Large bodies chosen by name are still fetched separately where the category does so.
        category.fetchedFields = fetchedFields.filter { fetched in chosen.contains { $0.name == fetched } }
        category.fields.removeAll { category.fetchedFields.contains($0) }
        category.htmlFields = Array(Set(category.htmlFields).union(htmlFields.filter { category.fetchedFields.contains($0) }))
            .sorted()
        return category
    }
}
