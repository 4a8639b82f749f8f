import Foundation
import SFStreamLogging

/// Settings of a `SalesforceEmulator`. Only the certificate is required.
public struct EmulatorConfiguration: Sendable {
    /// The connected app's X.509 certificate (PEM). JWT assertions are verified with its public key.
    public var certificatePEM: String
    /// The loopback port to listen on; 0 picks a free one.
    public var port: UInt16 = 0
    /// A folder of HTML files (with an optional `MANIFEST.json`); `nil` uses the bundled corpus.
    public var corpusDirectory: URL? = nil
    /// Records per object. `nil` gives 25 of each, except EmailMessage: one per corpus document
    /// plus six edge cases (two with only a TextBody, one with no body, one with empty markup, two
    /// with generated HTML). A number sets every object, EmailMessage included; EmailMessage records
    /// past the corpus cycle through the edge cases and generated HTML.
    public var recordCount: Int? = nil
    /// EmailMessage records past the corpus carry the corpus documents again, in order, instead of
    /// the edge cases and generated HTML; the benchmark uses it to push the corpus through the
    /// whole pipeline.
    public var repeatsCorpus: Bool = false
    /// Record counts for single objects by API name, applied after `recordCount`.
    public var recordCountsByObject: [String: Int] = [:]
    /// Seeds every generated value: the same seed gives the same Ids, dates and field values.
    public var seed: UInt64 = 1
    /// The largest number of records in one query page. `Sforce-Query-Options: batchSize=N`
    /// (200 to 2,000) lowers it for one query.
    public var pageSize: Int = 2000
    /// Added before every response, in milliseconds.
    public var latencyMilliseconds: Int = 0
    /// The probability (0 to 1) that a REST data request meets a random fault; see `EmulatorFault`.
    public var faultRate: Double = 0
    /// The user whose `sub` the JWT must carry; compared without regard to case.
    public var username: String = "demo@example.com"
    /// The `iss` the JWT must carry.
    public var consumerKey: String = "3MVG9emulator.consumer.key"
    /// Access tokens expire this many seconds after they were issued (401 `INVALID_SESSION_ID`); `nil`: never.
    public var sessionLifetimeSeconds: Int? = nil
    /// Accepted values of the JWT `aud` claim. The emulator's own `loginURL` is always accepted as
    /// well, because a client pointed at a My Domain login URL may send that.
    public var acceptedAudiences: [String] = ["https://login.salesforce.com", "https://test.salesforce.com"]
    /// How far in the future a JWT's `exp` may lie, in seconds.
    public var maximumAssertionLifetimeSeconds: Int = 300
    /// The daily API request allowance reported in `Sforce-Limit-Info`; past it, requests get 403
    /// `REQUEST_LIMIT_EXCEEDED`.
    public var apiRequestLimit: Int = 100_000
    /// The most Ids one sObject Collections retrieve may name.
    public var maximumCollectionIds: Int = 200
    /// A query locator expires this many seconds after its last use (Salesforce: 15 minutes).
    public var queryLocatorLifetimeSeconds: Int = 900

    /// Receives one `debug` event per request served, with `method`, `path`, `status` and, for an
    /// injected fault, `fault`. Events carry no query strings, tokens or assertions.
    /// Default: a logger that drops every event.
    public var logger: Logger = .disabled(label: "sfstream.emulator")
    /// Text put at the start of every access token's secret part, so that a test can search all
    /// output for it and prove no token leaked. Letters and digits only; `nil` for none.
    public var accessTokenMarker: String? = nil

    public init(certificatePEM: String) {
        self.certificatePEM = certificatePEM
    }
}
