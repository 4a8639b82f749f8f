import Foundation

/// When to retry a request that failed for a transient reason, and how long to wait.
///
/// Waits use exponential backoff with full jitter: before retry `n` (1-based) the client
/// sleeps a uniformly random time in `0 ... min(maxDelay, baseDelay * 2^(n-1))`, or the
/// server's `Retry-After` when it sends one (capped at `maxDelay`). Retries stop after
/// `maxRetries`, or when the next wait would end past `maxTotalTime` since the first attempt.
struct RetryPolicy: Sendable {
    let maxRetries: Int
    let baseDelay: Duration
    let maxDelay: Duration
    let maxTotalTime: Duration

    /// Returns the wait before retry number `retry`, or `nil` when the budget is spent.
    func delay(beforeRetry retry: Int, elapsed: Duration, retryAfter: Duration?) -> Duration? {
        guard retry <= maxRetries else { return nil }
        let delay: Duration
        if let retryAfter {
            delay = min(retryAfter, maxDelay)
        } else {
            let exponent = min(retry - 1, 30)
            let ceiling = min(maxDelay, baseDelay * (1 << exponent))
            let ceilingSeconds = Double(ceiling.components.seconds) + Double(ceiling.components.attoseconds) * 1e-18
            delay = .seconds(Double.random(in: 0...ceilingSeconds))
        }
        guard elapsed + delay <= maxTotalTime else { return nil }
        return delay
    }

    /// HTTP statuses worth retrying: rate limiting and server-side failures.
    static func isTransient(status: Int) -> Bool {
        status == 429 || status == 500 || status == 502 || status == 503 || status == 504
    }

    /// Salesforce errors that a later attempt can pass: `QUERY_TIMEOUT` (the message says to try
    /// again later) and `REQUEST_LIMIT_EXCEEDED` for too many concurrent requests
    /// ("ConcurrentPerOrgLongTxn Limit exceeded."). The daily allowance ("TotalRequests Limit
    /// exceeded.") is not transient: the pipeline stops on it.
    static func isTransient(errorCode: String?, message: String?) -> Bool {
        switch errorCode {
        case "QUERY_TIMEOUT":
            return true
        case "REQUEST_LIMIT_EXCEEDED":
            return message?.range(of: "Concurrent", options: .caseInsensitive) != nil
        default:
            return false
        }
    }

    /// Transport failures worth retrying: timeouts and connections lost or refused on the way.
    ///
    /// `.unknown` is included because FoundationNetworking on Linux reports a body cut short
    /// (libcurl's partial-file error) with that code.
    static func isTransient(_ error: URLError) -> Bool {
        switch error.code {
        case .unknown, .timedOut, .networkConnectionLost, .notConnectedToInternet, .cannotConnectToHost,
             .dnsLookupFailed, .badServerResponse, .resourceUnavailable, .zeroByteResource,
             .cannotParseResponse, .dataNotAllowed, .internationalRoamingOff, .callIsActive:
            return true
        default:
            return false
        }
    }
}
