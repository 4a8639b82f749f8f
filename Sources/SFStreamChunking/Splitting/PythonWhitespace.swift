import SFStreamElements

/// Whitespace as Python's `str.isspace()`, `str.split()` and `str.strip()` see it, because
/// `unstructured` normalizes and trims chunk text with those.
///
/// The set is CPython's `_PyUnicode_IsWhitespace`: the Unicode `White_Space` scalars plus the
/// separators U+001C–U+001F. It includes NO-BREAK SPACE (U+00A0), common in HTML e-mails.
enum PythonWhitespace {
    static func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F,
            0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Returns `" ".join(text.split())`: words separated by one space, no leading or trailing
    /// whitespace, and the result's length in scalars.
    static func collapse(_ text: String) -> (text: String, count: Int) {
        if let count = countIfCollapsed(text) { return (text, count) }

        var output = String.UnicodeScalarView()
        var count = 0
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if contains(scalar) {
                pendingSpace = count > 0
                continue
            }
            if pendingSpace {
                output.append(" ")
                count += 1
                pendingSpace = false
            }
            output.append(scalar)
            count += 1
        }
        return (String(output), count)
    }

    /// Returns the scalar count of `text` when collapsing would not change it, so most texts are
    /// neither copied nor reallocated; nil otherwise.
    static func countIfCollapsed(_ text: String) -> Int? {
        // -1 stands for nil, so that the closure's result is not a double optional.
        let counted = text.utf8.withContiguousStorageIfAvailable { countIfCollapsed(utf8: $0) ?? -1 }
        if let counted { return counted < 0 ? nil : counted }
        var count = 0
        var previousIsSpace = true  // so leading whitespace counts as a change
        for scalar in text.unicodeScalars {
            if contains(scalar) {
                if scalar != " " || previousIsSpace { return nil }
                previousIsSpace = true
            } else {
                previousIsSpace = false
            }
            count += 1
        }
        return previousIsSpace && count > 0 ? nil : count
    }

    /// Returns the same count from valid UTF-8, deciding ASCII byte by byte, because walking
    /// `unicodeScalars` cost several times as much and this runs for every element that is chunked.
    private static func countIfCollapsed(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var count = 0
        var previousIsSpace = true  // so leading whitespace counts as a change
        var index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count {
                // Eight bytes at a time while they are printable ASCII or single spaces: most
                // chunked text is, and this runs for every element.
                let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
                if let spaces = ASCIIWord.spaces(ifPrintable: word) {
                    if spaces & (spaces << 8) != 0 { return nil }  // two spaces in a row
                    if previousIsSpace && spaces & 0x80 != 0 { return nil }
                    previousIsSpace = spaces >> 63 != 0
                    count += 8
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == UInt8(ascii: " ") {
                    if previousIsSpace { return nil }
                    previousIsSpace = true
                } else if (0x09...0x0D).contains(byte) || (0x1C...0x1F).contains(byte) {
                    return nil
                } else {
                    previousIsSpace = false
                }
                count += 1
                index += 1
                continue
            }
            let (value, next) = UTF8Scalar.decode(bytes, at: index)
            // Whitespace other than the ASCII space always changes when collapsed.
            if let scalar = Unicode.Scalar(value), contains(scalar) { return nil }
            previousIsSpace = false
            count += 1
            index = next
        }
        return previousIsSpace && count > 0 ? nil : count
    }

    /// Returns `text.strip()` and its length in scalars.
    static func strip(_ text: String) -> (text: String, count: Int) {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !contains($0) }) else { return ("", 0) }
        let last = scalars.lastIndex(where: { !contains($0) })!
        let trimmed = String(scalars[first...last])
        return (trimmed, trimmed.unicodeScalars.count)
    }
}

/// Tests on eight bytes at once, little-endian, one byte a lane.
enum ASCIIWord {
    private static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Returns the lanes holding a space (bit 7 of each such byte set) when every byte is
    /// printable ASCII (0x20 to 0x7E), else nil.
    @inline(__always)
    static func spaces(ifPrintable word: UInt64) -> UInt64? {
        if word & highs != 0 { return nil }
        // Bit 7 of a lane is set when its byte is 0x20 or more (no lane overflows, the high bits
        // being clear), and when it is 0x7F or more.
        let atLeastSpace = (word &+ 0x6060_6060_6060_6060) & highs
        let atLeastDelete = (word &+ 0x0101_0101_0101_0101) & highs
        if atLeastSpace != highs || atLeastDelete != 0 { return nil }
        return zeroLanes(word ^ 0x2020_2020_2020_2020)
    }

    /// Returns bit 7 set in each lane whose byte is zero, exactly (no borrow between lanes).
    @inline(__always)
    static func zeroLanes(_ word: UInt64) -> UInt64 {
        ~(((word & lows) &+ lows) | word | lows)
    }
}
