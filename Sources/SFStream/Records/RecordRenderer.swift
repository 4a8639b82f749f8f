import Foundation

/// Turns one record into its document elements: a `Title`, the partitioned long text and HTML
/// fields under it, and one compact `Field: value; …` element for the short fields.
///
/// All elements of a record share one `filename` (`<Id>.html` when an HTML field supplied the
/// body, else `<Id>.txt`) and one `data_source`, and get ids by ``ElementIDs`` over the whole
/// record, so the same text in two records never shares an id.
public struct RecordRenderer: Sendable {
    public var category: SObjectCategory
    /// When false, elements leave ``render(_:)`` with empty ids and no parent ids, for a chunker,
    /// whose chunk ids do not depend on them (see ``PartitionOptions/IDAssignment/omitted``).
    public var assignsIDs = true

    public init(category: SObjectCategory) {
        self.category = category
    }

    /// `EmailMessage.Status` codes and the labels Salesforce shows for them.
    static let emailStatusLabels = [
        "0": "New", "1": "Read", "2": "Replied", "3": "Sent", "4": "Forwarded", "5": "Draft",
    ]

    /// The largest long text or HTML field that is partitioned, in UTF-8 bytes: 8 MiB.
    ///
    /// Salesforce stores at most 131,072 characters in `EmailMessage.HtmlBody` unless an org has
    /// the limit raised. Partitioning costs about 15 times the body's size at peak (estimate from
    /// one run: `sfstream partition` on 16 MiB of the emulator's e-mails peaked at 240 MB
    /// resident), so this keeps one partition worker near 130 MB. The partition stage reports a
    /// record with a larger field as a ``RecordFailure`` instead of rendering it.
    public static let maximumFieldBytes = 8 << 20

    /// Returns the first field that ``render(_:)`` would partition whose value exceeds
    /// ``maximumFieldBytes``, with its size in UTF-8 bytes, or `nil` when every field fits.
    public func oversizedField(in envelope: RecordEnvelope) -> (name: String, bytes: Int)? {
        let htmlFields = category.htmlFields.filter { envelope.string($0) != nil }
        var partitioned = htmlFields
        if htmlFields.isEmpty, category.name == "EmailMessage" {
            partitioned.append("TextBody")
        }
        partitioned += category.longTextFields
        for field in partitioned {
            guard let value = envelope.string(field) else { continue }
            let bytes = value.utf8.count
            if bytes > Self.maximumFieldBytes { return (field, bytes) }
        }
        return nil
    }

    /// Renders every field of the record, whatever its size: call ``oversizedField(in:)`` first
    /// to keep memory bounded.
    public func render(_ envelope: RecordEnvelope) -> [Element] {
        let htmlFields = category.htmlFields.filter { envelope.string($0) != nil }
        var metadata = baseMetadata(envelope, isHTML: !htmlFields.isEmpty)
        if category.name == "EmailMessage" {
            addEmailFields(from: envelope, to: &metadata)
        }
        // The whole record is numbered below, so the parts keep provisional ids. Without ids
        // they need none, nor the renaming that keeps provisional ids apart.
        let options = PartitionOptions(metadata: metadata, idAssignment: assignsIDs ? .provisional : .omitted)

        var elements: [Element] = []
        if let title = title(of: envelope) {
            var titleMetadata = metadata
            titleMetadata.categoryDepth = 0
            elements.append(Element(type: .title, text: title, metadata: titleMetadata, elementID: assignsIDs ? "record-title" : ""))
        }

        if let summary = shortFieldSummary(envelope) {
            elements.append(Element(type: .uncategorizedText, text: summary, metadata: metadata))
        }

        var partCount = 0
        func appendPart(_ part: [Element]) {
            partCount += 1
            elements += assignsIDs ? Self.renamed(part, prefix: "part\(partCount)-") : part
        }
        var htmlElementCount = 0
        for field in htmlFields {
            let part = HTMLPartitioner.partition(html: envelope.string(field)!, options: options)
            htmlElementCount += part.count
            appendPart(part)
        }
        // An e-mail whose HTML is missing or shows no text falls back to its plain-text body.
        if htmlElementCount == 0, category.name == "EmailMessage", let text = envelope.string("TextBody") {
            appendPart(TextPartitioner.partition(text: text, options: options))
        }
        if htmlElementCount == 0, !htmlFields.isEmpty {
            // No HTML field showed text, so the record is a plain-text document after all.
            for index in elements.indices {
                elements[index].metadata.filename = "\(envelope.id).txt"
                elements[index].metadata.filetype = "text/plain"
            }
        }
        for field in category.longTextFields {
            if let text = envelope.string(field) {
                appendPart(TextPartitioner.partition(text: text, options: options))
            }
        }

        guard assignsIDs else { return elements }
        // Body elements that sit under no heading of their own belong under the record's title.
        if elements.first?.type == .title {
            for index in elements.indices.dropFirst() where elements[index].metadata.parentID == nil {
                elements[index].metadata.parentID = "record-title"
            }
        }
        ElementIDs.assign(to: &elements)
        return elements
    }

