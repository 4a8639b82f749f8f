import Foundation

/// Splits a Salesforce address field (`ToAddress`, `CcAddress`, …) into single addresses.
///
/// Salesforce stores several recipients in one string separated by `;` (and users paste `,`).
/// A comma inside a quoted display name (`"Roe, Sam" <sam@example.com>`) does not split.
enum RecipientList {
    static func split(_ value: String?) -> [String]? {
        guard let value else { return nil }
        var recipients: [String] = []
        var current = ""
        var insideQuotes = false
        for character in value {
            if character == "\"" { insideQuotes.toggle() }
            if !insideQuotes, character == ";" || character == "," {
                append(current, to: &recipients)
                current = ""
            } else {
                current.append(character)
            }
        }
        append(current, to: &recipients)
        return recipients.isEmpty ? nil : recipients
    }

    private static func append(_ candidate: String, to recipients: inout [String]) {
        let trimmed = candidate.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty { recipients.append(trimmed) }
    }
}
