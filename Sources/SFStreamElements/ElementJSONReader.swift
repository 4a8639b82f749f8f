import Foundation

/// Reads elements from `unstructured`-style JSON: one object, or one NDJSON line.
public enum ElementJSONReader {
    public struct InvalidElement: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// Parses one JSON object into an element. Unknown metadata keys with string values are kept
    /// in ``ElementMetadata/extra``; other unknown keys are ignored. A known field of the wrong
    /// JSON type is an ``InvalidElement`` that names the field and the type found, never the value.
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
        let fields = FieldReader(object: dictionary, path: "")
        guard let typeName = try fields.string("type") else {
            throw InvalidElement(reason: "missing string field 'type'")
        }
        guard let type = ElementType(rawValue: typeName) else {
            throw InvalidElement(reason: "unknown element type '\(typeName)'")
        }
        guard let text = try fields.string("text") else {
            throw InvalidElement(reason: "missing string field 'text'")
        }
        let elementID = try fields.string("element_id") ?? ""
        let metadata = try fields.object("metadata").map(metadata(from:)) ?? ElementMetadata()
        return Element(type: type, text: text, metadata: metadata, elementID: elementID)
    }

    private static let typedKeys: Set<String> = [
        "filename", "filetype", "languages", "page_number", "category_depth", "parent_id", "text_as_html", "link_texts",
        "link_urls", "emphasized_text_contents", "emphasized_text_tags", "image_url", "image_mime_type",
        "sent_from", "sent_to", "cc_recipient", "bcc_recipient", "subject", "email_message_id",
        "is_continuation", "chunk_index", "num_carried_over_header_rows", "data_source",
    ]

    private static func metadata(from fields: FieldReader) throws -> ElementMetadata {
        var metadata = ElementMetadata()
        metadata.filename = try fields.string("filename")
        metadata.filetype = try fields.string("filetype")
        metadata.languages = try fields.strings("languages")
        metadata.categoryDepth = try fields.integer("category_depth")
        metadata.pageNumber = try fields.integer("page_number")
        metadata.parentID = try fields.string("parent_id")
        metadata.textAsHTML = try fields.string("text_as_html")
        metadata.linkTexts = try fields.strings("link_texts")
        metadata.linkURLs = try fields.strings("link_urls")
        metadata.emphasizedTextContents = try fields.strings("emphasized_text_contents")
        metadata.emphasizedTextTags = try fields.strings("emphasized_text_tags")
        metadata.imageURL = try fields.string("image_url")
        metadata.imageMimeType = try fields.string("image_mime_type")
        metadata.sentFrom = try fields.strings("sent_from")
        metadata.sentTo = try fields.strings("sent_to")
        metadata.ccRecipient = try fields.strings("cc_recipient")
        metadata.bccRecipient = try fields.strings("bcc_recipient")
        metadata.subject = try fields.string("subject")
        metadata.emailMessageID = try fields.string("email_message_id")
        metadata.isContinuation = try fields.boolean("is_continuation")
        metadata.chunkIndex = try fields.integer("chunk_index")
        metadata.numCarriedOverHeaderRows = try fields.integer("num_carried_over_header_rows")
        if let source = try fields.object("data_source") {
            metadata.dataSource = DataSource(
                url: try source.string("url"),
                version: try source.string("version"),
                // DataSource keeps a string map, so locator values of other types are dropped rather than rejected.
                recordLocator: try source.object("record_locator")?.object.compactMapValues { $0 as? String },
                dateCreated: try source.string("date_created"),
                dateModified: try source.string("date_modified"),
                dateProcessed: try source.string("date_processed")
            )
        }
        for key in fields.object.keys.sorted() where !typedKeys.contains(key) {
            if let value = fields.object[key] as? String {
                metadata.extra.append((key, value))
            }
        }
        return metadata
    }
}

/// Typed access to the fields of one JSON object. A field that is absent or `null` reads as
/// `nil`. A field of another JSON type throws an error that names the field by its dotted path.
private struct FieldReader {
    var object: [String: Any]
    /// The dotted path of this object in the element, such as `metadata.` (empty for the element).
    var path: String

    func string(_ key: String) throws -> String? {
        guard let value = try present(key) else { return nil }
        guard let text = value as? String else { throw mismatch(key, expected: "a string", found: value) }
        return text
    }

    func strings(_ key: String) throws -> [String]? {
        guard let value = try present(key) else { return nil }
        guard let array = value as? [Any] else { throw mismatch(key, expected: "an array of strings", found: value) }
        var texts: [String] = []
        for (index, item) in array.enumerated() {
            guard let text = item as? String else {
                throw ElementJSONReader.InvalidElement(
                    reason: "field '\(path)\(key)' must be an array of strings, but item \(index) is \(Self.typeName(item))")
            }
            texts.append(text)
        }
        return texts
    }

    /// Reads a whole number; `3.0` is accepted, because some JSON writers add the fraction.
    func integer(_ key: String) throws -> Int? {
        guard let value = try present(key) else { return nil }
        guard let number = value as? NSNumber, !Self.isBoolean(number),
              let integer = Int(exactly: number.doubleValue)
        else { throw mismatch(key, expected: "an integer", found: value) }
        return integer
    }

    func boolean(_ key: String) throws -> Bool? {
        guard let value = try present(key) else { return nil }
        guard let number = value as? NSNumber, Self.isBoolean(number) else {
            throw mismatch(key, expected: "true or false", found: value)
        }
        return number.boolValue
    }

    func object(_ key: String) throws -> FieldReader? {
        guard let value = try present(key) else { return nil }
        guard let object = value as? [String: Any] else { throw mismatch(key, expected: "an object", found: value) }
        return FieldReader(object: object, path: "\(path)\(key).")
    }

    private func present(_ key: String) throws -> Any? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        return value
    }

    private func mismatch(_ key: String, expected: String, found value: Any) -> ElementJSONReader.InvalidElement {
        ElementJSONReader.InvalidElement(reason: "field '\(path)\(key)' must be \(expected), not \(Self.typeName(value))")
    }

    /// Names the JSON type of a `JSONSerialization` value, so that errors never show the value.
    private static func typeName(_ value: Any) -> String {
        switch value {
        case is String: return "a string"
        case is NSNull: return "null"
        case let number as NSNumber: return isBoolean(number) ? "a boolean" : "a number"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        default: return "a value of another type"
        }
    }

    /// JSONSerialization returns `true` and `false` as NSNumber of Objective-C type `c` (char),
    /// which no JSON number has. `as? Bool` cannot tell them apart, because 0 and 1 cast too.
    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }
}
