import Foundation

/// Helpers that write values as SOQL literals, so that no query pastes raw text between quotes.
public enum SOQLLiteral {
    /// Returns `text` as a quoted SOQL string literal, with the escapes SOQL defines
    /// (`\'`, `\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f`).
    public static func string(_ text: String) -> String {
        var output = "'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "'": output += "\\'"
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "'"
    }

    /// Returns `date` as an unquoted SOQL dateTime literal in UTC, such as `2026-03-01T10:15:00Z`.
    ///
    /// SOQL dateTime literals carry whole seconds, so a fraction of a second is dropped
    /// (rounded down). Compare with `>=` when resuming after a timestamp, and skip records
    /// already seen by Id.
    public static func dateTime(_ date: Date) -> String {
        let seconds = Int64(floor(date.timeIntervalSince1970))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: TimeInterval(seconds))
        )
        func padded(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(padded(parts.year, 4))-\(padded(parts.month, 2))-\(padded(parts.day, 2))"
            + "T\(padded(parts.hour, 2)):\(padded(parts.minute, 2)):\(padded(parts.second, 2))Z"
    }
}
