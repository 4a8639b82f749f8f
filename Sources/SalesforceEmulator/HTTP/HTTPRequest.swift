/// One parsed HTTP/1.1 request, with its whole body.
public struct HTTPRequest: Sendable {
    /// The method token as sent, for example `GET`.
    public var method: String
    /// The request target exactly as sent: `path?query`, still percent-encoded.
    public var target: String
    /// The percent-decoded path, without the query.
    public var path: String
    /// The query's `name=value` pairs in order, percent-decoded, with `+` read as a space
    /// (the form encoding that clients use for SOQL in `q=`).
    public var queryItems: [(name: String, value: String)]
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(method: String, target: String, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        self.path = FormEncoding.percentDecode(parts.first.map(String.init) ?? "", plusAsSpace: false)
        self.queryItems = parts.count > 1 ? FormEncoding.parse(String(parts[1])) : []
    }

    /// Returns the value of the first query item named `name`, or `nil`.
    public func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    /// Parses the body's `name=value` pairs when it is `application/x-www-form-urlencoded`, percent-decoded.
    public func formItems() -> [(name: String, value: String)] {
        FormEncoding.parse(String(decoding: body, as: UTF8.self))
    }
}

/// `application/x-www-form-urlencoded` parsing (WHATWG URL standard, section 5.1).
enum FormEncoding {
    static func parse(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = percentDecode(String(parts[0]), plusAsSpace: true)
            let value = parts.count > 1 ? percentDecode(String(parts[1]), plusAsSpace: true) : ""
            return (name: name, value: value)
        }
    }

    /// Decodes `%XX` escapes as UTF-8 bytes. A `%` not followed by two hex digits is kept as it is,
    /// and invalid UTF-8 becomes U+FFFD.
    static func percentDecode(_ text: String, plusAsSpace: Bool) -> String {
        let input = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "%"), index + 2 < input.count,
               let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2]) {
                output.append(high << 4 | low)
                index += 3
                continue
            }
            output.append(plusAsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Encodes everything except the RFC 3986 unreserved characters.
    static func percentEncode(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                output.unicodeScalars.append("%")
                output.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                output.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0x0F)]))
            }
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
