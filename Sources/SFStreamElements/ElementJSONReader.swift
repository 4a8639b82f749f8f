import Foundation

/// Reads elements from `unstructured`-style JSON: one object, or one NDJSON line.
public enum ElementJSONReader {
    public struct InvalidElement: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// Parses one JSON object into an element. Unknown metadata keys with string values are kept
    /// in ``ElementMetadata/extra``; other unknown keys are ignored.
    public static func element(fromJSONLine line: some StringProtocol) throws -> Element {
        let data = Data(line.utf8)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw InvalidElement(reason: "invalid JSON: \(error.localizedDescription)")
        }
        guard let dictionary = object as? [String: Any] else {
            throw InvalidElement(reason: "expected a JSON object with keys type, element_id, text, metadata")
        }
        return try element(from: dictionary)
    }

    public static func element(from dictionary: [String: Any]) throws -> Element {
        guard let typeName = dictionary["type"] as? String else {
            throw InvalidElement(reason: "missing string field 'type'")
        }
        guard let type = ElementType(rawValue: typeName) else {
            throw InvalidElement(reason: "unknown element type '\(typeName)'")
        }
        guard let text = dictionary["text"] as? String else {
            throw InvalidElement(reason: "missing string field 'text'")
        }
        let elementID = dictionary["element_id"] as? String ?? ""
        let metadata = (dictionary["metadata"] as? [String: Any]).map(metadata(from:)) ?? ElementMetadata()
        return Element(type: type, text: text, metadata: metadata, elementID: elementID)
    }

    private static let typedKeys: Set<String> = [
        "filename", "filetype", "languages", "category_depth", "parent_id", "text_as_html", "link_texts",
        "link_urls", "emphasized_text_contents", "emphasized_text_tags", "image_url", "image_mime_type",
        "sent_from", "sent_to", "cc_recipient", "bcc_recipient", "subject", "email_message_id",
        "is_continuation", "chunk_index", "num_carried_over_header_rows", "data_source",
    ]

    private static func metadata(from object: [String: Any]) -> ElementMetadata {
        var metadata = ElementMetadata()
        metadata.filename = object["filename"] as? String
        metadata.filetype = object["filetype"] as? String
        metadata.languages = object["languages"] as? [String]
        metadata.categoryDepth = integer(object["category_depth"])
        metadata.parentID = object["parent_id"] as? String
        metadata.textAsHTML = object["text_as_html"] as? String
        metadata.linkTexts = object["link_texts"] as? [String]
        metadata.linkURLs = object["link_urls"] as? [String]
        metadata.emphasizedTextContents = object["emphasized_text_contents"] as? [String]
        metadata.emphasizedTextTags = object["emphasized_text_tags"] as? [String]
        metadata.imageURL = object["image_url"] as? String
        metadata.imageMimeType = object["image_mime_type"] as? String
        metadata.sentFrom = object["sent_from"] as? [String]
        metadata.sentTo = object["sent_to"] as? [String]
        metadata.ccRecipient = object["cc_recipient"] as? [String]
        metadata.bccRecipient = object["bcc_recipient"] as? [String]
        metadata.subject = object["subject"] as? String
        metadata.emailMessageID = object["email_message_id"] as? String
        metadata.isContinuation = object["is_continuation"] as? Bool
        metadata.chunkIndex = integer(object["chunk_index"])
        metadata.numCarriedOverHeaderRows = integer(object["num_carried_over_header_rows"])
        if let source = object["data_source"] as? [String: Any] {
            metadata.dataSource = DataSource(
                url: source["url"] as? String,
                version: source["version"] as? String,
                recordLocator: (source["record_locator"] as? [String: Any])?.compactMapValues { $0 as? String },
                dateCreated: source["date_created"] as? String,
                dateModified: source["date_modified"] as? String,
                dateProcessed: source["date_processed"] as? String
            )
        }
        for key in object.keys.sorted() where !typedKeys.contains(key) {
            if let value = object[key] as? String {
                metadata.extra.append((key, value))
            }
        }
        return metadata
    }

    private static func integer(_ value: Any?) -> Int? {
        if let number = value as? NSNumber { return number.intValue }
        return value as? Int
    }
}
