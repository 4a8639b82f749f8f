/// The error a Salesforce response body carries.
///
/// REST API errors are an array of `{"errorCode": …, "message": …}` objects; the OAuth token
/// endpoint sends one `{"error": …, "error_description": …}` object.
struct ErrorBody: Sendable {
    let code: String?
    let message: String?

    /// Longer server messages are cut, because some echo a whole query.
    static let maxMessageLength = 500

    init(body: [UInt8]) {
        let value = try? JSONParser.parse(body)
        let first = value?.arrayValue?.first ?? value
        code = first?["errorCode"]?.stringValue ?? first?["error"]?.stringValue
        message = (first?["message"]?.stringValue ?? first?["error_description"]?.stringValue).map(Self.oneLine)
    }

    /// Returns the text on one line and at most `maxMessageLength` characters.
    static func oneLine(_ text: String) -> String {
        var line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        if line.count > maxMessageLength {
            line = String(line.prefix(maxMessageLength)) + "…"
        }
        return line
    }
}
