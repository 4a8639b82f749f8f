#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decodes the bytes of a local HTML file to UTF-8.
///
/// The encoding is chosen in this order:
/// 1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE);
/// 2. valid UTF-8 that contains non-ASCII characters, even where a declaration names another
///    encoding: text in a legacy encoding is almost never valid UTF-8 by chance, while mail and
///    saved pages often carry a stale `charset`;
/// 3. `declaredEncoding` (the user's `--encoding`, or a MIME charset);
/// 4. a `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 4096 bytes;
/// 5. ASCII-only bytes as UTF-8;
/// 6. windows-1252, the encoding browsers assume for undeclared Western documents.
/// A UTF-16 or UTF-32 `declaredEncoding` is honoured before step 2, because such text can be valid
/// UTF-8 byte for byte.
///
/// Legacy names map to the superset browsers use (iso-8859-1 and us-ascii to windows-1252, gb2312
/// to GB18030, ks_c_5601-1987 and euc-kr to CP949, shift_jis to CP932, iso-8859-9 to windows-1254,
/// tis-620 to CP874), so bytes that the narrow charset leaves undefined still decode. Bytes invalid
/// in the chosen encoding become U+FFFD.
enum HTMLDecoding {
    static func utf8Bytes(_ bytes: [UInt8], declaredEncoding: String?) throws -> [UInt8] {
        if let declaredEncoding {
            // Reject an unknown name even when the bytes would not need it.
            _ = try converterName(for: declaredEncoding)
        }
        if let (encoding, bomLength) = byteOrderMark(bytes) {
            return try convert(Array(bytes[bomLength...]), from: encoding)
        }
        if let declaredEncoding, isWideUnicode(declaredEncoding) {
            return try convert(bytes, from: declaredEncoding)
        }
        let hasNonASCII = bytes.contains { $0 >= 0x80 }
        if hasNonASCII && isValidUTF8(bytes) { return bytes }
        if let declaredEncoding {
            return try convert(bytes, from: declaredEncoding)
        }
        // A page cannot declare a UTF-16 encoding in ASCII-compatible markup; browsers read UTF-8 then.
        if let metaCharset = MetaCharsetSniffer.charset(in: bytes), !isWideUnicode(metaCharset),
            (try? converterName(for: metaCharset)) != nil
        {
            return try convert(bytes, from: metaCharset)
        }
        if !hasNonASCII { return bytes }
        return try convert(bytes, from: "windows-1252")
    }

    /// Returns the encoding a byte order mark names and the mark's length.
    static func byteOrderMark(_ bytes: [UInt8]) -> (String, Int)? {
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { return ("utf-8", 3) }
        if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE { return ("utf-16le", 2) }
        if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF { return ("utf-16be", 2) }
        return nil
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }

    private static func isWideUnicode(_ name: String) -> Bool {
        let normalized = normalizedName(name)
        return normalized.hasPrefix("utf-16") || normalized.hasPrefix("utf-32") || normalized.hasPrefix("ucs-")
    }

    /// Lowercases a charset name and writes `_` as `-` (Python spells `utf_8`, `iso8859_1`).
    static func normalizedName(_ name: String) -> String {
        var result = name.lowercased().replacingUnderscores()
        result = result.filter { !$0.isWhitespace && $0 != "\"" && $0 != "'" }
        return result
    }

    /// Returns the iconv name for a charset label, after mapping legacy labels to their supersets.
    ///
    /// - Throws: ``PartitionError`` when iconv does not know the name.
    static func converterName(for label: String) throws -> String {
        let normalized = normalizedName(label)
        let mapped = supersets[normalized] ?? normalized
        let descriptor = iconv_open("UTF-8", mapped)
        if descriptor == iconv_t(bitPattern: -1) {
            throw PartitionError.unknownEncoding(label)
        }
        iconv_close(descriptor)
        return mapped
    }

