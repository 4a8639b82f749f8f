/// Writes elements as `unstructured`-compatible JSON, one object a line (NDJSON), into a byte buffer.
///
/// Hand-written because `JSONEncoder` on Linux costs more than parsing the HTML did, and because the
/// key order (`type`, `element_id`, `text`, `metadata`) and omission of empty fields must match what
/// `unstructured`'s `Element.to_dict()` produces.
public struct ElementJSONWriter: Sendable {
    public private(set) var buffer: [UInt8] = []

    public init(reservingCapacity capacity: Int = 0) {
        buffer.reserveCapacity(capacity)
    }

    /// Returns the NDJSON line of one element, without the trailing newline.
    public static func line(for element: Element) -> String {
        var writer = ElementJSONWriter()
        writer.write(element, newline: false)
        return String(decoding: writer.buffer, as: UTF8.self)
    }

    public mutating func removeAll(keepingCapacity: Bool = true) {
        buffer.removeAll(keepingCapacity: keepingCapacity)
    }

    /// Appends one element as a JSON object, followed by `\n` when `newline` is true.
    public mutating func write(_ element: Element, newline: Bool = true) {
        append("{\"type\":")
        appendString(element.type.rawValue)
        append(",\"element_id\":")
        appendString(element.elementID)
        append(",\"text\":")
        appendString(element.text)
        append(",\"metadata\":")
        writeMetadata(element.metadata)
        append("}")
        if newline { buffer.append(UInt8(ascii: "\n")) }
    }

