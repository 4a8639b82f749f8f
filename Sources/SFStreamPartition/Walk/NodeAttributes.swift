/// The attributes of one element that the partitioner reads, found in a single pass over libxml2's
/// attribute list. Values point into that list and are valid only while the start tag is handled.
struct NodeAttributes {
    var style: UnsafePointer<UInt8>?
    var isHiddenAttribute = false
    /// The `open` attribute of `<details>`.
    var isOpen = false
    var href: UnsafePointer<UInt8>?
    var alt: UnsafePointer<UInt8>?
    var src: UnsafePointer<UInt8>?
    var width: UnsafePointer<UInt8>?
    var height: UnsafePointer<UInt8>?
    var role: UnsafePointer<UInt8>?
    var colspan: UnsafePointer<UInt8>?
    var rowspan: UnsafePointer<UInt8>?
    var classValue: UnsafePointer<UInt8>?
    var idValue: UnsafePointer<UInt8>?

    init(_ list: AttributeList?) {
        guard var cursor = list else { return }
        while let name = cursor[0] {
            let value = cursor[1]
            cursor += 2
            guard let key = TagKey(name) else { continue }
            switch key {
            case Names.style: style = value
            case Names.hidden: isHiddenAttribute = true
            case Names.open: isOpen = true
            case Names.href: href = value
            case Names.alt: alt = value
            case Names.src: src = value
            case Names.width: width = value
            case Names.height: height = value
            case Names.role: role = value
            case Names.colspan: colspan = value
            case Names.rowspan: rowspan = value
            case Names.class: classValue = value
            case Names.id: idValue = value
            default: break
            }
        }
    }

    /// Attribute names packed as ``TagKey`` packs them; computed so that a comparison costs no
    /// lazy global initialization. `HTMLTagTests` checks each against `TagKey(name)`.
    enum Names {
        static var style: TagKey { TagKey(low: 0x656c797473) }
        static var hidden: TagKey { TagKey(low: 0x6e6564646968) }
        static var open: TagKey { TagKey(low: 0x6e65706f) }
        static var href: TagKey { TagKey(low: 0x66657268) }
        static var alt: TagKey { TagKey(low: 0x746c61) }
        static var src: TagKey { TagKey(low: 0x637273) }
        static var width: TagKey { TagKey(low: 0x6874646977) }
        static var height: TagKey { TagKey(low: 0x746867696568) }
        static var role: TagKey { TagKey(low: 0x656c6f72) }
        static var colspan: TagKey { TagKey(low: 0x6e6170736c6f63) }
        static var rowspan: TagKey { TagKey(low: 0x6e617073776f72) }
        static var `class`: TagKey { TagKey(low: 0x7373616c63) }
        static var id: TagKey { TagKey(low: 0x6469) }
    }
}

/// Helpers for NUL-terminated attribute values.
enum AttributeValue {
    /// Returns the value with ASCII whitespace trimmed, as a String (empty for `nil`).
    static func trimmed(_ value: UnsafePointer<UInt8>?) -> String {
        guard let value else { return "" }
        let length = cStringLength(value)
        var lower = 0
        var upper = length
        while lower < upper && isSpace(value[lower]) { lower += 1 }
        while upper > lower && isSpace(value[upper - 1]) { upper -= 1 }
        return String(decoding: UnsafeBufferPointer(start: value + lower, count: upper - lower), as: UTF8.self)
    }

    /// Returns the leading integer of a value such as `1`, `1px` or ` 600 `, or `nil`.
    static func leadingInteger(_ value: UnsafePointer<UInt8>?) -> Int? {
        guard let value else { return nil }
        var index = 0
        while isSpace(value[index]) { index += 1 }
        var result = 0
        var sawDigit = false
        while value[index] >= UInt8(ascii: "0") && value[index] <= UInt8(ascii: "9") {
            result = min(result * 10 + Int(value[index] - UInt8(ascii: "0")), 1_000_000)
            sawDigit = true
            index += 1
        }
        return sawDigit ? result : nil
    }

    /// True when the value equals `expected`, ignoring ASCII case and surrounding whitespace.
    static func equals(_ value: UnsafePointer<UInt8>?, _ expected: StaticString) -> Bool {
        guard value != nil else { return false }
        let trimmedValue = trimmed(value).lowercased()
        return trimmedValue == expected.description
    }

    /// True when `url` starts with `scheme` (lowercase, with its colon), ignoring ASCII case.
    static func hasScheme(_ url: String, _ scheme: StaticString) -> Bool {
        var remaining = url.utf8.makeIterator()
        let expected = UnsafeBufferPointer(start: scheme.utf8Start, count: scheme.utf8CodeUnitCount)
        for byte in expected {
            guard let actual = remaining.next() else { return false }
            let lower = actual >= 0x41 && actual <= 0x5A ? actual | 0x20 : actual
            if lower != byte { return false }
        }
        return true
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