    /// Prefixes the ids and parent ids of one partitioned field, because two fields partitioned
    /// separately number their elements from 0 and may share ids until ``ElementIDs`` renumbers.
    private static func renamed(_ part: [Element], prefix: String) -> [Element] {
        part.map { element in
            var element = element
            element.elementID = prefix + element.elementID
            if let parent = element.metadata.parentID {
                element.metadata.parentID = prefix + parent
            }
            return element
        }
    }

    /// Returns the record's title: its title fields' values joined, else `Name` or `Subject`.
    func title(of envelope: RecordEnvelope) -> String? {
        let parts = category.titleFields.compactMap { envelope.string($0) }
        if !parts.isEmpty { return parts.joined(separator: " ") }
        return envelope.string("Name") ?? envelope.string("Subject")
    }

    private func baseMetadata(_ envelope: RecordEnvelope, isHTML: Bool) -> ElementMetadata {
        var metadata = ElementMetadata()
        metadata.filename = "\(envelope.id).\(isHTML ? "html" : "txt")"
        metadata.filetype = isHTML ? "text/html" : "text/plain"
        metadata.dataSource = DataSource(
            url: envelope.url,
            version: envelope.string("SystemModstamp"),
            recordLocator: ["category": envelope.category, "id": envelope.id],
            dateCreated: envelope.string("CreatedDate"),
            dateModified: envelope.string("LastModifiedDate")
        )
        return metadata
    }

    private func addEmailFields(from envelope: RecordEnvelope, to metadata: inout ElementMetadata) {
        metadata.subject = envelope.string("Subject")
        if let address = envelope.string("FromAddress") {
            if let name = envelope.string("FromName"), name != address {
                metadata.sentFrom = ["\(name) <\(address)>"]
            } else {
                metadata.sentFrom = [address]
            }
        }
        metadata.sentTo = RecipientList.split(envelope.string("ToAddress"))
        metadata.ccRecipient = RecipientList.split(envelope.string("CcAddress"))
        metadata.bccRecipient = RecipientList.split(envelope.string("BccAddress"))
        metadata.emailMessageID = envelope.string("MessageIdentifier")
        if let parent = envelope.string("ParentId") {
            metadata.extra.append(("parent_record_id", parent))
        }
    }

    /// Returns one line of the short fields (not title, long text, HTML or addresses), so that a
    /// search for a record's status or city finds it, or `nil` when none has a value.
    func shortFieldSummary(_ envelope: RecordEnvelope) -> String? {
        let excluded = Set(category.titleFields + category.longTextFields + category.htmlFields + category.fetchedFields)
            .union(SObjectCategory.systemFields)
            .union(category.name == "EmailMessage"
                ? ["FromName", "FromAddress", "ToAddress", "CcAddress", "BccAddress", "MessageIdentifier", "ParentId"]
                : [])
        var parts: [String] = []
        for field in category.fields where !excluded.contains(field) {
            guard var value = envelope.string(field) else { continue }
            if category.name == "EmailMessage", field == "Status" {
                value = Self.emailStatusLabels[value] ?? value
            }
            parts.append("\(field): \(value)")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
