import SFStreamLogging

/// Settings of a `SalesforceClient`; the defaults suit a production org.
public struct ClientConfiguration: Sendable {
    /// REST API version without the `v`, such as `62.0`.
    public var apiVersion: String
    /// Seconds a request may take before it fails as timed out (and is retried). Default 60.
    /// FoundationNetworking on Linux truncates it to whole seconds, so use at least 1.
    public var requestTimeout: Double
    /// Retries of one request after transient failures (5xx, 429, timeouts, dropped connections). Default 5.
    public var maxRetries: Int
    /// Seconds; the upper bound of the first backoff wait, doubled for each later retry. Default 0.5.
    public var retryBaseDelay: Double
    /// Seconds; no single backoff wait is longer. Default 30.
    public var retryMaxDelay: Double
    /// Seconds from a request's first attempt after which it is not retried again. Default 120.
    public var retryMaxTotalTime: Double
    /// Records per query page asked of Salesforce (`Sforce-Query-Options: batchSize`), 200–2000;
    /// `nil` lets Salesforce choose (2000 by default). Salesforce may still send smaller pages.
    /// Default 500: a whole page is parsed and held while its records are handed on, and a page
    /// of 2,000 EmailMessage records held about 10 MB more than one of 500.
    public var queryBatchSize: Int?
    /// Receives retries (`warning`), token requests and renewals (`info`). Events carry the
    /// method, path and status, never the access token, the private key or a query string.
    /// Default: a logger that drops every event.
    public var logger: Logger

    public init(
        apiVersion: String = "62.0",
        requestTimeout: Double = 60,
        maxRetries: Int = 5,
        retryBaseDelay: Double = 0.5,
        retryMaxDelay: Double = 30,
        retryMaxTotalTime: Double = 120,
        queryBatchSize: Int? = 500,
        logger: Logger = .disabled(label: "sfstream.salesforce")
    ) {
        self.apiVersion = apiVersion
        self.requestTimeout = requestTimeout
        self.maxRetries = maxRetries
        self.retryBaseDelay = retryBaseDelay
        self.retryMaxDelay = retryMaxDelay
        self.retryMaxTotalTime = retryMaxTotalTime
        self.queryBatchSize = queryBatchSize
        self.logger = logger
    }

    /// Salesforce accepts query batch sizes in this range.
    public static let queryBatchSizeRange = 200...2000

    /// Checks every value and reports all problems in one error.
    public func validate() throws(SalesforceError) {
        var problems: [String] = []
        let versionParts = apiVersion.split(separator: ".")
        if versionParts.count != 2 || !versionParts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) {
            problems.append("API version \"\(apiVersion)\" is not of the form 62.0")
        }
        if !(requestTimeout >= 1) { problems.append("request timeout \(requestTimeout) s must be at least 1 s") }
        if maxRetries < 0 { problems.append("max retries \(maxRetries) must be 0 or more") }
        if !(retryBaseDelay >= 0) { problems.append("retry base delay \(retryBaseDelay) s must be 0 or more") }
        if !(retryMaxDelay >= retryBaseDelay) {
            problems.append("retry max delay \(retryMaxDelay) s must be at least the base delay \(retryBaseDelay) s")
        }
        if !(retryMaxTotalTime >= 0) { problems.append("retry max total time \(retryMaxTotalTime) s must be 0 or more") }
        if let queryBatchSize, !Self.queryBatchSizeRange.contains(queryBatchSize) {
            problems.append("query batch size \(queryBatchSize) is outside \(Self.queryBatchSizeRange.lowerBound)–\(Self.queryBatchSizeRange.upperBound)")
        }
        guard problems.isEmpty else {
            throw SalesforceError(kind: .invalidConfiguration, detail: "invalid client configuration: " + problems.joined(separator: "; "))
        }
    }

    var retryPolicy: RetryPolicy {
        RetryPolicy(
            maxRetries: max(0, maxRetries),
            baseDelay: .seconds(max(0, retryBaseDelay)),
            maxDelay: .seconds(max(0, retryMaxDelay)),
            maxTotalTime: .seconds(max(0, retryMaxTotalTime))
        )
    }
}
