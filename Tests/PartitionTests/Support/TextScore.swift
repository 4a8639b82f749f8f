import SFStreamElements

/// Scores extracted elements against what a browser shows, the way the corpus scoring script
/// defines it.
///
/// Tokens are runs of letters and digits (Unicode categories L and N, case folded); each Han, Kana
/// or Hangul character is a token of its own unless it continues a run that began with another
/// letter. Text scores compare the token multisets; structure recall is the share of visible
/// headings (list items) whose whitespace-collapsed, case-folded text equals that of some `Title`
/// (`ListItem`).
enum TextScore {
    struct Scores {
        var precision: Double
        var recall: Double
        var f1: Double
    }

    static func tokens(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if isSingleToken(scalar) {
                counts[String(scalar).lowercased(), default: 0] += 1
                index += 1
            } else if isWordScalar(scalar) {
                var token = String.UnicodeScalarView()
                while index < scalars.count && isWordScalar(scalars[index]) {
                    token.append(scalars[index])
                    index += 1
                }
                counts[String(token).lowercased(), default: 0] += 1
            } else {
                index += 1
            }
        }
        return counts
    }

    static func scores(shown: [String: Int], extracted: [String: Int]) -> Scores {
        let overlap = shown.reduce(0) { $0 + min($1.value, extracted[$1.key] ?? 0) }
        let extractedTotal = extracted.values.reduce(0, +)
        let shownTotal = shown.values.reduce(0, +)
        let precision = extractedTotal > 0 ? Double(overlap) / Double(extractedTotal) : (shownTotal == 0 ? 1 : 0)
        let recall = shownTotal > 0 ? Double(overlap) / Double(shownTotal) : 1
        let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        return Scores(precision: precision, recall: recall, f1: f1)
    }

    /// The share of `expected` texts found among elements of `type`, or `nil` when nothing is expected.
    static func structureRecall(_ expected: [String], _ elements: [Element], type: ElementType) -> Double? {
        guard !expected.isEmpty else { return nil }
        let found = Set(elements.filter { $0.type == type }.map { normalized($0.text) })
        let hits = expected.filter { found.contains(normalized($0)) }.count
        return Double(hits) / Double(expected.count)
    }

    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
    }

    private static func isSingleToken(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF: return true
        default: return false
        }
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
