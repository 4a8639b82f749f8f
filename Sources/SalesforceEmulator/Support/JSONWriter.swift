/// Writes JSON text in the order the caller gives, because Salesforce's key order (`attributes`
/// first, then the fields as selected) is part of what a faithful response looks like.
struct JSONWriter {
    private(set) var text = ""

    init(capacity: Int = 256) {
        text.reserveCapacity(capacity)
    }

    mutating func raw(_ fragment: String) {
        text += fragment
    }

    /// Appends `value` as a JSON string. Runs of characters that need no escape are copied whole,
    /// because HTML bodies of several hundred kilobytes pass through here.
    mutating func string(_ value: String) {
        text.append("\"")
        // Every character to escape is ASCII, and a byte below 0x80 is always a whole scalar. So a
        // scan of the UTF-8 bytes finds them, and its indices can slice the scalars view.
        let bytes = value.utf8
        let scalars = value.unicodeScalars
        var runStart = bytes.startIndex
        var index = runStart
        while index != bytes.endIndex {
            let byte = bytes[index]
            guard byte == 0x22 || byte == 0x5C || byte < 0x20 else {
                index = bytes.index(after: index)
                continue
            }
            text.append(contentsOf: Substring(scalars[runStart..<index]))
            let scalar = Unicode.Scalar(byte)
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
            index = bytes.index(after: index)
            runStart = index
        }
        text.append(contentsOf: Substring(scalars[runStart..<index]))
        text.append("\"")
    }

    mutating func value(_ field: FieldValue) {
        switch field {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .string(let string): self.string(string)
        case .dateTime(let milliseconds): self.string(SalesforceDateTime.format(milliseconds: milliseconds))
        case .integer(let number): text += String(number)
        }
    }

    /// Writes `{"key":value,...}` where each entry writes its own value.
    mutating func object(_ build: (inout ObjectWriter) -> Void) {
        text += "{"
        // The text moves into the object writer and back, so it stays uniquely referenced and
        // grows in place. A copy of `self` there made every record of a response copy the whole
        // response written so far.
        var writer = ObjectWriter(parent: JSONWriter(capacity: 0))
        swap(&text, &writer.parent.text)
        build(&writer)
        swap(&text, &writer.parent.text)
        text += "}"
    }

    struct ObjectWriter {
        fileprivate var parent: JSONWriter
        private var isFirst = true

        fileprivate init(parent: JSONWriter) {
            self.parent = parent
        }

        mutating func key(_ name: String) {
            if !isFirst { parent.text += "," }
            isFirst = false
            parent.string(name)
            parent.text += ":"
        }

        mutating func field(_ name: String, _ value: FieldValue) {
            key(name)
            parent.value(value)
        }

        mutating func string(_ name: String, _ value: String) {
            key(name)
            parent.string(value)
        }

        mutating func raw(_ name: String, _ fragment: String) {
            key(name)
            parent.raw(fragment)
        }

        /// Appends a value written elsewhere right after the last `key(_:)`.
        mutating func appendValue(_ fragment: String) {
            parent.raw(fragment)
        }
    }
}

/// A field value as the REST API represents it in JSON.
public enum FieldValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case string(String)
    case integer(Int)
    /// Milliseconds since 1970-01-01T00:00:00Z; written as `2026-03-01T10:15:00.000+0000`.
    case dateTime(Int64)

    var dateMilliseconds: Int64? {
        if case .dateTime(let milliseconds) = self { return milliseconds }
        return nil
    }
}
