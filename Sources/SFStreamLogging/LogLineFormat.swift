/// The one-line text form of an event: `PREFIX: LEVEL: MESSAGE key=value …`.
///
/// Keys are sorted so that a line reads the same on every run. A value is quoted when it is
/// empty or contains a space, `=`, `"`, a backslash or a control character, so a reader (or
/// `awk`) can split the fields back out. Control characters are escaped (`\n`, `\t`, `\u{1B}`)
/// in the message too, so that one event is always one line.
public enum LogLineFormat {
    public static func line(prefix: String, level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata) -> String {
        var line = "\(prefix): \(level.rawValue): "
        line += escapingControlCharacters(message.description)
        for key in metadata.keys.sorted() {
            line += " \(key)=\(quotedIfNeeded(metadata[key]!.description))"
        }
        return line
    }

    /// Returns `value` as is, or in double quotes with `"` and `\` escaped when a field reader would
    /// otherwise split it wrongly.
    public static func quotedIfNeeded(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.unicodeScalars.contains { scalar in
            scalar == " " || scalar == "=" || scalar == "\"" || scalar == "\\" || isControl(scalar)
        }
        guard needsQuotes else { return value }
        var quoted = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            default: quoted += escaped(scalar)
            }
        }
        return quoted + "\""
    }

    static func escapingControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        return text.unicodeScalars.map(escaped).joined()
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default:
            return isControl(scalar) ? "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" : String(scalar)
        }
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
