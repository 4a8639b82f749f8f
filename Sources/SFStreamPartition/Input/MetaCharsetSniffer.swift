/// Finds the charset a document declares in its first 4096 bytes: `<meta charset="…">`,
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`, or an XML declaration's
/// `encoding="…"`. The scan is ASCII case-insensitive and ignores comments' content only as far as
/// a browser's prescan does (a `charset` inside a comment before the real tag is a known limit).
enum MetaCharsetSniffer {
    static let prescanLength = 4096

    static func charset(in bytes: [UInt8]) -> String? {
        let limit = min(bytes.count, prescanLength)
        let lowered = bytes[0..<limit].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        if let declaration = xmlDeclarationEncoding(lowered) { return declaration }
        var index = 0
        while let tagStart = find(Array("<meta".utf8), in: lowered, from: index) {
            let tagEnd = lowered[tagStart...].firstIndex(of: UInt8(ascii: ">")) ?? lowered.count
            let tag = Array(lowered[tagStart..<tagEnd])
            if let name = charsetValue(in: tag) { return name }
            index = tagEnd
        }
        return nil
    }

    private static func xmlDeclarationEncoding(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("<?xml".utf8)) else { return nil }
        let end = bytes.firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
        let declaration = Array(bytes[0..<end])
        guard let position = find(Array("encoding".utf8), in: declaration, from: 0) else { return nil }
        return value(in: declaration, after: position + 8)
    }

    /// The value after `charset` in one lowercased meta tag, whether it is the attribute or part of
    /// the `content` attribute.
    private static func charsetValue(in tag: [UInt8]) -> String? {
        var index = 0
        while let position = find(Array("charset".utf8), in: tag, from: index) {
            if let name = value(in: tag, after: position + 7) { return name }
            index = position + 7
        }
        return nil
    }

    private static func value(in bytes: [UInt8], after start: Int) -> String? {
        var index = start
        while index < bytes.count
            && (bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D)
        { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { return nil }
        index += 1
        while index < bytes.count
            && (bytes[index] == 0x20 || bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'"))
        {
            index += 1
        }
        var end = index
        while end < bytes.count {
            let byte = bytes[end]
            let isNameByte =
                (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
            if !isNameByte { break }
            end += 1
        }
        guard end > index else { return nil }
        return String(decoding: bytes[index..<end], as: UTF8.self)
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0] && haystack[index..<index + needle.count].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}
