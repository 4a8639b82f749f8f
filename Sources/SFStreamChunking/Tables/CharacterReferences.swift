/// Decodes the HTML character references that table markup commonly contains: numeric
/// references and the named references `amp`, `lt`, `gt`, `quot`, `apos` and `nbsp`. Other named
/// references stay as written.
enum CharacterReferences {
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "&", let (decoded, length) = reference(in: scalars, at: index) {
                output.append(decoded)
                index += length
            } else {
                output.append(scalars[index])
                index += 1
            }
        }
        return String(output)
    }

    /// Maximum length of a reference name or number, so a stray `&` costs a bounded look-ahead.
    private static let maxReferenceLength = 10

    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
    ]

    /// Returns the scalar of the reference starting at `start` and the reference's length,
    /// `&` and `;` included.
    private static func reference(in scalars: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
        var body = ""
        var index = start + 1
        while index < scalars.count, index - start <= maxReferenceLength, scalars[index] != ";" {
            body.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard index < scalars.count, scalars[index] == ";", !body.isEmpty else { return nil }
        let length = index - start + 1

        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value: UInt32?
            if digits.hasPrefix("x") || digits.hasPrefix("X") {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits, radix: 10)
            }
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return (scalar, length)
        }
        guard let scalar = named[body] else { return nil }
        return (scalar, length)
    }
}
