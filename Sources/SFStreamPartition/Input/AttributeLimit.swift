#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds start tags with more attributes than sfstream passes to libxml2.
///
/// libxml2 2.9.14 compares each attribute of a start tag with every earlier one of that tag, so
/// parse time grows with the square of a tag's attribute count. Measured here, 256 attributes a
/// tag doubled the parse time per byte, 4,000 made it 16 times, and one tag of 40,000 took about
/// 45 s. No real e-mail comes near 256, so attributes after the 256th are cut before parsing,
/// which keeps the parse time of any document linear in its size.
///
/// The scan reads start tags as libxml2's HTML parser does, so that only real tags are cut. It
/// skips comments and the raw text of `script` and `style`, where libxml2 reads no tags.
enum AttributeLimit {
    static let maximumAttributes = 256

    /// Returns the byte ranges to cut, in order: in each tag, from its first attribute past the
    /// maximum to the end of the tag (its `>` or `/>` stays). Empty for almost every document.
    static func excessRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard let base = bytes.baseAddress else { return [] }
        let count = bytes.count
        var ranges: [Range<Int>] = []
        var offset = 0
        while offset < count {
            guard let found = memchr(base + offset, Int32(UInt8(ascii: "<")), count - offset) else { break }
            let start = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            guard start + 1 < count else { break }
            let next = bytes[start + 1]
            if next == UInt8(ascii: "!") && start + 3 < count && bytes[start + 2] == UInt8(ascii: "-")
                && bytes[start + 3] == UInt8(ascii: "-")
            {
                offset = commentEnd(bytes, from: start + 4)
                continue
            }
            guard isLetter(next) else {
                offset = start + 1
                continue
            }
            let tag = scanStartTag(bytes, at: start)
            if let excess = tag.excess { ranges.append(excess) }
            offset = tag.end
            if let rawTextEnd = rawTextEnd(bytes, tagName: start + 1..<tag.nameEnd, from: tag.end) {
                offset = rawTextEnd
            }
        }
        return ranges
    }

    /// Reads the start tag at `start` (its `<`). Returns where the tag ends (the index of its `>`,
    /// or of the `/` of `/>`, or the end of input), where its name ends, and the range of its
    /// attributes past the maximum.
    private static func scanStartTag(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int
    ) -> (end: Int, nameEnd: Int, excess: Range<Int>?) {
        let count = bytes.count
        var index = start + 1
        while index < count && isNameByte(bytes[index]) { index += 1 }
        let nameEnd = index
        var attributes = 0
        var excessStart: Int?
        while index < count {
            let byte = bytes[index]
            if isBlank(byte) {
                index += 1
                continue
            }
            if byte == UInt8(ascii: ">") || isSelfClosing(bytes, at: index) { break }
            attributes += 1
            if attributes == maximumAttributes + 1 { excessStart = index }
            // The name, or a token that libxml2 rejects as a name and skips.
            while index < count {
                let nameByte = bytes[index]
                if isBlank(nameByte) || nameByte == UInt8(ascii: "=") || nameByte == UInt8(ascii: ">")
                    || isSelfClosing(bytes, at: index)
                {
                    break
                }
                index += 1
            }
            var cursor = index
            while cursor < count && isBlank(bytes[cursor]) { cursor += 1 }
            guard cursor < count, bytes[cursor] == UInt8(ascii: "=") else { continue }
            cursor += 1
            while cursor < count && isBlank(bytes[cursor]) { cursor += 1 }
            if cursor < count && (bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'")) {
                index = closingQuote(bytes, quote: bytes[cursor], from: cursor + 1).map { $0 + 1 } ?? count
            } else {
                while cursor < count && !isBlank(bytes[cursor]) && bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
                index = cursor
            }
        }
        return (index, nameEnd, excessStart.map { $0..<index })
    }

    /// Returns the index just past the `-->` that ends a comment, or the end of input.
    private static func commentEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var offset = start
        while offset < bytes.count {
            guard let found = memchr(base + offset, Int32(UInt8(ascii: ">")), bytes.count - offset) else { break }
            let index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if index >= start + 2 && bytes[index - 1] == UInt8(ascii: "-") && bytes[index - 2] == UInt8(ascii: "-") {
                return index + 1
            }
            offset = index + 1
        }
        return bytes.count
    }

    /// For a `script` or `style` start tag, returns the index of the `</` that ends its raw text
    /// (the tag's name in any case, as libxml2 ends it when recovering), or the end of input.
    /// Returns `nil` for any other tag.
    private static func rawTextEnd(
        _ bytes: UnsafeBufferPointer<UInt8>, tagName: Range<Int>, from start: Int
    ) -> Int? {
        guard let base = bytes.baseAddress,
            isTagName(bytes, tagName, "script") || isTagName(bytes, tagName, "style")
        else {
            return nil
        }
        let length = tagName.count
        var offset = start
        while offset < bytes.count {
            guard let found = memchr(base + offset, Int32(UInt8(ascii: "<")), bytes.count - offset) else { break }
            let index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if index + 1 + length < bytes.count && bytes[index + 1] == UInt8(ascii: "/"),
                sameIgnoringCase(bytes, index + 2..<index + 2 + length, tagName)
            {
                return index
            }
            offset = index + 1
        }
        return bytes.count
    }

    private static func closingQuote(_ bytes: UnsafeBufferPointer<UInt8>, quote: UInt8, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count,
            let found = memchr(base + start, Int32(quote), bytes.count - start)
        else {
            return nil
        }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// True when `range` of `bytes` is `name` (lowercase), ignoring ASCII case.
    private static func isTagName(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ name: StaticString) -> Bool {
        range.count == name.utf8CodeUnitCount && MarkupCleaner.matchesKeyword(name, bytes, at: range.lowerBound)
    }

    /// Compares two ranges of `bytes`, ignoring ASCII case.
    private static func sameIgnoringCase(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ other: Range<Int>
    ) -> Bool {
        guard range.count == other.count else { return false }
        for (index, otherIndex) in zip(range, other) where bytes[index] | 0x20 != bytes[otherIndex] | 0x20 {
            return false
        }
        return true
    }

    private static func isSelfClosing(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        bytes[index] == UInt8(ascii: "/") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: ">")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// Letters, digits, `:`, `-`, `_` and `.`, the bytes libxml2 reads into an HTML tag name.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ":")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
