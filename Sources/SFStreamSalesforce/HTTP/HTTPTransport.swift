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
        }
        session = URLSession(configuration: configuration)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    func send(_ request: URLRequest) async throws -> TransportResponse {
        let (data, response) = try await session.data(for: request)
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
