/// Lays out elements as a JSON array indented by two spaces, the layout of Python's
/// `json.dump(elements, file, indent=2)` that unstructured-ingest writes its `.json` outputs with.
enum IndentedJSON {
    /// Returns the array of `elements`, each written by ``ElementJSONWriter`` (so with its key
    /// order and escaping) and then indented. There is no newline after the closing bracket.
    static func array(of elements: [Element]) -> [UInt8] {
        var compact = ElementJSONWriter()
        compact.writeArray(elements)
        return indent(compact.buffer)
    }

    /// Re-lays out compact JSON with one line per value inside a non-empty object or array, two
    /// spaces per level, and `": "` after keys. Empty `{}` and `[]` stay on one line, and bytes
    /// inside strings are copied unchanged.
    static func indent(_ compact: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(compact.count * 2)
        var depth = 0
        var inString = false
        var escaped = false
        var index = 0

        func newline() {
            output.append(UInt8(ascii: "\n"))
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
        }

        while index < compact.count {
            let byte = compact[index]
            index += 1
            if inString {
                output.append(byte)
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                output.append(byte)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                output.append(byte)
                let closing = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if index < compact.count, compact[index] == closing {
                    output.append(closing)
                    index += 1
                } else {
                    depth += 1
                    newline()
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                newline()
                output.append(byte)
            case UInt8(ascii: ","):
                output.append(byte)
                newline()
            case UInt8(ascii: ":"):
                output.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
            default:
                output.append(byte)
            }
        }
        return output
    }
}
