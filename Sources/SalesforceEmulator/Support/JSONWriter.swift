/// Writes JSON text in the order the caller gives, because Salesforce's key order (`attributes`
/// first, then the fields as selected) is part of what a faithful response looks like.
struct JSONWriter {
    /// UTF-8 bytes, turned into a String once in `text`: appending runs of bytes costs a copy,
    /// where appending substrings of a String checked scalar boundaries on every run.
    private var bytes: [UInt8] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func raw(_ fragment: String) {
        bytes.append(contentsOf: fragment.utf8)
    }

    /// Appends `value` as a JSON string. Runs of characters that need no escape are copied whole,
    /// because HTML bodies of several hundred kilobytes pass through here.
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { source in
            var runStart = 0
            for index in 0..<source.count {
                let byte = source[index]
                guard byte == 0x22 || byte == 0x5C || byte < 0x20 else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                switch byte {
                case 0x22: raw("\\\"")
                case 0x5C: raw("\\\\")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                default:
                    let hex = String(byte, radix: 16)
                    raw("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                }
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<source.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func value(_ field: FieldValue) {
        switch field {
        case .null: raw("null")
        case .bool(let flag): raw(flag ? "true" : "false")
        case .string(let string): self.string(string)
        case .dateTime(let milliseconds): self.string(SalesforceDateTime.format(milliseconds: milliseconds))
        case .integer(let number): raw(String(number))
        }
    }

    /// Writes `{"key":value,...}` where each entry writes its own value.
    mutating func object(_ build: (inout ObjectWriter) -> Void) {
        raw("{")
        // The bytes move into the object writer and back, so they stay uniquely referenced and
        // grow in place. A copy of `self` there made every record of a response copy the whole
        // response written so far.
        var writer = ObjectWriter(parent: JSONWriter(capacity: 0))
        swap(&bytes, &writer.parent.bytes)
        build(&writer)
        swap(&bytes, &writer.parent.bytes)
        raw("}")
    }

    struct ObjectWriter {
        fileprivate var parent: JSONWriter
        private var isFirst = true

        fileprivate init(parent: JSONWriter) {
            self.parent = parent
        }

        mutating func key(_ name: String) {
            if !isFirst { parent.raw(",") }
            isFirst = false
            parent.string(name)
            parent.raw(":")
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
