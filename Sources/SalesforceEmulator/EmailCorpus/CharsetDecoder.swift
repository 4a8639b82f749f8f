#if canImport(Glibc)
import Glibc
#endif

/// Decodes HTML bytes to a String by the rules that chose the corpus manifest's `decode_as`, taking
/// the first that applies:
/// 1. a byte-order mark;
/// 2. UTF-8, when the bytes are valid UTF-8 and not pure ASCII;
/// 3. the MIME charset, then the `<meta>` charset, the first that decodes strictly, trying a common
///    superset (iso-8859-1 → windows-1252, gb2312 → gb18030, big5 → big5-hkscs) when the declared
///    one fails; a declared UTF-8 always decodes, with U+FFFD for invalid bytes;
/// 4. UTF-8, for pure ASCII;
/// 5. windows-1252.
enum CharsetDecoder {
    struct Decoded: Equatable {
        var text: String
        /// The iconv name of the charset that decoded the bytes, for example `WINDOWS-1252`.
        var charset: String
    }

    static func decode(_ bytes: [UInt8], mimeCharset: String? = nil) -> Decoded {
        if let bom = byteOrderMark(bytes) {
            if let text = convert(Array(bytes.dropFirst(bom.length)), from: bom.charset) {
                return Decoded(text: text, charset: bom.charset)
            }
        }
        let isASCII = bytes.allSatisfy { $0 < 0x80 }
        if !isASCII, let text = String(validating: bytes, as: UTF8.self) {
            return Decoded(text: text, charset: "UTF-8")
        }
        let declared = [mimeCharset, metaCharset(in: bytes)].compactMap { $0 }
        for label in declared {
            // A browser decodes declared UTF-8 with U+FFFD for the invalid sequences rather than
            // switching charset, which would turn every valid multi-byte character into mojibake.
            if ["utf-8", "utf8"].contains(label.lowercased()) {
                return Decoded(text: String(decoding: bytes, as: UTF8.self), charset: "UTF-8")
            }
            for charset in candidates(forLabel: label) {
                if let text = convert(bytes, from: charset) {
                    return Decoded(text: text, charset: charset)
                }
            }
        }
        if isASCII {
            return Decoded(text: String(decoding: bytes, as: UTF8.self), charset: "UTF-8")
        }
        if let text = convert(bytes, from: "WINDOWS-1252") {
            return Decoded(text: text, charset: "WINDOWS-1252")
        }
        // windows-1252 leaves five bytes undefined; ISO-8859-1 maps every byte.
        return Decoded(text: convert(bytes, from: "ISO-8859-1") ?? String(decoding: bytes, as: UTF8.self), charset: "ISO-8859-1")
    }

    private static func byteOrderMark(_ bytes: [UInt8]) -> (charset: String, length: Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return ("UTF-8", 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return ("UTF-16LE", 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return ("UTF-16BE", 2) }
        return nil
    }

    /// Returns the charset named by `<meta charset=...>` or `<meta http-equiv content="...; charset=...">`
    /// within the first 4 KiB, lower-cased.
    static func metaCharset(in bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        var searchStart = head.startIndex
        while let meta = head.range(of: "<meta", range: searchStart..<head.endIndex) {
            let tagEnd = head[meta.upperBound...].firstIndex(of: ">") ?? head.endIndex
            let tag = head[meta.upperBound..<tagEnd]
            if let charset = tag.range(of: "charset") {
                var rest = tag[charset.upperBound...].drop { $0 == " " }
                if rest.first == "=" {
                    rest = rest.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
                    let name = rest.prefix { !" \"';/>".contains($0) }
                    if !name.isEmpty { return String(name) }
                }
            }
            searchStart = tagEnd
        }
        return nil
    }

    /// iconv names to try for a declared label: the label itself, then its common superset.
    static func candidates(forLabel label: String) -> [String] {
        let normalized = label.lowercased().replacingOccurrences(of: "_", with: "-")
        switch normalized {
        case "utf-8", "utf8": return ["UTF-8"]
        case "us-ascii", "ascii": return ["US-ASCII", "WINDOWS-1252"]
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1": return ["ISO-8859-1", "WINDOWS-1252"]
        case "gb2312", "gbk", "x-gbk": return ["GB2312", "GB18030"]
        case "big5": return ["BIG5", "BIG5-HKSCS"]
        case "shift-jis", "sjis", "x-sjis": return ["SHIFT_JIS", "CP932"]
        case "euc-kr": return ["EUC-KR", "CP949"]
        case "iso-8859-9": return ["ISO-8859-9", "WINDOWS-1254"]
        case "iso-8859-11", "tis-620": return [normalized.uppercased(), "CP874"]
        default:
            if normalized.hasPrefix("cp"), let number = Int(normalized.dropFirst(2)), (1250...1258).contains(number) {
                return ["WINDOWS-\(number)"]
            }
            return [normalized.uppercased()]
        }
    }

    /// Converts `bytes` to UTF-8 with iconv(3); returns `nil` on any invalid or incomplete sequence.
    static func convert(_ bytes: [UInt8], from charset: String) -> String? {
        let descriptor = iconv_open("UTF-8", charset)
        guard descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }
        if bytes.isEmpty { return "" }

        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let result: Int = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inputPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inputBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var inputLeft = inputBuffer.count
                var outputPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outputBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outputLeft = outputBuffer.count
                let converted = iconv(descriptor, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
                guard converted != -1, inputLeft == 0 else { return -1 }
                // Flush any shift state (ISO-2022-JP ends in ASCII mode).
                guard iconv(descriptor, nil, nil, &outputPointer, &outputLeft) != -1 else { return -1 }
                return outputBuffer.count - outputLeft
            }
        }
        guard result >= 0 else { return nil }
        return String(validating: output.prefix(result), as: UTF8.self)
    }
}
