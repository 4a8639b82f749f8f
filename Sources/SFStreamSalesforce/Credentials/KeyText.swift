import Foundation

/// The forms in which a private-key setting arrives, recognised before the text reaches OpenSSL.
///
/// Keys are copied through environment variables, JSON fields, `.env` files and web forms,
/// which add quotes, a byte-order mark, CRLF line ends, trailing spaces, literal `\n`
/// sequences or spaces in place of line breaks. `KeyText` undoes those and rebuilds a
/// canonical PEM block, so that such a key decodes like the original file.
enum KeyText {
    /// A PEM block rebuilt with 64-character base64 lines.
    struct PEMBlock {
        let label: String
        /// Encapsulated headers (`Proc-Type`, `DEK-Info`) of a traditional encrypted key.
        let headers: [String]
        let base64Body: String

        var isEncrypted: Bool {
            label == "ENCRYPTED PRIVATE KEY" || headers.contains { $0.hasPrefix("Proc-Type:") && $0.contains("ENCRYPTED") }
        }

        var text: String {
            var lines = ["-----BEGIN \(label)-----"]
            if !headers.isEmpty {
                lines += headers
                lines.append("")
            }
            var start = base64Body.startIndex
            while start < base64Body.endIndex {
                let end = base64Body.index(start, offsetBy: 64, limitedBy: base64Body.endIndex) ?? base64Body.endIndex
                lines.append(String(base64Body[start..<end]))
                start = end
            }
            lines.append("-----END \(label)-----")
            return lines.joined(separator: "\n") + "\n"
        }
    }

    enum Classification {
        case pem(PEMBlock)
        /// Base64 text without BEGIN/END lines, accepted as a PKCS#8 or PKCS#1 body.
        case bodyOnly(base64: String)
        /// Something that can only be a file path (or garbage).
        case pathCandidate(String)
    }

    /// A path is never longer than this (Linux `PATH_MAX`), so longer values are not looked up.
    static let maxPathLength = 4096

    /// Undoes the transport damage listed in the type comment, keeping the key text intact.
    static func normalize(_ raw: String) -> String {
        var text = Substring(raw)
        text = trimmed(text)
        if text.first == "\u{FEFF}" { text = trimmed(text.dropFirst()) }
        for quote in ["\"", "'"] as [Character] where text.count >= 2 && text.first == quote && text.last == quote {
            text = trimmed(text.dropFirst().dropLast())
        }
        var result = String(text)
        // Literal backslash-n sequences, as left by JSON or `.env` files that were not unescaped.
        if result.contains("\\n") {
            result = result.replacingAll("\\r\\n", with: "\n").replacingAll("\\n", with: "\n")
        }
        return result.replacingAll("\r\n", with: "\n").replacingAll("\r", with: "\n")
    }

    static func classify(normalized text: String) throws(CredentialError.Problem) -> Classification {
        if text.contains("-----BEGIN ") || text.contains("-----END ") {
            return .pem(try parsePEM(text))
        }
        let compact = text.filter { !$0.isWhitespace }
        // A DER SEQUENCE longer than 255 bytes starts with 0x30 0x82, which base64 writes as "MI",
        // and no RSA key body is shorter than 200 base64 characters.
        if compact.count >= 200, compact.hasPrefix("MI"), compact.allSatisfy(isBase64Character) {
            return .bodyOnly(base64: compact)
        }
        return .pathCandidate(text)
    }

    /// Finds the first private-key PEM block; other blocks (certificates) in the same text are skipped.
    private static func parsePEM(_ text: String) throws(CredentialError.Problem) -> PEMBlock {
        var rest = Substring(text)
        var otherLabel: String?
        while let begin = rest.range(of: "-----BEGIN ") {
            let afterBegin = rest[begin.upperBound...]
            guard let labelEnd = afterBegin.range(of: "-----") else {
                throw .incompletePEM(detail: "the BEGIN line is cut off")
            }
            let label = String(afterBegin[..<labelEnd.lowerBound]).trimmingSpaces()
            let content = afterBegin[labelEnd.upperBound...]
            guard label.hasSuffix("PRIVATE KEY") else {
                otherLabel = otherLabel ?? label
                rest = content
                continue
            }
            guard let end = content.range(of: "-----END \(label)-----") else {
                throw .incompletePEM(detail: "no -----END \(label)----- line")
            }
            return try makeBlock(label: label, content: content[..<end.lowerBound])
        }
        if let otherLabel {
            throw .notAPrivateKey(label: otherLabel)
        }
        throw .incompletePEM(detail: "an END line without a BEGIN line")
    }

    private static func makeBlock(label: String, content: Substring) throws(CredentialError.Problem) -> PEMBlock {
        var headers: [String] = []
        var body = ""
        for line in content.split(separator: "\n") {
            let trimmedLine = line.trimmingSpaces()
            if trimmedLine.contains(":") {
                headers.append(trimmedLine)
            } else {
                body += trimmedLine.filter { !$0.isWhitespace }
            }
        }
        guard !body.isEmpty else {
            throw .incompletePEM(detail: "no base64 body between the BEGIN and END lines")
        }
        guard body.allSatisfy(isBase64Character) else {
            throw .corrupt(bodyOnly: false)
        }
        return PEMBlock(label: label, headers: headers, base64Body: body)
    }

    static func isBase64Character(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        switch ascii {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }

    private static func trimmed(_ text: Substring) -> Substring {
        var text = text
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return text
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }
}
