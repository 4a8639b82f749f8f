import Foundation
import SFStreamLogging
import Synchronization

/// A Salesforce REST API client that signs in with the OAuth 2.0 JWT bearer flow.
///
/// One client serves a whole run and may be called from many tasks at once: each call is an
/// independent request sequence over one shared `URLSession`, and the access token is shared.
/// When a request fails with `INVALID_SESSION_ID`, the client obtains a new token once
/// (concurrent failures share one token request) and sends the same request again.
/// Transient failures are retried with backoff (see `ClientConfiguration`).
///
/// Every method throws `SalesforceError`, or `CancellationError` when its task is cancelled.
/// A cancelled call stops at its next request or backoff wait. `query` also rethrows `onPage` errors.
public final class SalesforceClient: Sendable {
    let credentials: SalesforceCredentials
    let configuration: ClientConfiguration
    let transport: HTTPTransport
    let retryPolicy: RetryPolicy
    let statisticsStorage = Mutex(ClientStatistics())
    let sessions = SessionStore()

    /// Creates a client for the org that `credentials.loginURL` signs in to: a production or
    /// sandbox login host, a My Domain URL, or an emulator on loopback. No request is sent
    /// before the first call.
    public init(credentials: SalesforceCredentials, configuration: ClientConfiguration = .init()) {
        self.credentials = credentials
        self.configuration = configuration
        self.retryPolicy = configuration.retryPolicy
        // A proxy cannot reach a loopback server, so a loopback login URL bypasses http_proxy.
        self.transport = HTTPTransport(
            requestTimeout: configuration.requestTimeout >= 1 ? configuration.requestTimeout : 60,
            bypassProxy: LoopbackHost.contains(credentials.loginURL.host ?? "")
        )
    }

    /// Obtains the first access token, so that credential problems show before any data flows.
    ///
    /// Suspends for the token request, retries included. Later calls return at once while a
    /// token is held.
    public func authenticate() async throws {
        _ = try await currentSession()
    }

    func currentSession() async throws -> Session {
        try await sessions.current { [self] isRenewal in try await requestToken(isRenewal: isRenewal) }
    }

    func renewSession(replacing stale: Int) async throws -> Session {
        try await sessions.renew(replacing: stale) { [self] isRenewal in try await requestToken(isRenewal: isRenewal) }
    }

    /// The org's instance URL from the token response (`https://acme.my.salesforce.com`), or
    /// `nil` before `authenticate()` or the first request has obtained a token.
    /// Record URLs (`SalesforceRecord.url`) are paths relative to it.
    public var instanceURL: URL? {
        get async { await sessions.instanceURL }
    }

    /// Returns a snapshot of the counters.
    public func statistics() -> ClientStatistics {
        statisticsStorage.withLock { $0 }
    }

    /// `/services/data/v62.0`
    var dataPath: String { "/services/data/v\(configuration.apiVersion)" }

    var logger: Logger { configuration.logger }
}
