import Foundation

/// Rough text extraction for the `TextBody` and `Subject` that Salesforce stores beside an HTML
/// e-mail. It drops tags, scripts, styles and comments and decodes a few common entities. It is not
/// an HTML parser, and the emulator's tests do not depend on its exact output.
enum HTMLText {
    static func title(of html: String) -> String? {
        let lowercased = html.lowercased()
        guard let open = lowercased.range(of: "<title"),
              let openEnd = lowercased[open.upperBound...].firstIndex(of: ">"),
              let close = lowercased.range(of: "</title>", range: openEnd..<lowercased.endIndex)
        else { return nil }
        // Lower-casing can change lengths outside ASCII, so map the offsets back through UTF-8 counts.
        let start = lowercased.utf8.distance(from: lowercased.startIndex, to: lowercased.index(after: openEnd))
        let end = lowercased.utf8.distance(from: lowercased.startIndex, to: close.lowerBound)
        let bytes = Array(html.utf8)
        guard start <= end, end <= bytes.count else { return nil }
        return collapseWhitespace(decodeEntities(String(decoding: bytes[start..<end], as: UTF8.self)))
    }

    static func plainText(of html: String) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count / 2)
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            guard character == "<" else {
                output.append(character)
                index = html.index(after: index)
                continue
            }
            let rest = html[index...]
            if rest.hasPrefix("<!--") {
                index = rest.range(of: "-->")?.upperBound ?? html.endIndex
                continue
            }
            let tagEnd = rest.firstIndex(of: ">") ?? html.endIndex
            let tag = rest[rest.index(after: rest.startIndex)..<tagEnd].lowercased()
            index = tagEnd < html.endIndex ? html.index(after: tagEnd) : html.endIndex
            for skipped in ["script", "style", "head"] where tag.hasPrefix(skipped) {
                index = html[index...].range(of: "</\(skipped)", options: .caseInsensitive)?.upperBound ?? html.endIndex
            }
            if ["p", "br", "div", "tr", "li", "h1", "h2", "h3", "/p", "/div", "/tr", "/table", "blockquote"]
                .contains(where: { tag == $0 || tag.hasPrefix($0 + " ") || tag.hasPrefix($0 + "/") }) {
                output += "\n"
            }
        }
        let lines = decodeEntities(output).split(separator: "\n", omittingEmptySubsequences: true)
            .map { collapseWhitespace(String($0)) }
            .filter { !$0.isEmpty }
        return lines.joined(separator: "\n")
    }

    private static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text
            .replacingOccurrences(of: "&nbsp;", with: " ")
            .replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    private static func collapseWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
