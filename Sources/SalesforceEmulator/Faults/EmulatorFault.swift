/// A failure the emulator can act out on one response, the way real orgs, load balancers and
/// networks fail.
public enum EmulatorFault: Sendable, Equatable, CustomStringConvertible {
    /// An HTTP error status with the body Salesforce sends for it: 500 `UNKNOWN_EXCEPTION` and 503
    /// `SERVER_UNAVAILABLE` as JSON, 502 and 504 as the load balancer's HTML page. On the token
    /// endpoint the body is an OAuth `unknown_error`.
    case status(Int)
    /// 401 `INVALID_SESSION_ID`; the access token of the request is revoked, as when a session ends.
    case invalidSession
    /// 400 `INVALID_QUERY_LOCATOR`, as when a cursor expired or was closed.
    case invalidQueryLocator
    /// 403 `REQUEST_LIMIT_EXCEEDED` ("TotalRequests Limit exceeded.").
    case requestLimitExceeded
    /// 403 `REQUEST_LIMIT_EXCEEDED` for too many long-running requests at once
    /// ("ConcurrentPerOrgLongTxn Limit exceeded."): transient, unlike the daily allowance.
    case concurrentRequestLimitExceeded
    /// 400 `QUERY_TIMEOUT`.
    case queryTimeout
    /// The connection closes after the request, with no response.
    case closeWithoutResponse
    /// The real response's headers and half of its body are sent, then the connection closes.
    case closeMidBody
    /// A complete HTTP response whose JSON body is cut in half (its `Content-Length` matches the cut
    /// body), as from a proxy that truncates.
    case truncatedJSON
    /// The real response, sent after `milliseconds`.
    case delay(milliseconds: Int)

    public var description: String {
        switch self {
        case .status(let code): "status(\(code))"
        case .invalidSession: "invalidSession"
        case .invalidQueryLocator: "invalidQueryLocator"
        case .requestLimitExceeded: "requestLimitExceeded"
        case .concurrentRequestLimitExceeded: "concurrentRequestLimitExceeded"
        case .queryTimeout: "queryTimeout"
        case .closeWithoutResponse: "closeWithoutResponse"
        case .closeMidBody: "closeMidBody"
        case .truncatedJSON: "truncatedJSON"
        case .delay(let milliseconds): "delay(\(milliseconds) ms)"
        }
    }
}

/// The emulator endpoints a fault can be aimed at.
public enum EmulatorEndpoint: String, Sendable, Equatable, CaseIterable {
    /// `POST /services/oauth2/token`.
    case token
    /// The first page of `query` or `queryAll`.
    case query
    /// A later page, through `nextRecordsUrl`.
    case queryMore
    /// `GET` or `POST /composite/sobjects/<Object>`.
    case collections
    /// `GET /sobjects/<Object>/describe` and `GET /sobjects`.
    case describe
    /// Single-record reads and writes under `/sobjects/<Object>/...`.
    case sobject
    /// Every other path.
    case other
}

/// The endpoint, or group of endpoints, that an injected fault is aimed at.
public enum FaultTarget: Sendable, Equatable {
    case endpoint(EmulatorEndpoint)
    /// Any endpoint except `token`, so that a client can still authenticate.
    case anyDataEndpoint
}

/// A fault the emulator acted out, for tests to check what a client met.
public struct ServedFault: Sendable, Equatable {
    public let endpoint: EmulatorEndpoint
    public let fault: EmulatorFault
    /// `true` when `faultRate` chose it; `false` when it was injected.
    public let isRandom: Bool

    public init(endpoint: EmulatorEndpoint, fault: EmulatorFault, isRandom: Bool) {
        self.endpoint = endpoint
        self.fault = fault
        self.isRandom = isRandom
    }
}