    /// Appends `elements` as one compact JSON array, without a trailing newline.
    public mutating func writeArray(_ elements: [Element]) {
        buffer.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            write(element, newline: false)
        }
        buffer.append(UInt8(ascii: "]"))
    }

    /// Appends the tombstone line from which a downstream index removes a deleted record:
    /// `{"deleted":true,"record_locator":{"category":…,"id":…},"url":…}`.
    public mutating func writeTombstone(category: String, id: String, url: String) {
        append("{\"deleted\":true,\"record_locator\":{\"category\":")
        appendString(category)
        append(",\"id\":")
        appendString(id)
        append("},\"url\":")
        appendString(url)
        append("}\n")
    }

    private mutating func writeMetadata(_ metadata: ElementMetadata) {
        var fields = FieldList()
        fields.string("category_depth", metadata.categoryDepth.map(String.init), raw: true)
        fields.list("languages", metadata.languages)
        fields.string("filename", metadata.filename)
        fields.string("filetype", metadata.filetype)
        fields.string("page_number", metadata.pageNumber.map(String.init), raw: true)
        fields.string("parent_id", metadata.parentID)
        fields.string("text_as_html", metadata.textAsHTML)
        fields.list("link_texts", metadata.linkTexts)
        fields.list("link_urls", metadata.linkURLs)
        fields.list("emphasized_text_contents", metadata.emphasizedTextContents)
        fields.list("emphasized_text_tags", metadata.emphasizedTextTags)
        fields.string("image_url", metadata.imageURL)
        fields.string("image_mime_type", metadata.imageMimeType)
        fields.list("sent_from", metadata.sentFrom)
        fields.list("sent_to", metadata.sentTo)
        fields.list("cc_recipient", metadata.ccRecipient)
        fields.list("bcc_recipient", metadata.bccRecipient)
        fields.string("subject", metadata.subject)
        fields.string("email_message_id", metadata.emailMessageID)
        fields.string("is_continuation", metadata.isContinuation.map { $0 ? "true" : "false" }, raw: true)
        fields.string("chunk_index", metadata.chunkIndex.map(String.init), raw: true)
        fields.string(
            "num_carried_over_header_rows", metadata.numCarriedOverHeaderRows.map(String.init), raw: true)
        for (key, value) in metadata.extra {
            fields.string(key, value)
        }

        append("{")
        var first = true
        for field in fields.items {
            if !first { append(",") }
            first = false
            appendString(field.key)
            append(":")
            switch field.value {
            case .raw(let text): append(text)
            case .string(let text): appendString(text)
            case .list(let values): appendList(values)
            }
        }
        if let source = metadata.dataSource {
            if !first { append(",") }
            append("\"data_source\":")
            writeDataSource(source)
        }
        append("}")
    }

    private mutating func writeDataSource(_ source: DataSource) {
        var fields = FieldList()
        fields.string("url", source.url)
        fields.string("version", source.version)
        fields.string("date_created", source.dateCreated)
        fields.string("date_modified", source.dateModified)
        fields.string("date_processed", source.dateProcessed)
        append("{")
        var first = true
        for field in fields.items {
            if !first { append(",") }
            first = false
            appendString(field.key)
            append(":")
            if case .string(let text) = field.value { appendString(text) }
        }
        if let locator = source.recordLocator, !locator.isEmpty {
            if !first { append(",") }
            append("\"record_locator\":{")
            var firstKey = true
            for key in locator.keys.sorted() {
                if !firstKey { append(",") }
                firstKey = false
                appendString(key)
                append(":")
                appendString(locator[key]!)
            }
            append("}")
        }
        append("}")
    }

    private mutating func appendList(_ values: [String]) {
        append("[")
        for (index, value) in values.enumerated() {
            if index > 0 { append(",") }
            appendString(value)
        }
        append("]")
    }

    private mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    private mutating func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    /// Appends `text` as a JSON string literal. Non-ASCII stays raw UTF-8; control characters,
    /// quotes and backslashes are escaped as RFC 8259 requires.
    private mutating func appendString(_ text: String) {
        buffer.append(UInt8(ascii: "\""))
        let appended: Void? = text.utf8.withContiguousStorageIfAvailable { appendEscaped($0) }
        if appended == nil {
            Array(text.utf8).withUnsafeBufferPointer { appendEscaped($0) }
        }
        buffer.append(UInt8(ascii: "\""))
    }

    /// Appends UTF-8 `bytes` escaped for a JSON string. Runs of bytes that need no escape are
    /// copied whole, because element texts and metadata are mostly such runs and a byte-by-byte
    /// append was the largest single cost of encoding.
    private mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0x85 && byte != 0xA8
                && byte != 0xA9 && byte != 0xBF
            {
                index += 1
                continue
            }
            // The escape replaces bytes `replacedStart...index`.
            var replacedStart = index
            var escape: [UInt8]
            switch byte {
            case 0xBF:
                // U+FEFF (EF BB BF) is escaped because Foundation's JSONSerialization (Swift 6.3.1
                // on Linux) drops it, unescaped, from the start of a string value.
                guard index >= 2, bytes[index - 2] == 0xEF, bytes[index - 1] == 0xBB else {
                    index += 1
                    continue
                }
                replacedStart = index - 2
                escape = Array("\\ufeff".utf8)
            case 0x85, 0xA8, 0xA9:
                // U+0085 (C2 85), U+2028 (E2 80 A8) and U+2029 (E2 80 A9) are line breaks to
                // Python's str.splitlines() and to JavaScript, so they are escaped to keep each
                // NDJSON record on one line. Elsewhere these bytes continue other characters.
                if byte == 0x85, index >= 1, bytes[index - 1] == 0xC2 {
                    replacedStart = index - 1
                    escape = Array("\\u0085".utf8)
                } else if byte != 0x85, index >= 2, bytes[index - 2] == 0xE2, bytes[index - 1] == 0x80 {
                    replacedStart = index - 2
                    escape = Array((byte == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                } else {
                    index += 1
                    continue
                }
            case UInt8(ascii: "\""): escape = [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): escape = [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): escape = [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): escape = [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): escape = [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            default:
                let hex = Array("0123456789abcdef".utf8)
                escape = Array("\\u00".utf8)
                escape.append(hex[Int(byte >> 4)])
                escape.append(hex[Int(byte & 0x0f)])
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<replacedStart]))
            buffer.append(contentsOf: escape)
            index += 1
            runStart = index
        }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }
}

/// The non-empty metadata fields of one object, in output order.
private struct FieldList {
    enum Value {
        case raw(String)
        case string(String)
        case list([String])
    }

    var items: [(key: String, value: Value)] = []

    mutating func string(_ key: String, _ value: String?, raw: Bool = false) {
        guard let value else { return }
        if raw {
            items.append((key, .raw(value)))
        } else if !value.isEmpty {
            items.append((key, .string(value)))
        }
    }

    mutating func list(_ key: String, _ values: [String]?) {
        guard let values, !values.isEmpty else { return }
        items.append((key, .list(values)))
    }
}
