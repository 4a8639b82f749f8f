import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP response, body fully read.
struct TransportResponse: Sendable {
    let status: Int
    let body: [UInt8]
    let limitInfo: String?
    let retryAfter: Duration?
}

/// Sends requests over one long-lived `URLSession`.
///
/// A session per request is avoided: on Linux it costs time and has known crash reports.
/// TLS certificate checks stay as `URLSession` does them by default.
final class HTTPTransport: Sendable {
    private let session: URLSession

    /// - Parameter bypassProxy: ignore `http_proxy`/`https_proxy`, for a Salesforce emulator on loopback.
    init(requestTimeout: Double, bypassProxy: Bool) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = requestTimeout
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        if bypassProxy {
            configuration.connectionProxyDictionary = [:]
            #if os(Linux)
            _ = LoopbackProxyBypass.applied
            #endif
        }
        session = URLSession(configuration: configuration)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    /// Sends one request and waits for the whole response.
    ///
    /// Task cancellation does not reach the `URLSessionTask`: on Linux (swift-corelibs-foundation,
    /// Swift 6.3) cancelling a task whose transfer is finishing deadlocked on the task's lock, and
    /// the async `data(for:)` kept a core busy while it waited. The request therefore runs to its
    /// end or its timeout, and a cancelled caller gets `CancellationError` after it.
    func send(_ request: URLRequest) async throws -> TransportResponse {
        try Task.checkCancellation()
        let (data, response): (Data, URLResponse) = try await withCheckedThrowingContinuation { continuation in
            let task = session.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(throwing: error)
                } else if let response {
                    continuation.resume(returning: (data ?? Data(), response))
                } else {
                    continuation.resume(throwing: URLError(.badServerResponse))
                }
            }
            task.resume()
        }
        try Task.checkCancellation()
        guard let http = response as? HTTPURLResponse else {
            throw URLError(.badServerResponse)
        }
        return TransportResponse(
            status: http.statusCode,
            body: [UInt8](data),
            limitInfo: http.value(forHTTPHeaderField: "Sforce-Limit-Info"),
            retryAfter: http.value(forHTTPHeaderField: "Retry-After").flatMap(Double.init).map { .seconds($0) }
        )
    }
}

#if os(Linux)
import Glibc

/// Makes libcurl skip `http_proxy`/`https_proxy` for loopback hosts.
///
/// FoundationNetworking on Linux (swift-corelibs-foundation, Swift 6.3) stores
/// `connectionProxyDictionary` without applying it, and libcurl reads the proxy from the
/// environment on every transfer. Adding the loopback hosts to `no_proxy` (and `NO_PROXY`) is
/// the only switch that reaches it. This changes the process environment once, when the first
/// client for a loopback login URL is created.
/// NOTE: `setenv` is not safe while another thread reads the environment; a client for an
/// emulator should be created before other threads start HTTP requests.
enum LoopbackProxyBypass {
    static let loopbackHosts = ["127.0.0.1", "localhost", "::1"]

    static let applied: Bool = {
        for name in ["no_proxy", "NO_PROXY"] {
            let current = getenv(name).map { String(cString: $0) } ?? ""
            let entries = current.split(separator: ",").map { $0.trimmingSpaces() }
            if entries.contains("*") { continue }
            let missing = loopbackHosts.filter { !entries.contains($0) }
            guard !missing.isEmpty else { continue }
            let value = (entries.filter { !$0.isEmpty } + missing).joined(separator: ",")
            setenv(name, value, 1)
        }
        return true
    }()
}
#endif
