/// A REST API request relative to the instance URL.
struct APIRequest: Sendable {
    let method: String
    /// Percent-encoded path starting with `/services/`.
    let path: String
    /// Percent-encoded query string without the `?`.
    let query: String?
    var headers: [String: String] = [:]
    /// The query locator this request follows, for pagination errors.
    var locator: String?

    /// Method and path, for logs and errors; the query string is left out because it can be long.
    var display: String { "\(method) \(path)" }
}

enum PercentEncoding {
    /// Encodes a query parameter value, keeping only RFC 3986 unreserved characters as they are.
    static func queryValue(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                output += hex.count == 1 ? "%0" + hex : "%" + hex
            }
        }
        return output
    }
}
