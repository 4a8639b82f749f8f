/// Counters of one `SalesforceClient`, for the run summary.
public struct ClientStatistics: Sendable, Hashable {
    /// HTTP requests sent, token requests and retries included.
    public var requests = 0
    /// Requests sent again after a transient failure.
    public var retries = 0
    /// Token requests made to replace an expired or revoked session (the first token not counted).
    public var reauthentications = 0
    /// Token requests of any kind.
    public var tokenRequests = 0
    /// The org's API usage from the last response that carried `Sforce-Limit-Info`.
    public var apiUsage: APIUsage?

    public init() {}
}