    private static let supersets: [String: String] = [
        "iso-8859-1": "windows-1252", "iso8859-1": "windows-1252", "latin1": "windows-1252",
        "latin-1": "windows-1252", "l1": "windows-1252", "us-ascii": "windows-1252", "ascii": "windows-1252",
        "iso-ir-100": "windows-1252", "cp819": "windows-1252", "ibm819": "windows-1252",
        "iso-8859-9": "windows-1254", "iso8859-9": "windows-1254", "latin5": "windows-1254",
        "iso-8859-11": "cp874", "tis-620": "cp874", "windows-874": "cp874",
        "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb-2312": "gb18030", "chinese": "gb18030",
        "csgb2312": "gb18030", "euc-cn": "gb18030",
        "ks-c-5601-1987": "cp949", "ks-c-5601": "cp949", "euc-kr": "cp949", "windows-949": "cp949",
        "ksc5601": "cp949",
        "shift-jis": "cp932", "shift_jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "ms-kanji": "cp932",
        "windows-31j": "cp932", "csshiftjis": "cp932",
        "big5": "big5-hkscs", "x-x-big5": "big5-hkscs",
        "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8", "utf-8-sig": "utf-8",
        "utf-16": "utf-16le", "unicode": "utf-16le", "ucs-2": "utf-16le", "utf16": "utf-16le",
        "iso2022-jp": "iso-2022-jp", "csiso2022jp": "iso-2022-jp",
        "x-mac-roman": "macintosh", "mac-roman": "macintosh",
        "windows-1250": "cp1250", "windows-1251": "cp1251", "windows-1252": "cp1252", "windows-1253": "cp1253",
        "windows-1254": "cp1254", "windows-1255": "cp1255", "windows-1256": "cp1256", "windows-1257": "cp1257",
        "windows-1258": "cp1258",
    ]

    /// Converts `bytes` to UTF-8 with iconv, writing U+FFFD for each invalid or truncated sequence.
    static func convert(_ bytes: [UInt8], from label: String) throws -> [UInt8] {
        let name = try converterName(for: label)
        if name == "utf-8" {
            return isValidUTF8(bytes) ? bytes : Array(String(decoding: bytes, as: UTF8.self).utf8)
        }
        let descriptor = iconv_open("UTF-8", name)
        if descriptor == iconv_t(bitPattern: -1) { throw PartitionError.unknownEncoding(label) }
        defer { iconv_close(descriptor) }

        var output = [UInt8](repeating: 0, count: max(64, bytes.count * 2 + 16))
        var written = 0
        var input = bytes
        let inputCount = input.count
        var consumed = 0
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        input.withUnsafeMutableBufferPointer { inputBuffer in
            while consumed < inputCount {
                if output.count - written < 64 { output.append(contentsOf: repeatElement(0, count: output.count)) }
                var inputLeft = inputCount - consumed
                var outputLeft = output.count - written
                let failure = output.withUnsafeMutableBufferPointer { outputBuffer -> Int32? in
                    let inputStart = UnsafeMutableRawPointer(inputBuffer.baseAddress! + consumed)
                    let outputStart = UnsafeMutableRawPointer(outputBuffer.baseAddress! + written)
                    var inPointer: UnsafeMutablePointer<CChar>? = inputStart.assumingMemoryBound(to: CChar.self)
                    var outPointer: UnsafeMutablePointer<CChar>? = outputStart.assumingMemoryBound(to: CChar.self)
                    let status = iconv(descriptor, &inPointer, &inputLeft, &outPointer, &outputLeft)
                    return status == -1 ? errno : nil
                }
                consumed = inputCount - inputLeft
                written = output.count - outputLeft
                switch failure {
                case nil:
                    break
                case E2BIG?:
                    // The output buffer is full: grow it and continue where iconv stopped.
                    output.append(contentsOf: repeatElement(0, count: output.count))
                default:
                    // EILSEQ or EINVAL: an invalid or truncated sequence. Write U+FFFD, skip one byte.
                    if output.count - written < 3 { output.append(contentsOf: repeatElement(0, count: output.count)) }
                    for byte in replacement {
                        output[written] = byte
                        written += 1
                    }
                    consumed += 1
                }
            }
        }
        output.removeSubrange(written...)
        return output
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
