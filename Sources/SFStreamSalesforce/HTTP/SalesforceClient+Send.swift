import Foundation
import SFStreamLogging
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension SalesforceClient {
    /// Sends an API request with the current token and returns the JSON body of its 2xx response.
    ///
    /// A 401 `INVALID_SESSION_ID` leads to one token renewal and one more try of the same
    /// request; a second 401 in a row ends with `.sessionInvalidAfterReauthentication`.
    func performJSON(_ request: APIRequest) async throws -> JSONValue {
        var attempts = 0
        var renewedAfterRejection = false
        while true {
            let session = try await currentSession()
            let (response, json) = try await sendWithRetries(display: request.display, attempts: &attempts) {
                try self.urlRequest(for: request, session: session)
            }
            if let json { return json }

            let error = ErrorBody(body: response.body)
            if response.status == 401 {
                guard !renewedAfterRejection else {
                    throw SalesforceError(
                        kind: .sessionInvalidAfterReauthentication, httpStatus: 401, errorCode: error.code,
                        message: error.message, request: request.display, attempts: attempts
                    )
                }
                renewedAfterRejection = true
                logger.info("renewing Salesforce access token after a rejected request", metadata: [
                    "method": "\(request.method)", "path": "\(request.path)", "error_code": "\(error.code ?? "")",
                ])
                _ = try await renewSession(replacing: session.generation)
                continue
            }
            throw rejection(response, error: error, request: request, attempts: attempts)
        }
    }

    private func rejection(_ response: TransportResponse, error: ErrorBody, request: APIRequest, attempts: Int) -> SalesforceError {
        let kind: SalesforceError.Kind
        switch error.code {
        case "REQUEST_LIMIT_EXCEEDED": kind = .requestLimitExceeded
        case "INVALID_QUERY_LOCATOR": kind = .invalidQueryLocator
        default: kind = RetryPolicy.isTransient(status: response.status) ? .serverUnavailable : .requestRejected
        }
        return SalesforceError(
            kind: kind, httpStatus: response.status, errorCode: error.code, message: error.message,
            request: request.display, locator: request.locator, attempts: attempts
        )
    }

    private func urlRequest(for request: APIRequest, session: Session) throws -> URLRequest {
        var components = URLComponents()
        components.scheme = session.instanceURL.scheme
        components.host = session.instanceURL.host
        components.port = session.instanceURL.port
        components.percentEncodedPath = request.path
        components.percentEncodedQuery = request.query
        guard let url = components.url else {
            throw SalesforceError(kind: .invalidArgument, request: request.display, detail: "cannot form a URL for \(request.display)")
        }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method
        urlRequest.setValue("Bearer \(session.token.value)", forHTTPHeaderField: "Authorization")
        urlRequest.setValue("application/json", forHTTPHeaderField: "Accept")
        for (name, value) in request.headers {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        return urlRequest
    }

    /// Sends a request until it gets a response that is not transient or the retry budget is spent.
    ///
    /// Returns the parsed body of a 2xx response, or the response with `nil` for a 4xx that the
    /// caller interprets. Throws for transport failures, a 2xx body that is not JSON, and
    /// transient failures that outlast the retries. `makeRequest` runs before every attempt, so
    /// each attempt can carry fresh values (a new JWT assertion).
    func sendWithRetries(
        display: String,
        attempts: inout Int,
        makeRequest: () throws -> URLRequest
    ) async throws -> (TransportResponse, JSONValue?) {
        let start = ContinuousClock.now
        let method = String(display.prefix { $0 != " " })
        let path = String(display.drop { $0 != " " }.dropFirst())
        var retry = 0
        while true {
            try Task.checkCancellation()
            let request = try makeRequest()
            attempts += 1
            statisticsStorage.withLock { $0.requests += 1 }

            let failure: SalesforceError
            var retryAfter: Duration?
            do {
                let response = try await transport.send(request)
                recordLimitInfo(response.limitInfo)
                if (200..<300).contains(response.status) {
                    do {
                        return (response, try JSONParser.parse(response.body))
                    } catch let parseError where parseError.isTruncation {
                        failure = SalesforceError(
                            kind: .invalidResponse, httpStatus: response.status, request: display, attempts: attempts,
                            detail: "the body ended after \(response.body.count) bytes, in the middle of the JSON"
                        )
                    } catch {
                        throw SalesforceError(
                            kind: .invalidResponse, httpStatus: response.status, request: display, attempts: attempts,
                            detail: "the body is not valid JSON (first problem at byte \(error.offset))"
                        )
                    }
                } else if RetryPolicy.isTransient(status: response.status) {
                    let body = ErrorBody(body: response.body)
                    if body.code == "REQUEST_LIMIT_EXCEEDED" { return (response, nil) }
                    retryAfter = response.retryAfter
                    failure = SalesforceError(
                        kind: .serverUnavailable, httpStatus: response.status, errorCode: body.code,
                        message: body.message, request: display, attempts: attempts
                    )
                } else if let body = Optional(ErrorBody(body: response.body)), RetryPolicy.isTransient(errorCode: body.code, message: body.message) {
                    failure = SalesforceError(
                        kind: .serverUnavailable, httpStatus: response.status, errorCode: body.code,
                        message: body.message, request: display, attempts: attempts
                    )
                } else {
                    return (response, nil)
                }
            } catch let urlError as URLError {
                if Task.isCancelled { throw CancellationError() }
                let networkError = SalesforceError(
                    kind: .network, request: display, attempts: attempts, detail: Self.explain(urlError, timeout: configuration.requestTimeout)
                )
                guard RetryPolicy.isTransient(urlError) else { throw networkError }
                failure = networkError
            }

            retry += 1
            guard let delay = retryPolicy.delay(beforeRetry: retry, elapsed: start.duration(to: .now), retryAfter: retryAfter) else {
                throw failure
            }
            statisticsStorage.withLock { $0.retries += 1 }
            logger.warning("retrying Salesforce request after a transient failure", metadata: [
                "method": "\(method)", "path": "\(path)", "attempt": "\(attempts + 1)",
                "status": "\(failure.httpStatus.map(String.init) ?? "")",
                "error": "\(failure.httpStatus == nil || failure.kind == .invalidResponse ? failure.detail ?? "" : failure.errorCode ?? "")",
                "delay_ms": "\(Int(delay / .milliseconds(1)))",
            ])
            try await Task.sleep(for: delay)
        }
    }

    private func recordLimitInfo(_ header: String?) {
        guard let header, let usage = APIUsage(headerValue: header) else { return }
        statisticsStorage.withLock { $0.apiUsage = usage }
    }

    /// Describes a transport failure in plain words; `URLError`'s own text can include the full URL.
    static func explain(_ error: URLError, timeout: Double) -> String {
        switch error.code {
        case .timedOut: return "timed out (no data for \(timeout) s)"
        case .cannotConnectToHost: return "connection refused"
        case .networkConnectionLost: return "connection closed before the response was complete"
        case .badServerResponse, .cannotParseResponse: return "malformed HTTP response"
        case .cannotFindHost, .dnsLookupFailed: return "host name not found"
        case .notConnectedToInternet: return "no network connection"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return "TLS connection failed (certificate not trusted or handshake rejected)"
        case .unsupportedURL: return "unsupported URL"
        case .unknown: return "connection failed or closed before the response was complete"
        default: return "network error \(error.code.rawValue)"
        }
    }
}
