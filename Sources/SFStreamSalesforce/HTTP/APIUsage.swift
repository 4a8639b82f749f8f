/// The org's 24-hour API request usage, from the `Sforce-Limit-Info: api-usage=used/limit` response header.
public struct APIUsage: Sendable, Hashable, CustomStringConvertible {
    public let used: Int
    public let limit: Int

    public var description: String { "\(used)/\(limit)" }

    public init(used: Int, limit: Int) {
        self.used = used
        self.limit = limit
    }

    /// Reads `api-usage=18/5000` out of a header value that may list other items, comma-separated.
    init?(headerValue: String) {
        for item in headerValue.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingSpaces() == "api-usage" else { continue }
            let numbers = parts[1].split(separator: "/")
            guard numbers.count == 2,
                  let used = Int(numbers[0].trimmingSpaces()),
                  let limit = Int(numbers[1].trimmingSpaces())
            else { return nil }
            self.used = used
            self.limit = limit
            return
        }
        return nil
    }
}
