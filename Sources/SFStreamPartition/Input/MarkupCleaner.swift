#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte-level repairs applied to UTF-8 markup before libxml2 parses it.
///
/// - NUL bytes are removed. libxml2 2.9.14 stops parsing at the first NUL even when it is given the
///   buffer length, so everything after it would be lost. Removing them (not replacing them with a
///   space) keeps a word such as `inv\0oice` whole.
/// - The markers of downlevel-revealed conditional comments, `<![if expression]>` and `<![endif]>`,
///   are removed and the content between them is kept. Browsers other than old Internet Explorer
///   show that content, and libxml2 2.9.14 would otherwise turn each marker into text. The
///   downlevel-hidden form `<!--[if mso]> … <![endif]-->` is a comment and is left alone.
/// - Attributes of a start tag after its 256th are cut (see ``AttributeLimit``).
enum MarkupCleaner {
    /// Returns the cleaned markup, or `nil` when nothing needs to change (the common case, which
    /// then costs two scans and no copy).
    static func cleaned(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let cuts = AttributeLimit.excessRanges(bytes)
        guard !cuts.isEmpty || needsCleaning(bytes) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        var nextCut = cuts.first
        var remainingCuts = cuts.dropFirst()
        let count = bytes.count
        while index < count {
            if let cut = nextCut, index >= cut.lowerBound {
                index = max(index, cut.upperBound)
                nextCut = remainingCuts.popFirst()
                continue
            }
            let byte = bytes[index]
            if byte == 0 {
                index += 1
                continue
            }
            if byte == UInt8(ascii: "<"), let end = conditionalMarkerEnd(bytes, at: index) {
                index = end
                continue
            }
            output.append(byte)
            index += 1
        }
        return output
    }

    /// Looks for a NUL byte and for conditional markers with the C library's `memchr`, which
    /// scans far faster than a byte loop in Swift.
    private static func needsCleaning(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return false }
        if memchr(base, 0, bytes.count) != nil { return true }
        var offset = 0
        while offset < bytes.count {
            guard let found = memchr(base + offset, Int32(UInt8(ascii: "<")), bytes.count - offset) else {
                return false
            }
            let index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if index + 2 < bytes.count && bytes[index + 1] == UInt8(ascii: "!")
                && bytes[index + 2] == UInt8(ascii: "["),
                conditionalMarkerEnd(bytes, at: index) != nil
            {
                return true
            }
            offset = index + 1
        }
        return false
    }

    /// Returns the index just past a `<![if …]>` or `<![endif]>` marker starting at `start`, or `nil`.
    /// `<![CDATA[` and the `<![endif]-->` that closes a downlevel-hidden comment do not match.
    private static func conditionalMarkerEnd(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        let count = bytes.count
        guard start + 4 < count, bytes[start + 1] == UInt8(ascii: "!"), bytes[start + 2] == UInt8(ascii: "[") else {
            return nil
        }
        var index = start + 3
        if matchesKeyword("endif", bytes, at: index) {
            index += 5
            while index < count, bytes[index] == UInt8(ascii: " ") { index += 1 }
            guard index + 1 < count, bytes[index] == UInt8(ascii: "]"), bytes[index + 1] == UInt8(ascii: ">") else {
                return nil
            }
            return index + 2
        }
        guard matchesKeyword("if", bytes, at: index), index + 2 < count,
            bytes[index + 2] == UInt8(ascii: " ") || bytes[index + 2] == UInt8(ascii: "\t")
        else {
            return nil
        }
        index += 2
        // The expression (`!mso`, `gte mso 9`, `(IE)&(!mso)`) is short; a marker that does not close
        // within 200 bytes is not treated as one.
        let limit = min(count, index + 200)
        while index + 1 < limit {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") { return nil }
            if byte == UInt8(ascii: "]"), bytes[index + 1] == UInt8(ascii: ">") { return index + 2 }
            index += 1
        }
        return nil
    }

    /// True when the bytes at `start` spell `keyword` (lowercase), ignoring ASCII case.
    static func matchesKeyword(
        _ keyword: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, at start: Int
    ) -> Bool {
        let length = keyword.utf8CodeUnitCount
        guard start + length <= bytes.count else { return false }
        let pointer = keyword.utf8Start
        for offset in 0..<length where bytes[start + offset] | 0x20 != pointer[offset] {
            return false
        }
        return true
    }
}
