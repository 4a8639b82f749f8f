/// Salesforce record Ids: a 3-character key prefix naming the object, 2 characters of instance,
/// 1 reserved character and 9 base-62 characters, plus a 3-character suffix that makes the
/// 18-character form unique without regard to case.
///
/// The emulator numbers records with the 9 base-62 characters, using the digit order `0-9A-Za-z`,
/// which is also ASCII order: comparing Ids as strings compares their numbers, as `ORDER BY Id`
/// and `WHERE Id > '...'` need.
struct SalesforceID: Hashable, Sendable, Comparable {
    static let digits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
    private static let suffixAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".utf8)

    /// The 15-character, case-sensitive form.
    let value15: String

    init(keyPrefix: String, instance: String, number: UInt64) {
        var body: [UInt8] = Array(repeating: Self.digits[0], count: 9)
        var remaining = number
        for position in stride(from: 8, through: 0, by: -1) {
            body[position] = Self.digits[Int(remaining % 62)]
            remaining /= 62
        }
        value15 = keyPrefix + instance + "0" + String(decoding: body, as: UTF8.self)
    }

    /// Parses a 15- or 18-character Id; an 18-character Id must carry the suffix of its first 15.
    init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 15 || bytes.count == 18 else { return nil }
        guard bytes.allSatisfy({ Self.digits.contains($0) }) else { return nil }
        let first15 = String(decoding: bytes.prefix(15), as: UTF8.self)
        if bytes.count == 18, Self.suffix(of: first15) != String(decoding: bytes.suffix(3), as: UTF8.self) {
            return nil
        }
        value15 = first15
    }

    var value18: String { value15 + Self.suffix(of: value15) }
    var keyPrefix: String { String(value15.prefix(3)) }
    var instance: String { String(value15.dropFirst(3).prefix(2)) }

    var number: UInt64 {
        var result: UInt64 = 0
        for byte in value15.utf8.suffix(9) {
            let digit = Self.digits.firstIndex(of: byte) ?? 0
            result = result &* 62 &+ UInt64(digit)
        }
        return result
    }

    static func < (lhs: SalesforceID, rhs: SalesforceID) -> Bool {
        lhs.value15 < rhs.value15
    }

    /// For each 5-character chunk, bit i is set when character i is an upper-case letter.
    static func suffix(of value15: String) -> String {
        let bytes = Array(value15.utf8)
        var suffix: [UInt8] = []
        for chunk in 0..<3 {
            var bits = 0
            for position in 0..<5 {
                let byte = bytes[chunk * 5 + position]
                if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") {
                    bits |= 1 << position
                }
            }
            suffix.append(suffixAlphabet[bits])
        }
        return String(decoding: suffix, as: UTF8.self)
    }
}
