/// A failed Salesforce call, as data: what kind of failure, the HTTP status, Salesforce's
/// `errorCode` and message, and the request it happened on.
///
/// `description` is one line that states what failed and what to do. It never contains the
/// access token or key material: requests are named by method and path only.
public struct SalesforceError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure; compare with the static members (`error.kind == .requestLimitExceeded`).
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The token endpoint rejected the JWT assertion, or the assertion could not be made.
        public static let authenticationFailed = Kind("authenticationFailed")
        /// The token response named an `instance_url` that is not https (loopback hosts excepted).
        public static let insecureInstanceURL = Kind("insecureInstanceURL")
        /// A request was rejected with 401 again right after a new token was obtained.
        public static let sessionInvalidAfterReauthentication = Kind("sessionInvalidAfterReauthentication")
        /// `REQUEST_LIMIT_EXCEEDED`: the org's API request limit is reached. Not retried.
        public static let requestLimitExceeded = Kind("requestLimitExceeded")
        /// `INVALID_QUERY_LOCATOR`: a query cursor expired or was closed. Restart by keyset.
        public static let invalidQueryLocator = Kind("invalidQueryLocator")
        /// A query page named a `nextRecordsUrl` that was already requested.
        public static let repeatedQueryLocator = Kind("repeatedQueryLocator")
        /// A query page had `done: false` but no `nextRecordsUrl`.
        public static let missingQueryLocator = Kind("missingQueryLocator")
        /// Salesforce answered with a 4xx error not listed above (for example `MALFORMED_QUERY`, `INVALID_FIELD`).
        public static let requestRejected = Kind("requestRejected")
        /// 5xx or 429 responses went on after every retry.
        public static let serverUnavailable = Kind("serverUnavailable")
        /// The connection failed (timeout, refused, reset, TLS) after every retry, or in a way not worth retrying.
        public static let network = Kind("network")
        /// A response body was not the JSON Salesforce documents.
        public static let invalidResponse = Kind("invalidResponse")
        /// The caller passed a value the client does not send (an sObject or field name with odd characters).
        public static let invalidArgument = Kind("invalidArgument")
        /// A `ClientConfiguration` value is out of range.
        public static let invalidConfiguration = Kind("invalidConfiguration")
    }

    public let kind: Kind
    /// The HTTP status of the last response, if there was one.
    public let httpStatus: Int?
    /// Salesforce's `errorCode` (REST API) or `error` (OAuth token endpoint).
    public let errorCode: String?
    /// Salesforce's `message` or `error_description`, on one line and cut at 500 characters.
    public let message: String?
    /// `GET /services/data/v62.0/query/0r8…`: method and path, never the query string or headers.
    public let request: String?
    /// The query locator (`nextRecordsUrl`) involved, for the pagination kinds.
    public let locator: String?
    /// How many times the request was sent.
    public let attempts: Int
    /// Our own explanation, used where Salesforce sent none.
    let detail: String?

    init(
        kind: Kind,
        httpStatus: Int? = nil,
        errorCode: String? = nil,
        message: String? = nil,
        request: String? = nil,
        locator: String? = nil,
        attempts: Int = 0,
        detail: String? = nil
    ) {
        self.kind = kind
        self.httpStatus = httpStatus
        self.errorCode = errorCode
        self.message = message
        self.request = request
        self.locator = locator
        self.attempts = attempts
        self.detail = detail
    }

    public var description: String {
        SalesforceErrorMessage.render(self)
    }
}
